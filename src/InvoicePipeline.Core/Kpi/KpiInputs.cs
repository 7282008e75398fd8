namespace InvoicePipeline.Kpi;

/// <summary>One state change of an invoice's history: who (a user, or "system"), in which role, from what to what.</summary>
public sealed record KpiEvent(DateTimeOffset At, string? From, string To, string Actor, string? Role, string Action);

/// <summary>What the KPIs need of one invoice: its channel, supplier, arrival, exception codes and history.</summary>
public sealed record KpiInvoice(long Id, bool Scanned, string? SupplierId, DateTimeOffset ReceivedAt, IReadOnlyList<string> ExceptionCodes, IReadOnlyList<KpiEvent> History);

/// <summary>A payroll transaction row: when its file arrived and its status.</summary>
public sealed record KpiPayrollRow(DateTimeOffset ReceivedAt, InvoicePipeline.Payroll.PayrollStatus Status);

/// <summary>A row of staffing.csv.</summary>
public sealed record KpiStaffing(string Month, string Process, decimal Fte);

public sealed record KpiSettings(decimal SupplierInvoiceTarget = 3500m, decimal PayrollTarget = 1700m, int LeadTimeTargetWorkingDays = 5)
{
    public const string SupplierInvoices = "supplier_invoices";
    public const string Payroll = "payroll";
}
