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

    public static readonly IReadOnlyList<string> All =
    [
        InvalidPersonId, UnknownEmployee, NotEmployed, UnknownPayCode, PayCodeNotAllowed, NoRate,
        QuantityOutOfRange, DuplicateTransaction,
    ];

    /// <summary>
    /// The status a set of exceptions leads to: payroll has no review step, so any exception rejects the row,
    /// except a duplicate alone, which is kept apart as Duplicate (never paid twice).
    /// </summary>
    public static PayrollStatus StatusFor(IReadOnlyCollection<PayrollException> exceptions)
    {
        if (exceptions.Count == 0) return PayrollStatus.AwaitingAttestation;
        return exceptions.All(e => e.Code == DuplicateTransaction) ? PayrollStatus.Duplicate : PayrollStatus.Rejected;
    }
}

/// <summary>An exception raised for a transaction: the code, the column it concerns, and why (never a full person id).</summary>
public sealed record PayrollException(string Code, string Column, string Reason);
