using InvoicePipeline.Payroll;

namespace InvoicePipeline.Kpi;

/// <summary>
/// The KPIs of docs/kpi.md, exactly and deterministically from the records given: no clock, no database.
/// Months are calendar months in the given time zone; decimals are rounded to 4 places only in the ratios.
/// </summary>
public static class KpiCalculator
{
    public static readonly IReadOnlySet<string> FinalStatuses = new HashSet<string>(StringComparer.Ordinal) { "Posted", "Rejected", "Duplicate", "Paid" };

    public static KpiReport Compute(string month, IReadOnlyList<KpiInvoice> invoices, IReadOnlyList<KpiPayrollRow> payroll,
        IReadOnlyList<KpiStaffing> staffing, KpiSettings settings, TimeZoneInfo zone)
    {
        var (start, end) = Bounds(month);
        DateOnly Local(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, zone).DateTime);
        bool InMonth(DateTimeOffset t) { var d = Local(t); return d >= start && d <= end; }

        var handled = invoices.Where(i => FirstFinal(i) is { } f && InMonth(f.At)).ToList();
        var postedInMonth = invoices.Select(i => (Invoice: i, Posted: i.History.FirstOrDefault(e => e.To == "Posted")))
            .Where(x => x.Posted is not null && InMonth(x.Posted.At)).ToList();
        var touchless = postedInMonth.Count(x => x.Invoice.History.All(e => IsSystem(e.Actor)));
        var calendar = postedInMonth.Select(x => (decimal)(Local(x.Posted!.At).DayNumber - Local(x.Invoice.ReceivedAt).DayNumber)).ToList();
        var working = postedInMonth.Select(x => SwedishCalendar.WorkingDaysBetween(Local(x.Invoice.ReceivedAt), Local(x.Posted!.At))).ToList();
        var backlog = invoices.Count(i => Local(i.ReceivedAt) <= end && (FirstFinal(i) is not { } f || Local(f.At) > end));
        var einvoices = handled.Count(i => !i.Scanned);

        var exceptions = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var code in handled.SelectMany(i => i.ExceptionCodes.Distinct(StringComparer.Ordinal))) exceptions[code] = exceptions.GetValueOrDefault(code) + 1;
        var byRole = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bySupplier = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byCode = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in handled)
        {
            foreach (var e in i.History.Where(e => !IsSystem(e.Actor)))
            {
                byRole[e.Role ?? "unknown"] = byRole.GetValueOrDefault(e.Role ?? "unknown") + 1;
                bySupplier[i.SupplierId ?? "(unknown supplier)"] = bySupplier.GetValueOrDefault(i.SupplierId ?? "(unknown supplier)") + 1;
                foreach (var code in i.ExceptionCodes.Distinct(StringComparer.Ordinal)) byCode[code] = byCode.GetValueOrDefault(code) + 1;
            }
        }

        var payrollHandled = payroll.Count(p => p.Status is PayrollStatus.Posted or PayrollStatus.Rejected or PayrollStatus.Duplicate && InMonth(p.ReceivedAt));
        var trend = Enumerable.Range(0, 12).Select(k => start.AddMonths(k - 11)).Select(m => m.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture))
            .Select(m => Throughput(KpiSettings.SupplierInvoices, m, invoices.Count(i => FirstFinal(i) is { } f && Local(f.At).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) == m), staffing, settings.SupplierInvoiceTarget))
            .ToList();
        return new KpiReport(
            month,
            Throughput(KpiSettings.SupplierInvoices, month, handled.Count, staffing, settings.SupplierInvoiceTarget),
            Throughput(KpiSettings.Payroll, month, payrollHandled, staffing, settings.PayrollTarget),
            postedInMonth.Count, touchless, Ratio(touchless, postedInMonth.Count),
            calendar.Count == 0 ? null : Math.Round(calendar.Average(), 4),
            working.Count == 0 ? null : Math.Round((decimal)working.Average(), 4),
            settings.LeadTimeTargetWorkingDays,
            Ratio(working.Count(w => w <= settings.LeadTimeTargetWorkingDays), working.Count),
            backlog, einvoices, handled.Count - einvoices, Ratio(einvoices, handled.Count),
            exceptions, byRole, bySupplier, byCode, trend);
    }

    public static (DateOnly Start, DateOnly End) Bounds(string month)
    {
        var start = DateOnly.ParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return (start, start.AddMonths(1).AddDays(-1));
    }

    private static KpiEvent? FirstFinal(KpiInvoice i) => i.History.Where(e => FinalStatuses.Contains(e.To)).OrderBy(e => e.At).FirstOrDefault();

    private static bool IsSystem(string actor) => string.Equals(actor, "system", StringComparison.Ordinal);

    private static decimal? Ratio(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);

    private static ProcessThroughput Throughput(string process, string month, int handled, IReadOnlyList<KpiStaffing> staffing, decimal target)
    {
        var rows = staffing.Where(s => s.Month == month && s.Process == process).ToList();
        decimal? fte = rows.Count == 0 ? null : rows.Sum(s => s.Fte);
        decimal? perFte = fte is > 0 ? Math.Round(handled / fte.Value, 2) : null;
        return new ProcessThroughput(process, month, handled, fte, perFte, target, perFte - target);
    }
}
