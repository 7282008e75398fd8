namespace InvoicePipeline.Payroll;

/// <summary>The payroll exception codes of outcomes.md, as the strings the report and the dashboard show.</summary>
public static class PayrollExceptionCode
{
    public const string InvalidPersonId = "INVALID_PERSON_ID";
    public const string UnknownEmployee = "UNKNOWN_EMPLOYEE";
    public const string NotEmployed = "NOT_EMPLOYED";
    public const string UnknownPayCode = "UNKNOWN_PAY_CODE";
    public const string PayCodeNotAllowed = "PAY_CODE_NOT_ALLOWED";
    public const string NoRate = "NO_RATE";
    public const string QuantityOutOfRange = "QUANTITY_OUT_OF_RANGE";
    public const string DuplicateTransaction = "DUPLICATE_TRANSACTION";
    /// <summary>
    /// A Danish CPR number whose date is valid but which fails modulus 11: not rejected (CPR does not promise modulus 11
    /// for every number), the row waits for its attester, a person, who sees this reason.
    /// </summary>
    public const string CprModulus11Unchecked = "CPR_MODULUS11_UNCHECKED";

    /// <summary>The codes of outcomes.md (<see cref="CprModulus11Unchecked"/> is this program's extension, a hold, not a rejection).</summary>
    public static readonly IReadOnlyList<string> All =
    [
        InvalidPersonId, UnknownEmployee, NotEmployed, UnknownPayCode, PayCodeNotAllowed, NoRate,
        QuantityOutOfRange, DuplicateTransaction,
    ];

    /// <summary>Codes that hold a row for a person to look at instead of rejecting it.</summary>
    public static readonly IReadOnlySet<string> ForAPerson = new HashSet<string>(StringComparer.Ordinal) { CprModulus11Unchecked };

    /// <summary>
    /// The status a set of exceptions leads to: payroll has no review step, so any exception rejects the row,
    /// except a duplicate alone, which is kept apart as Duplicate (never paid twice), and the codes
    /// <see cref="ForAPerson"/>, which leave the row awaiting attestation with the reason for the attester.
    /// </summary>
    public static PayrollStatus StatusFor(IReadOnlyCollection<PayrollException> exceptions)
    {
        if (exceptions.All(e => ForAPerson.Contains(e.Code))) return PayrollStatus.AwaitingAttestation;
        return exceptions.All(e => e.Code == DuplicateTransaction || ForAPerson.Contains(e.Code)) ? PayrollStatus.Duplicate : PayrollStatus.Rejected;
    }
}

/// <summary>An exception raised for a transaction: the code, the column it concerns, and why (never a full person id).</summary>
public sealed record PayrollException(string Code, string Column, string Reason);
