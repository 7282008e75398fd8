namespace InvoicePipeline.Kpi;

/// <summary>Throughput of one process in one month against its target (docs/kpi.md).</summary>
public sealed record ProcessThroughput(string Process, string Month, int Handled, decimal? Fte, decimal? PerFte, decimal Target, decimal? Gap)
{
    /// <summary>Why there is no per-FTE figure, when there is none.</summary>
    public string? Note => Fte is null ? "no staffing row for the month" : Fte == 0 ? "staffing is 0 FTE" : null;
}

public sealed record KpiReport(
    string Month,
    ProcessThroughput SupplierInvoices,
    ProcessThroughput Payroll,
    int Posted,
    int Touchless,
    decimal? TouchlessRate,
    decimal? AverageLeadTimeCalendarDays,
    decimal? AverageLeadTimeWorkingDays,
    int LeadTimeTargetWorkingDays,
    decimal? SlaCompliance,
    int BacklogAtMonthEnd,
    int EInvoices,
    int Scanned,
    decimal? EInvoiceShare,
    IReadOnlyDictionary<string, int> ExceptionsByCode,
    IReadOnlyDictionary<string, int> TouchesByRole,
    IReadOnlyDictionary<string, int> TouchesBySupplier,
    IReadOnlyDictionary<string, int> TouchesByExceptionCode,
    IReadOnlyList<ProcessThroughput> Trend);
