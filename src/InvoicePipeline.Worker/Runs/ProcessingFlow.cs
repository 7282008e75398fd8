using Hangfire;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using InvoicePipeline.Worker.Processing;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Runs;

/// <summary>
/// Moves a run to its next stage. Hangfire has no batches on PostgreSQL, so the run and its chunks are our own
/// rows: whoever finishes the last chunk wins a conditional update and enqueues posting, exactly once.
/// </summary>
public static class ProcessingFlow
{
    public static async Task ContinueAsync(PipelineDbContext db, IBackgroundJobClient jobs, string runId, CancellationToken ct)
    {
        var run = await db.Runs.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
        switch (run.State)
        {
            case RunState.Processing:
                var open = await db.RunChunks.AsNoTracking().Where(c => c.RunId == runId && !c.Done).Select(c => c.ChunkNo).ToListAsync(ct);
                if (open.Count == 0)
                {
                    await AdvanceAsync(db, jobs, runId, RunState.Processing, RunState.Posting, ct);
                    return;
                }
                foreach (var chunk in open) jobs.Enqueue<ChunkJob>(j => j.RunAsync(runId, chunk, CancellationToken.None));
                break;
            case RunState.Posting:
                jobs.Enqueue<PostingJob>(j => j.RunAsync(runId, CancellationToken.None));
                break;
            case RunState.Reporting:
                jobs.Enqueue<ReportJob>(j => j.RunAsync(runId, CancellationToken.None));
                break;
        }
    }

    /// <summary>Called by each chunk when it is done: the last one moves the run on.</summary>
    public static async Task ChunkDoneAsync(PipelineDbContext db, IBackgroundJobClient jobs, string runId, CancellationToken ct)
    {
        var open = await db.RunChunks.AsNoTracking().AnyAsync(c => c.RunId == runId && !c.Done, ct);
        if (!open) await AdvanceAsync(db, jobs, runId, RunState.Processing, RunState.Posting, ct);
    }

    public static async Task AdvanceAsync(PipelineDbContext db, IBackgroundJobClient jobs, string runId, RunState from, RunState to, CancellationToken ct)
    {
        var won = await db.Runs.Where(r => r.Id == runId && r.State == from).ExecuteUpdateAsync(s => s.SetProperty(r => r.State, to), ct);
        if (won == 1) await ContinueAsync(db, jobs, runId, ct);
    }
}
