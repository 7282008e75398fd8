using Npgsql;
using Polly;
using Polly.Retry;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>
/// Transient database faults (a dropped connection, a restarted server) are retried around a whole unit of work,
/// which is one transaction, so a retry repeats it from the start. Hangfire's own retries come on top, so this stays short.
/// </summary>
public static class Resilience
{
    public static readonly ResiliencePipeline Database = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 6,
            Delay = TimeSpan.FromSeconds(1),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(15),
            UseJitter = true,
            ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
        })
        .Build();

    public static bool IsTransient(Exception ex) => ex switch
    {
        NpgsqlException { IsTransient: true } => true,
        PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "08006" or "08003" or "08001" or "40001" or "40P01" } => true,
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } => true, // busy, locked
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        Microsoft.EntityFrameworkCore.DbUpdateException { InnerException: { } inner } => IsTransient(inner),
        System.IO.IOException { InnerException: { } inner } => IsTransient(inner),
        _ when ex.InnerException is NpgsqlException { IsTransient: true } => true,
        _ => false,
    };
}
