using Hangfire.Common;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Worker.Kpi;
using InvoicePipeline.Worker.Processing;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InvoicePipeline.Worker.Tests.Startup;

/// <summary>The events operators watch (README, Operations): each with its fixed id, written when it happens.</summary>
public sealed class OperatorLogFacts
{
    [Fact]
    public async Task ANightlyRun_LogsItsStages_WithTheirEventIds()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var log = new CollectingLogger();
        var outcome = await PipelineHost.RunSamplesAsync(db, s => s.AddSingleton<ILoggerFactory>(log));

        var runId = outcome.Run.Id;
        Assert.Contains(runId, Assert.Single(log.Of(1001)).Message, StringComparison.Ordinal); // RunStarted
        Assert.Single(log.Of(2001)); // IntakeStored
        Assert.Equal(outcome.Run.ChunkCount, log.Of(3001).Count); // ChunkProcessed, once per chunk
        Assert.InRange(log.Of(2002).Count, 3, outcome.Summary!.Invoices.Rejected); // FileRejected: malformed, hostile, not an invoice
        Assert.Single(log.Of(4001)); // PostingFinished
        Assert.Contains(outcome.Run.ReportPath!, Assert.Single(log.Of(6001)).Message, StringComparison.Ordinal); // ReportWritten
        var finished = Assert.Single(log.Of(1003)); // RunFinished
        Assert.Equal(LogLevel.Information, finished.Level);
        Assert.Contains(runId, finished.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRunId_IsTheArgumentMarkedRunId_NotTheFirstString()
    {
        Assert.Equal("run-7", RunIdAttribute.Of(Job.FromExpression<ChunkJob>(j => j.RunAsync("run-7", 3, CancellationToken.None))));
        Assert.Equal("run-8", RunIdAttribute.Of(Job.FromExpression<IntakeJob>(j => j.RunAsync("run-8", CancellationToken.None))));
        // The KPI job's first string is a folder, not a run.
        Assert.Null(RunIdAttribute.Of(Job.FromExpression<MonthlyKpiJob>(j => j.RunAsync("out/kpi", CancellationToken.None))));
    }
}
