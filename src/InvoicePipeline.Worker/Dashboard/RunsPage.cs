using System.Globalization;
using System.Text;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>The latest runs, and per run how many invoices are in each effective status.</summary>
public sealed record RunsView(IReadOnlyList<PipelineRun> Runs, IReadOnlyList<(string RunId, InvoiceStatus Status, int Count)> Counts);

/// <summary>The runs page's queries.</summary>
public static class RunsQuery
{
    public static async Task<RunsView> LoadAsync(DeskRequest request)
    {
        var (db, ct) = (request.Db, request.Ct);
        var runs = await db.Runs.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(60).ToListAsync(ct);
        var ids = runs.Select(r => r.Id).ToList();
        var grouped = await (from i in db.Invoices.AsNoTracking()
                             where ids.Contains(i.RunId)
                             join v in db.Vouchers.AsNoTracking() on (long?)i.Id equals v.InvoiceId into vg
                             from v in vg.DefaultIfEmpty()
                             group i by new { i.RunId, i.Status, Voucher = v != null } into g
                             select new { g.Key.RunId, g.Key.Status, g.Key.Voucher, N = g.Count() }).ToListAsync(ct);
        var counts = grouped.Select(g => (g.RunId, InvoiceStates.Effective(g.Status, g.Voucher), g.N)).ToList();
        return new RunsView(runs, counts);
    }
}

/// <summary>The nightly runs with their figures; links to Hangfire's own job pages.</summary>
public sealed class RunsPage(RunsView view) : DeskPage("Runs")
{
    protected override void Render(StringBuilder html)
    {
        html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Link("/jobs/succeeded")}\">Succeeded jobs</a> · ");
        html.Append(CultureInfo.InvariantCulture,
            $"<a href=\"{Link("/jobs/failed")}\">Failed jobs</a> · <a href=\"{Link("/recurring")}\">Schedules</a></p>");
        html.Append("<table class=\"table table-striped\" id=\"runs\"><thead><tr><th>Run</th><th>Posting date</th><th>State</th>");
        html.Append("<th>Started (UTC)</th><th>Finished</th><th>Chunks</th><th>Already seen</th><th>Posted</th>");
        html.Append("<th>Awaiting review</th><th>Rejected</th><th>Report</th></tr></thead><tbody>");
        foreach (var r in view.Runs)
        {
            int N(InvoiceStatus s) => view.Counts.Where(c => c.RunId == r.Id && c.Status == s).Sum(c => c.Count);
            var error = r.Error is null ? "" : $" <span class=\"label label-danger\">{H(r.Error)}</span>";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{H(r.Id)}</td><td>{r.PostingDate:yyyy-MM-dd}</td><td>{H(r.State)}{error}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td>{r.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm}</td><td>{r.FinishedAt?.UtcDateTime:HH:mm:ss}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td>{r.ChunkCount}</td><td>{r.AlreadySeen}</td><td>{N(InvoiceStatus.Posted) + N(InvoiceStatus.Paid)}</td>");
            html.Append(CultureInfo.InvariantCulture,
                $"<td>{N(InvoiceStatus.AwaitingReview)}</td><td>{N(InvoiceStatus.Rejected)}</td><td>{H(r.ReportPath)}</td></tr>");
        }
        html.Append("</tbody></table>");
    }
}
