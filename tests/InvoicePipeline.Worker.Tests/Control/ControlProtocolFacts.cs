using InvoicePipeline.Control;
using InvoicePipeline.Worker.Control;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Payments;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace InvoicePipeline.Worker.Tests.Control;

public sealed class ControlProtocolFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sample_OfPayments_IsReproducible_AndRecordProjectsTheReviewersFindings()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        await using var ctx = db.Open();
        var run = new PaymentRun(ctx, new PipelineOptions { Payments = { Outbox = Path.Combine(db.Folder, "outbox") } }, new BusinessClock(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)), "Europe/Stockholm"));
        var paid = await run.ProposeAsync(new DateOnly(2099, 1, 1), Path.Combine(db.Folder, "pay.xml"), "fiona.finance", Ct, "SSC");
        Assert.True(paid.Payments >= 4);
        // Only released files are payments executed: none before the second person's release.
        Assert.Empty(await ControlProtocol.LoadAsync(ctx, "payments", new DateOnly(2000, 1, 1), new DateOnly(2099, 12, 31), "2440", "SEK", Ct, Samples.Organisation));
        await run.ApproveAsync(paid.FileId!.Value, "frank.finance", new HashSet<string> { "finance" }, Ct);

        var items = await ControlProtocol.LoadAsync(ctx, "payments", new DateOnly(2000, 1, 1), new DateOnly(2099, 12, 31), "2440", "SEK", Ct, Samples.Organisation);
        Assert.Equal(paid.Payments, items.Count);
        Assert.Equal(paid.Payments, items.Select(i => i.InvoiceId).Distinct().Count());
        var pop = items.Select(i => new SampleItem(i.Id, i.Amount)).ToList();
        var first = Path.Combine(db.Folder, "a.csv");
        var second = Path.Combine(db.Folder, "b.csv");
        ControlProtocol.Write(first, Sampling.MonetaryUnit(pop, 3, 2026), "payments", 95, items);
        ControlProtocol.Write(second, Sampling.MonetaryUnit(pop, 3, 2026), "payments", 95, items);
        Assert.Equal(await File.ReadAllTextAsync(first, Ct), await File.ReadAllTextAsync(second, Ct));

        var lines = (await File.ReadAllLinesAsync(first, Ct)).ToList();
        Assert.Equal(string.Join(',', ControlProtocol.Columns), lines[0]);
        Assert.All(lines.Skip(1), l => Assert.EndsWith(",,,,", l, StringComparison.Ordinal)); // empty verdict columns for the reviewer
        lines[1] = lines[1][..^4] + ",deviation,100.00,karin.controller,paid twice";
        for (var i = 2; i < lines.Count; i++) lines[i] = lines[i][..^4] + ",ok,,karin.controller,";
        await File.WriteAllLinesAsync(first, lines, Ct);
        var result = await ControlProtocol.RecordAsync(first, Ct);
        Assert.Empty(result.Errors);
        Assert.Equal(lines.Count - 1, result.Reviewed);
        Assert.Equal(1, result.Deviations);
        Assert.True(result.Projected >= 100m, "a tainted item projects at least its own misstatement");
        Assert.NotNull(result.UpperLimit);
    }

    [Fact]
    public async Task Bug_18_CreditNotes_AreAPopulationOfTheirOwn_NotSilentlyDropped()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        await using var ctx = db.Open();
        var invoices = await ControlProtocol.LoadAsync(ctx, "invoices", new DateOnly(2000, 1, 1), new DateOnly(2099, 12, 31), "2440", "EUR", Ct, Samples.Organisation);
        var credits = await ControlProtocol.LoadAsync(ctx, "creditnotes", new DateOnly(2000, 1, 1), new DateOnly(2099, 12, 31), "2440", "EUR", Ct, Samples.Organisation);
        var creditIds = await ctx.Invoices.AsNoTracking().Where(i => i.Kind == InvoicePipeline.Invoices.DocumentKind.CreditNote).Select(i => i.Id).ToListAsync(Ct);
        Assert.NotEmpty(credits);
        Assert.All(credits, c => Assert.Contains(c.Id, creditIds));
        Assert.All(credits, c => Assert.True(c.Amount > 0));
        Assert.DoesNotContain(invoices, i => creditIds.Contains(i.Id));
        Assert.All(invoices.Concat(credits), i => Assert.Equal("EUR", i.Currency)); // the organisation's currency, not a fixed SEK
    }
}
