using InvoicePipeline.Payroll;

namespace InvoicePipeline.Worker.Persistence;

/// <summary>
/// A payroll transaction row as the pipeline keeps it: what was read, how it was priced, its status. The person id
/// is not stored here: the row names the employee by employee id, which is all the ledger and the export need.
/// </summary>
public sealed class PayrollEntry
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    /// <summary>The customer organisation the row was registered for (payroll folder or organisation_id column) (organisations.md).</summary>
    public string OrganisationId { get; set; } = InvoicePipeline.MasterData.Organisation.DefaultId;

    public string RunId { get; set; } = "";
    public string File { get; set; } = "";
    public int Line { get; set; }
    public string TransactionId { get; set; } = "";
    public string? EmployeeId { get; set; }
    public string PayCode { get; set; } = "";
    public DateOnly WorkDate { get; set; }
    public decimal? Quantity { get; set; }
    public decimal? Rate { get; set; }
    public decimal? CorrectedRate { get; set; }
    public decimal? Amount { get; set; }
    /// <summary>YYYY-MM.</summary>
    public string Period { get; set; } = "";
    public string? CorrectsPeriod { get; set; }
    public string? CostCentre { get; set; }
    public string? Account { get; set; }
    /// <summary>Stored as its name (the values of ../shared/spec/outcomes.md).</summary>
    public PayrollStatus Status { get; set; }
    public string Exceptions { get; set; } = "";
    public string? Reasons { get; set; }
    public string? ReportedBy { get; set; }
    public string? ImportedBy { get; set; }
    public string? Reference { get; set; }
    public string? AttestedBy { get; set; }
    public DateTimeOffset? AttestedAt { get; set; }
    public long? VoucherId { get; set; }
}
