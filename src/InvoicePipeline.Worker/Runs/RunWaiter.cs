using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace InvoicePipeline.Worker.Runs;

/// <summary>
/// Waits for a run's jobs to finish, showing per-stage progress: a live display on a terminal, plain periodic
/// lines when output is redirected (logs, CI), nothing on stdout with --json.
/// </summary>
public static class RunWaiter
{
    public static async Task<PipelineRun> WaitAsync(IServiceProvider services, string runId, bool quiet, CancellationToken ct)
    {
        if (quiet) return await PollAsync(services, runId, (_, _) => { }, ct);
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            PipelineRun? last = null;
            await AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async p =>
                {
                    var intake = p.AddTask("intake", maxValue: 1);
                    var chunks = p.AddTask("process chunks", maxValue: 1);
                    var posting = p.AddTask("post", maxValue: 1);
                    var report = p.AddTask("report", maxValue: 1);
                    last = await PollAsync(services, runId, (run, done) =>
                    {
                        intake.Value = run.State > RunState.Intake ? 1 : 0;
                        chunks.MaxValue = Math.Max(1, run.ChunkCount);
                        chunks.Value = run.State > RunState.Processing ? chunks.MaxValue : done;
                        posting.Value = run.State > RunState.Posting ? 1 : 0;
                        report.Value = run.State == RunState.Completed ? 1 : 0;
                    }, ct);
                });
            return last!;
        }
        // A progress line at most every five seconds of wall time (the business clock may be fixed by --as-of or faked).
        long? lastPrint = null;
        return await PollAsync(services, runId, (run, done) =>
        {
            if (lastPrint is { } last && System.Diagnostics.Stopwatch.GetElapsedTime(last).TotalSeconds < 5 && run.State != RunState.Completed) return;
            lastPrint = System.Diagnostics.Stopwatch.GetTimestamp();
            Console.WriteLine($"run {run.Id}: {run.State.ToString().ToLowerInvariant()}, chunks {done}/{run.ChunkCount}");
        }, ct);
    }

    private static async Task<PipelineRun> PollAsync(IServiceProvider services, string runId, Action<PipelineRun, int> progress, CancellationToken ct)
    {
        while (true)
        {
            using (var scope = services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
                var run = await db.Runs.AsNoTracking().Where(r => r.Id == runId)
                    .Select(r => new PipelineRun { Id = r.Id, State = r.State, ChunkCount = r.ChunkCount, Error = r.Error, ReportPath = r.ReportPath, StartedAt = r.StartedAt, FinishedAt = r.FinishedAt })
                    .SingleAsync(ct);
                var done = await db.RunChunks.CountAsync(c => c.RunId == runId && c.Done, ct);
                progress(run, done);
                if (run.State == RunState.Completed || run.Error is not null) return run;
            }
            await Task.Delay(200, ct);
        }
    }
}
