using Hangfire;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Processing;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Posting;

/// <summary>Posts every attested invoice in bulk (all of them, not only this run's: people attest during the day too).</summary>
public sealed class PostingJob(PipelineDbContext db, InvoicePoster poster, IBackgroundJobClient jobs)
{
    [Queue("posting")]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync([RunId] string runId, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        if (run.State != RunState.Posting)
        {
            await ProcessingFlow.ContinueAsync(db, jobs, runId, ct);
            return;
        }
        await poster.PostAttestedAsync(runId, run.PostingDate, ct);
        await ProcessingFlow.AdvanceAsync(db, jobs, runId, RunState.Posting, RunState.Reporting, ct);
    }
}
