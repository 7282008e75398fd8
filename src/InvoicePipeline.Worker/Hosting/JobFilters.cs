using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.Context;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>
/// Marks the job argument that is the run's id (<c>RunAsync([RunId] string runId, …)</c>): the filters tag the job's
/// log lines with it and record its failure on that run. A job without one (the monthly KPI job) belongs to no run.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class RunIdAttribute : Attribute
{
    public static string? Of(Job job)
    {
        var parameters = job.Method.GetParameters();
        for (var i = 0; i < parameters.Length && i < job.Args.Count; i++)
            if (parameters[i].IsDefined(typeof(RunIdAttribute), inherit: false)) return job.Args[i] as string;
        return null;
    }
}

/// <summary>Every log line written by a run's job carries the run id; a retried attempt says so (ChunkRetried, JobRetried).</summary>
public sealed class RunLogScopeFilter(ILoggerFactory logs) : JobFilterAttribute, IServerFilter
{
    private readonly ILogger _log = logs.CreateLogger<RunLogScopeFilter>();

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob.Job;
        if (RunIdAttribute.Of(job) is not { } runId) return;
        context.Items["RunLogScope"] = LogContext.PushProperty("RunId", runId);
        var retry = context.GetJobParameter<int>("RetryCount");
        if (retry == 0) return;
        var reason = context.Connection.GetStateData(context.BackgroundJob.Id)?.Reason ?? "";
        if (job.Type == typeof(Processing.ChunkJob))
            _log.ChunkRetried(job.Args.OfType<int>().FirstOrDefault(), runId, retry + 1, reason);
        else
            _log.JobRetried(job.Type.Name, runId, retry + 1, reason);
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
        if (context.NewState is not FailedState failed || RunIdAttribute.Of(context.BackgroundJob.Job) is not { } runId) return;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var message = $"{context.BackgroundJob.Job.Type.Name} failed: {failed.Exception.GetType().Name}: {failed.Exception.Message}";
        db.Runs.Where(r => r.Id == runId).ExecuteUpdate(s => s.SetProperty(r => r.Error, message));
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger<RunFailureFilter>();
        log.JobFailed(context.BackgroundJob.Job.Type.Name, runId, message);
        // The run did not complete: an operator is told (and /health says so) until someone acknowledges it.
        Health.Alerts.Raise(db, Health.Alerts.RunIncomplete, runId, $"Run {runId} did not complete: {message}", services.GetRequiredService<TimeProvider>().GetUtcNow(), log);
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
