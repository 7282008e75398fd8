using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Runs;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace InvoicePipeline.Worker.Tests.EndToEnd;

public sealed class ReplayFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Replay_OfANight_ComesOutTheSame_AndAfterAMasterDataChange_SaysWhatDiffersAndWhy()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        string runId;
        runId = (await PipelineHost.RunSamplesAsync(db)).Run.Id;

        await using (var ctx = db.Open())
        {
            var same = await new Replay(ctx, new PipelineOptions()).RunAsync(runId, Ct);
            Assert.True(same.Invoices > 20);
            Assert.Empty(same.Differences);
            Assert.Equal(same.Invoices, same.Same);
        }

        // The price of an order line changes after the night: the invoice that matched it cleanly now would not.
        var md = Samples.ChangedMasterData(Path.Combine(db.Folder, "md2"), "purchase_orders.csv",
            _ => ["po_number,po_line,supplier_id,quantity,unit_price,currency,account,cost_centre", "PO-1002,1,S002,1,15000.00,SEK,4600,CC200"]);
        await using (var ctx = db.Open())
        {
            var import = await new MasterDataImporter(ctx, TimeProvider.System, NullLogger<MasterDataImporter>.Instance).ImportAsync(md, Ct);
            Assert.Empty(import.Errors);
            var changed = await new Replay(ctx, new PipelineOptions()).RunAsync(runId, Ct);
            var diff = Assert.Single(changed.Differences, d => d.File.Contains("02-stad", StringComparison.Ordinal));
            Assert.Contains("PRICE_VARIANCE", diff.Now, StringComparison.Ordinal);
            Assert.Contains(changed.Reasons, r => r.Contains("purchase_orders.csv", StringComparison.Ordinal));
        }
    }
}
