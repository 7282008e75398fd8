using InvoicePipeline.Worker.Health;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Tests.EndToEnd;

/// <summary>Issue 19: a night that crashed leaves stored documents; the next night (a new date, new files) takes them.</summary>
public sealed class StrandedRunFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TheNextRun_AdoptsACrashedRunsUnprocessedDocuments_SaysSo_AndHealthIsUnhealthyUntilTheAlertIsAcknowledged(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var inbox = Samples.CopyInbox(db.Folder);
        // The crashed night: one e-invoice stored under its run, never processed (the process died before its chunk).
        var stranded = Directory.GetFiles(Path.Combine(inbox, "einvoices")).Order(StringComparer.Ordinal).First(f => f.EndsWith("13-no-order.xml", StringComparison.Ordinal));
        var bytes = await File.ReadAllBytesAsync(stranded, Ct);
        File.Delete(stranded);
        await using (var host = await PipelineHost.StartAsync(db))
        await using (var ctx = db.Open())
        {
            ctx.Runs.Add(new PipelineRun { Id = "crashed", Key = "nightly:2026-11-29:0000000000000000", PostingDate = new DateOnly(2026, 11, 29), State = RunState.Processing, StartedAt = DateTimeOffset.UtcNow.AddDays(-1), ChunkCount = 1 });
            ctx.RunChunks.Add(new RunChunk { RunId = "crashed", ChunkNo = 0 });
            ctx.Documents.Add(new ReceivedDocument
            {
                Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), FileName = "einvoices/" + Path.GetFileName(stranded),
                Channel = DocumentChannel.EInvoices, Size = bytes.Length, Content = bytes, ReceivedAt = DateTimeOffset.UtcNow.AddDays(-1), RunId = "crashed",
            });
            await ctx.SaveChangesAsync(Ct);
            Assert.True((await HealthCheck.CheckAsync(ctx, Ct)).Healthy);

            var outcome = await host.RunAsync(inbox, Samples.MasterData, Path.Combine(db.Folder, "out"));

            Assert.Null(outcome.Run.Error);
            Assert.Equal(1, outcome.Summary!.Documents.Adopted);
            var doc = await ctx.Documents.AsNoTracking().SingleAsync(d => d.FileName.EndsWith("13-no-order.xml"), Ct);
            Assert.True(doc.Processed);
            Assert.Equal(outcome.Run.Id, doc.RunId);
            Assert.Equal(outcome.Run.Id, (await ctx.Invoices.AsNoTracking().SingleAsync(i => i.DocumentId == doc.Id, Ct)).RunId);
            var report = await File.ReadAllTextAsync(Path.Combine(outcome.Run.ReportPath!, "summary.json"), Ct);
            Assert.Contains("\"adopted\": 1", report, StringComparison.Ordinal);

            var crashed = await ctx.Runs.AsNoTracking().SingleAsync(r => r.Id == "crashed", Ct);
            Assert.Equal(RunState.Failed, crashed.State);
            Assert.Contains($"adopted by run {outcome.Run.Id}", crashed.Error, StringComparison.Ordinal);
            var alert = Assert.Single(await Alerts.OpenAsync(ctx, Ct));
            Assert.Equal((Alerts.RunIncomplete, "crashed"), (alert.Kind, alert.Subject));
            var health = await HealthCheck.CheckAsync(ctx, Ct);
            Assert.False(health.Healthy);
            Assert.Equal(503, health.StatusCode);
            Assert.Contains("crashed", health.Text, StringComparison.Ordinal);

            // The operator looks, acknowledges with a reason; the acknowledgement records who and why, and health is back.
            await Assert.ThrowsAsync<ArgumentException>(() => Alerts.AcknowledgeAsync(ctx, alert.Id, "olle.operator", " ", DateTimeOffset.UtcNow, Ct));
            await Alerts.AcknowledgeAsync(ctx, alert.Id, "olle.operator", "server rebooted mid-run; documents taken by the next night", DateTimeOffset.UtcNow, Ct);
            Assert.True((await HealthCheck.CheckAsync(ctx, Ct)).Healthy);
            var closed = await ctx.Alerts.AsNoTracking().SingleAsync(Ct);
            Assert.Equal("olle.operator", closed.AcknowledgedBy);
            Assert.NotNull(closed.AcknowledgedAt);
        }
    }
}
