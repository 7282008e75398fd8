using InvoicePipeline.Payroll;
using InvoicePipeline.Kpi;

namespace InvoicePipeline.Tests.Kpi;

public sealed class KpiCalculatorFacts
{
    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static DateTimeOffset At(string local) =>
        new(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), Stockholm.GetUtcOffset(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)));

    private static KpiEvent Sys(string at, string from, string to) => new(At(at), from, to, "system", null, "process");
    private static KpiEvent Person(string at, string from, string to, string role) => new(At(at), from, to, "anna", role, "act");

    private static KpiInvoice Inv(long id, string received, string[] codes, params KpiEvent[] history) =>
        new(id, Scanned: id == 3, "S" + (id % 2), At(received), codes, history);

    private static readonly KpiInvoice[] Invoices =
    [
        // touchless: received Monday 2 Nov, posted Tuesday 3 Nov (1 working day)
        Inv(1, "2026-11-02 09:00", [], Sys("2026-11-02 09:01", "Received", "Attested"), Sys("2026-11-03 02:00", "Attested", "Posted")),
        // touched by an accountant: received 2 Nov, posted 10 Nov (6 working days)
        Inv(2, "2026-11-02 10:00", ["PRICE_VARIANCE"], Sys("2026-11-02 10:01", "Received", "AwaitingReview"),
            Person("2026-11-09 14:00", "AwaitingReview", "Attested", "accountant"), Sys("2026-11-10 02:00", "Attested", "Posted")),
        // rejected in November: handled, not posted
        Inv(3, "2026-11-04 08:00", ["INVALID_DOCUMENT"], Sys("2026-11-04 08:00", "Received", "Rejected")),
        // received in October, posted 1 Nov 00:30 Stockholm (= 31 Oct 23:30 UTC): counts in November, spans the month end
        Inv(4, "2026-10-30 12:00", [], Sys("2026-10-30 12:01", "Received", "Attested"), Sys("2026-11-01 00:30", "Attested", "Posted")),
        // still awaiting review at month end: backlog
        Inv(5, "2026-11-20 12:00", ["NO_MATCH"], Sys("2026-11-20 12:01", "Received", "AwaitingReview")),
        // posted in December: backlog in November, not handled
        Inv(6, "2026-11-30 12:00", [], Sys("2026-11-30 12:01", "Received", "Attested"), Sys("2026-12-01 02:00", "Attested", "Posted")),
    ];

    [Fact]
    public void Compute_GivesEveryFigureExactly()
    {
        var staffing = new[] { new KpiStaffing("2026-11", "supplier_invoices", 0.002m), new KpiStaffing("2026-11", "payroll", 1m) };
        var payroll = new[] { new KpiPayrollRow(At("2026-11-05 10:00"), PayrollStatus.Rejected), new KpiPayrollRow(At("2026-11-05 10:00"), PayrollStatus.AwaitingAttestation) };
        var r = KpiCalculator.Compute("2026-11", Invoices, payroll, staffing, new KpiSettings(LeadTimeTargetWorkingDays: 5), Stockholm);

        Assert.Equal(4, r.SupplierInvoices.Handled);              // 1, 2, 3, 4
        Assert.Equal(0.002m, r.SupplierInvoices.Fte);
        Assert.Equal(2000m, r.SupplierInvoices.PerFte);            // 4 / 0.002
        Assert.Equal(-1500m, r.SupplierInvoices.Gap);              // against 3,500
        Assert.Equal(3, r.Posted);                                 // 1, 2, 4
        Assert.Equal(2, r.Touchless);                              // 1 and 4
        Assert.Equal(0.6667m, r.TouchlessRate);
        Assert.Equal(Math.Round((1m + 8m + 2m) / 3, 4), r.AverageLeadTimeCalendarDays);
        // working days: 1 (2→3 Nov), 6 (2→10 Nov), 0 (Fri 30 Oct → Sun 1 Nov: Saturday is also alla helgons dag)
        Assert.Equal(Math.Round((1m + 6m + 0m) / 3, 4), r.AverageLeadTimeWorkingDays);
        Assert.Equal(0.6667m, r.SlaCompliance);                    // 2 of 3 within 5 working days
        Assert.Equal(2, r.BacklogAtMonthEnd);                      // 5 and 6
        Assert.Equal(1, r.Scanned);                                // the rejected scan, id 3
        Assert.Equal(0.75m, r.EInvoiceShare);
        Assert.Equal(new Dictionary<string, int> { ["INVALID_DOCUMENT"] = 1, ["PRICE_VARIANCE"] = 1 }, r.ExceptionsByCode);
        Assert.Equal(new Dictionary<string, int> { ["accountant"] = 1 }, r.TouchesByRole);
        Assert.Equal(new Dictionary<string, int> { ["PRICE_VARIANCE"] = 1 }, r.TouchesByExceptionCode);
        Assert.Equal(1, r.Payroll.Handled);
        Assert.Equal(1m, r.Payroll.PerFte);
        Assert.Equal(12, r.Trend.Count);
        Assert.Equal("2026-11", r.Trend[^1].Month);
        Assert.Equal(4, r.Trend[^1].Handled);
    }

    [Fact]
    public void Compute_WithoutStaffing_SaysSo_AndWithZeroVolume_HasNoRatios()
    {
        var r = KpiCalculator.Compute("2026-02", Invoices, [], [], new KpiSettings(), Stockholm);
        Assert.Equal(0, r.SupplierInvoices.Handled);
        Assert.Null(r.SupplierInvoices.Fte);
        Assert.Null(r.SupplierInvoices.PerFte);
        Assert.Equal("no staffing row for the month", r.SupplierInvoices.Note);
        Assert.Null(r.TouchlessRate);
        Assert.Null(r.AverageLeadTimeCalendarDays);
        Assert.Null(r.EInvoiceShare);
    }
}
