using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Context;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>Every log line written by a run's job carries the run id (the job's first argument).</summary>
public sealed class RunLogScopeFilter : JobFilterAttribute, IServerFilter
{
    public void OnPerforming(PerformingContext context)
    {
        if (context.BackgroundJob.Job.Args is [string runId, ..])
            context.Items["RunLogScope"] = LogContext.PushProperty("RunId", runId);
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue("RunLogScope", out var scope)) (scope as IDisposable)?.Dispose();
    }
}

/// <summary>When a run's job has failed for good (retries exhausted), the run records why, so `run --once` stops waiting and says so.</summary>
public sealed class RunFailureFilter(IServiceProvider services) : JobFilterAttribute, IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is not FailedState failed || context.BackgroundJob.Job.Args is not [string runId, ..]) return;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var message = $"{context.BackgroundJob.Job.Type.Name} failed: {failed.Exception.GetType().Name}: {failed.Exception.Message}";
        db.Runs.Where(r => r.Id == runId).ExecuteUpdate(s => s.SetProperty(r => r.Error, message));
        // The run did not complete: an operator is told (and /health says so) until someone acknowledges it.
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var log = scope.ServiceProvider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>().CreateLogger<RunFailureFilter>();
        Health.Alerts.Raise(db, Health.Alerts.RunIncomplete, runId, $"Run {runId} did not complete: {message}", now, log);
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
