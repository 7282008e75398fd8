using InvoicePipeline.Worker.Health;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Tests.HealthChecks;

/// <summary>Issue 20, honest health: a missed night and a full disk are degraded; an open alert is unhealthy; `status` says the same.</summary>
public sealed class HealthCheckFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANightWithoutACompletedRun_IsDegraded_AndARecentRunIsOk()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var fresh = db.Open())
        {
            await Database.MigrateAsync(fresh, Ct);
            var none = await HealthCheck.CheckAsync(fresh, new PipelineOptions(), DateTimeOffset.UtcNow, Ct);
            Assert.Equal(HealthLevel.Degraded, none.Level);
            Assert.Equal(200, none.StatusCode);
            Assert.Contains("no run has completed yet", none.Text, StringComparison.Ordinal);
        }
        await PipelineHost.RunSamplesAsync(db);
        await using var ctx = db.Open();
        var finished = (await ctx.Runs.AsNoTracking().Select(r => r.FinishedAt).ToListAsync(Ct)).Max()!.Value;
        var options = new PipelineOptions { Health = { MinFreeMegabytes = 0 } };

        var soon = await HealthCheck.CheckAsync(ctx, options, finished.AddHours(1), Ct);
        Assert.Equal(HealthLevel.Healthy, soon.Level);
        Assert.StartsWith("ok\n", soon.Text, StringComparison.Ordinal);
        Assert.Contains("Completed", soon.Text, StringComparison.Ordinal);

        var late = await HealthCheck.CheckAsync(ctx, options, finished.AddHours(40), Ct);
        Assert.Equal((HealthLevel.Degraded, 200), (late.Level, late.StatusCode));
        Assert.Contains("no run has completed since", late.Text, StringComparison.Ordinal);

        var full = await HealthCheck.CheckAsync(ctx, new PipelineOptions { Health = { MinFreeMegabytes = int.MaxValue } }, finished.AddHours(1), Ct);
        Assert.Equal(HealthLevel.Degraded, full.Level);
        Assert.Contains("disk: bank outbox", full.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_PrintsWhatHealthAnswers_AndAnOpenAlertMakesItUnhealthy()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        var ok = await CliInProcess.RunAsync(db, null, "status", "--json");
        Assert.Equal(0, ok.Exit);
        Assert.Contains("\"statusCode\":200", ok.Out, StringComparison.Ordinal);

        await using (var ctx = db.Open())
        {
            ctx.Alerts.Add(new Alert { Kind = "run-incomplete", Subject = "run test", Message = "the run stopped in Posting", RaisedAt = DateTimeOffset.UtcNow });
            await ctx.SaveChangesAsync(Ct);
        }
        var bad = await CliInProcess.RunAsync(db, null, "status");
        Assert.Equal(0, bad.Exit);
        Assert.StartsWith("unhealthy: 1 open alert(s)", bad.Out, StringComparison.Ordinal);
        Assert.Contains("the run stopped in Posting", bad.Out, StringComparison.Ordinal);
    }
}
