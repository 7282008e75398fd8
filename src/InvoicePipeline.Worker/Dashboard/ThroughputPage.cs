using System.Globalization;
using System.Text;
using InvoicePipeline.Kpi;
using InvoicePipeline.Worker.Kpi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>The month shown and its KPI report.</summary>
public sealed record ThroughputView(string Month, KpiReport Report);

/// <summary>The throughput page's query: the same KPI computation as the monthly report (docs/kpi.md).</summary>
public static class ThroughputQuery
{
    public static async Task<ThroughputView> LoadAsync(DeskRequest request)
    {
        var clock = request.Clock;
        var zone = clock.Zone;
        var month = request.Query("month") is { Length: 7 } m ? m : clock.Month;
        var settings = MonthlyKpiJob.Settings(request.Services.GetRequiredService<IConfiguration>());
        var report = await KpiData.ComputeAsync(request.Db, month, settings, zone, request.Ct);
        return new ThroughputView(month, report);
    }
}

/// <summary>The month's throughput per FTE against target, and the other KPIs (docs/kpi.md).</summary>
public sealed class ThroughputPage(ThroughputView view) : DeskPage("Throughput")
{
    protected override void Render(StringBuilder html)
    {
        var r = view.Report;
        html.Append(CultureInfo.InvariantCulture, $"<h3>{H(view.Month)}</h3><table class=\"table\" id=\"kpi\"><tr><th>Process</th>");
        html.Append("<th class=\"text-right\">Handled</th><th class=\"text-right\">FTE</th><th class=\"text-right\">Per FTE</th>");
        html.Append("<th class=\"text-right\">Target</th><th class=\"text-right\">Gap</th><th></th></tr>");
        foreach (var p in new[] { r.SupplierInvoices, r.Payroll })
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{H(p.Process)}</td><td class=\"text-right\">{p.Handled}</td><td class=\"text-right\">{H(p.Fte)}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td class=\"text-right\">{H(p.PerFte)}</td><td class=\"text-right\">{H(p.Target)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"text-right\">{H(p.Gap)}</td><td>{H(p.Note)}</td></tr>");
        }
        html.Append("</table><dl class=\"dl-horizontal\">");
        html.Append(CultureInfo.InvariantCulture,
            $"<dt>Posted</dt><dd>{r.Posted}</dd><dt>Touchless</dt><dd>{r.Touchless} ({r.TouchlessRate:P1})</dd>");
        html.Append(CultureInfo.InvariantCulture,
            $"<dt>Lead time</dt><dd>{r.AverageLeadTimeCalendarDays} calendar / {r.AverageLeadTimeWorkingDays} working days; ");
        html.Append(CultureInfo.InvariantCulture, $"SLA {r.SlaCompliance:P1} within {r.LeadTimeTargetWorkingDays}</dd>");
        html.Append(CultureInfo.InvariantCulture,
            $"<dt>Backlog at month end</dt><dd>{r.BacklogAtMonthEnd}</dd><dt>E-invoice share</dt><dd>{r.EInvoiceShare:P1}</dd></dl>");
        html.Append("<h4>Trend (handled per FTE)</h4><table class=\"table table-condensed\"><tr>");
        foreach (var t in r.Trend) html.Append(CultureInfo.InvariantCulture, $"<th>{H(t.Month)}</th>");
        html.Append("</tr><tr>");
        foreach (var t in r.Trend)
            html.Append(CultureInfo.InvariantCulture, $"<td>{H(t.PerFte?.ToString("N0", CultureInfo.InvariantCulture) ?? "–")}</td>");
        html.Append("</tr></table>");
    }
}
