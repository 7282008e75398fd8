using InvoicePipeline.MasterData;

namespace InvoicePipeline.Payroll;

/// <summary>
/// What validation and pricing decided for one transaction: the values to store with it. Holds no person id:
/// the employee is named by <see cref="EmployeeId"/> only, which is what the ledger and the export carry.
/// </summary>
public sealed record PayrollOutcome(
    PayrollStatus Status,
    IReadOnlyList<PayrollException> Exceptions,
    string? EmployeeId,
    string? CostCentre,
    string? Account,
    PayUnit? Unit,
    PayrollPeriod Period,
    decimal? Rate,
    decimal? CorrectedRate,
    decimal? Amount)
{
    public bool IsAccepted => Status == PayrollStatus.AwaitingAttestation;

    /// <summary>The codes separated by ';' as payroll.csv writes them.</summary>
    public string ExceptionCodes => string.Join(';', Exceptions.Select(e => e.Code).Distinct(StringComparer.Ordinal));
}
