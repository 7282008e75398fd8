using InvoicePipeline.Payroll;
using InvoicePipeline.Travel;

namespace InvoicePipeline.Worker.Persistence;

/// <summary>
/// A travel or expense claim line (data-formats.md) as the pipeline keeps it: what was read, what the Core rules computed
/// (the amount with its tax-free part and taxable excess, or an expense's net cost and input VAT), and its status
/// (attested like payroll rows, so <see cref="PayrollStatus"/>). The employee is named by employee id only.
/// </summary>
public sealed class TravelClaimEntry
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public string RunId { get; set; } = "";
    public string File { get; set; } = "";
    public int Line { get; set; }
    public string ClaimId { get; set; } = "";
    public string EmployeeId { get; set; } = "";
    public TravelLineType LineType { get; set; }
    public string? TripId { get; set; }
    /// <summary>Local time as the claim gives it (stored as text YYYY-MM-DDTHH:MM).</summary>
    public DateTime? Departure { get; set; }
    public DateTime? Return { get; set; }
    public string? Country { get; set; }
    public bool Overnight { get; set; }
    public decimal? DistanceKm { get; set; }
    /// <summary>As the file gives it: <c>2026-10-06:BL;2026-10-07:D</c>.</summary>
    public string? MealsProvided { get; set; }
    public decimal? Km { get; set; }
    public string? Vehicle { get; set; }
    /// <summary>The amount on the line (an expense's amount incl. VAT, or what the agreement pays for a trip).</summary>
    public decimal? ClaimedAmount { get; set; }
    public decimal? ClaimedVat { get; set; }
    public string? Currency { get; set; }
    public string? Category { get; set; }
    public string? ReceiptRef { get; set; }
    public string? ReportedBy { get; set; }
    public string? ImportedBy { get; set; }
    public string? Corrects { get; set; }
    /// <summary>What is paid: the computed per diem or mileage, or the expense (the report's <c>amount</c>).</summary>
    public decimal? Amount { get; set; }
    public decimal? TaxFree { get; set; }
    public decimal? Taxable { get; set; }
    /// <summary>An expense's cost excluding the input VAT.</summary>
    public decimal? NetAmount { get; set; }
    public decimal? VatAmount { get; set; }
    /// <summary>The employee's cost centre, charged on the payroll voucher.</summary>
    public string? CostCentre { get; set; }
    /// <summary>The payroll period (YYYY-MM) the line is paid in: its date's month, carried on at a cut-off while unattested.</summary>
    public string Period { get; set; } = "";
    public PayrollStatus Status { get; set; }
    public string Exceptions { get; set; } = "";
    public string? Reasons { get; set; }
    /// <summary>How the amount was computed (the rule of each day), for the attester and the employee's history.</summary>
    public string? Explanation { get; set; }
    public string? AttestedBy { get; set; }
    public DateTimeOffset? AttestedAt { get; set; }
    public long? VoucherId { get; set; }
    /// <summary>Set when a later claim corrected this posted line: the voucher that reversed it.</summary>
    public long? ReversedByVoucherId { get; set; }
    /// <summary>The claim that corrected (replaced) this line.</summary>
    public string? CorrectedBy { get; set; }
}
