using Hangfire;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Runs;

/// <summary>Last job of a run: writes the run report and marks the run completed.</summary>
/// <remarks>Before the report, the bank's returns in &lt;inbox&gt;/bank/ are applied and the supplier responses written (both idempotent).</remarks>
public sealed class ReportJob(PipelineDbContext db, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<ReportJob> log,
    Bank.BankReturnJob bank, Responses.SupplierResponseJob responses)
{
    [Queue("default")]
    public async Task RunAsync([RunId] string runId, CancellationToken ct)
    {
        var run = await db.Runs.SingleAsync(r => r.Id == runId, ct);
        if (run.State != RunState.Reporting) return;
        await bank.RunAsync(run.Inbox, run.Id, ct);
        await responses.RunAsync(ct);
        db.ChangeTracker.Clear();
        run = await db.Runs.SingleAsync(r => r.Id == runId, ct);
        run.FinishedAt = clock.GetUtcNow();
        var summary = await RunReport.BuildAsync(db, run, options.Value.Posting, ct);
        run.ReportPath = await RunReport.WriteAsync(db, run, summary, ct);
        run.State = RunState.Completed;
        await db.SaveChangesAsync(ct);
        log.ReportWritten(run.Id, run.ReportPath);
        log.RunFinished(run.Id, run.FinishedAt.Value - run.StartedAt, summary.Documents.Received, summary.Invoices.Posted);
    }
}
