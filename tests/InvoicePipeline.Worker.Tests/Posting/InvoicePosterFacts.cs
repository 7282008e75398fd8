using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using InvoicePipeline.Worker.Review;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Tests.Posting;

/// <summary>Bulk posting on its own: concurrent posters, an invoice changed between read and write, the ledger's balance.</summary>
public sealed class InvoicePosterFacts
{
    private static readonly DateOnly PostingDate = new(2026, 11, 30);
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TwoPostersAtOnce_PostEveryInvoiceOnce_WithGaplessNumbersAndBalancedVouchers(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var host = await StartAsync(db, chunkSize: 50);
        const int N = 1_000;
        await SeedAsync(host, N);

        // Two posters (as two workers would run them), each with its own pipeline and connections, over the same invoices.
        using var a = host.Services.CreateScope();
        using var b = host.Services.CreateScope();
        var results = await Task.WhenAll(
            a.ServiceProvider.GetRequiredService<InvoicePoster>().PostAttestedAsync("run-a", PostingDate, Ct),
            b.ServiceProvider.GetRequiredService<InvoicePoster>().PostAttestedAsync("run-b", PostingDate, Ct));

        Assert.Equal(N, results.Sum(r => r.Posted));
        await using var ctx = db.Open();
        var vouchers = await ctx.Vouchers.AsNoTracking().OrderBy(v => v.Number).ToListAsync(Ct);
        Assert.Equal(N, vouchers.Count);
        Assert.Equal(Enumerable.Range(1, N), vouchers.Select(v => v.Number));
        Assert.Equal(N, vouchers.Select(v => v.InvoiceId).Distinct().Count());
        Assert.All(vouchers, v => Assert.Equal(PostingDate, v.Date));
        var sums = await ctx.VoucherLines.AsNoTracking().GroupBy(l => l.VoucherId).Select(g => new { g.Key, Sum = g.Sum(l => l.Amount), Count = g.Count() }).ToListAsync(Ct);
        Assert.Equal(N, sums.Count);
        Assert.All(sums, s => Assert.Equal(0m, s.Sum));
        Assert.All(sums, s => Assert.InRange(s.Count, 3, 7));
        // Posting leaves the invoice rows alone: each is attested with exactly one voucher, so its status reads Posted.
        var invoices = await ctx.Invoices.AsNoTracking().Select(i => new { i.Id, i.Status }).ToListAsync(Ct);
        Assert.All(invoices, i => Assert.Equal(InvoiceStatus.Attested, i.Status));
        Assert.Equal(invoices.Select(i => i.Id).Order(), vouchers.Select(v => v.InvoiceId!.Value).Order());
        Assert.Equal(N, await ctx.Invoices.WithStatus(ctx, InvoiceStatus.Posted).CountAsync(Ct));
        Assert.Equal(0, await ctx.Invoices.WithStatus(ctx, InvoiceStatus.Attested).CountAsync(Ct));
        // The voucher is the record of the posting (who, when, which run); the invoice's history shows it in its place.
        Assert.Equal(0, await ctx.History.CountAsync(h => h.Action == "post", Ct));
        var first = InvoiceStates.History(ctx, vouchers[0].InvoiceId!.Value, vouchers[0]);
        Assert.Equal(("post", "Attested", "Posted", "system", $"voucher A{vouchers[0].Number}"), (first[^1].Action, first[^1].FromStatus, first[^1].ToStatus, first[^1].Actor, first[^1].Reason));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AnInvoiceSentBackAfterItWasRead_IsNotPosted_AndIsPostedWithItsNewCodingOnceAttestedAgain(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        using var host = await StartAsync(db, chunkSize: 100);
        await SeedAsync(host, 10);
        using var scope = host.Services.CreateScope();
        var poster = scope.ServiceProvider.GetRequiredService<InvoicePoster>();
        var chunk = await ReadFirstChunkAsync(scope.ServiceProvider);
        Assert.NotNull(chunk);
        Assert.Equal(10, chunk.Built.Count);

        // Meanwhile an accountant sends invoice 4 back and recodes its lines.
        await using (var ctx = db.Open())
        {
            await ctx.Invoices.Where(i => i.Id == 4).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvoiceStatus.AwaitingReview), Ct);
            await ctx.InvoiceLines.Where(l => l.InvoiceId == 4).ExecuteUpdateAsync(s => s.SetProperty(l => l.Account, "6991"), Ct);
        }
        await Assert.ThrowsAsync<StaleChunkException>(() => WriteChunkAsync(scope.ServiceProvider, chunk, "run-1"));
        await using (var ctx = db.Open())
        {
            Assert.Equal(0, await ctx.Vouchers.CountAsync(Ct)); // the whole chunk rolled back, numbers included
            Assert.Equal(0, await ctx.Invoices.WithStatus(ctx, InvoiceStatus.Posted).CountAsync(Ct));
        }

        var result = await poster.PostAttestedAsync("run-1", PostingDate, Ct);
        Assert.Equal(9, result.Posted);
        await using (var ctx = db.Open())
        {
            Assert.Equal(Enumerable.Range(1, 9), await ctx.Vouchers.OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(Ct));
            Assert.False(await ctx.Vouchers.AnyAsync(v => v.InvoiceId == 4, Ct));
            await ctx.Invoices.Where(i => i.Id == 4).ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, InvoiceStatus.Attested), Ct);
        }
        Assert.Equal(1, (await poster.PostAttestedAsync("run-2", PostingDate, Ct)).Posted);
        await using (var ctx = db.Open())
        {
            var voucher = await ctx.Vouchers.SingleAsync(v => v.InvoiceId == 4, Ct);
            Assert.Equal(10, voucher.Number);
            var accounts = await ctx.VoucherLines.Where(l => l.VoucherId == voucher.Id).Select(l => l.Account).ToListAsync(Ct);
            Assert.Contains("6991", accounts);
        }
    }

    [Fact]
    public async Task APersonActingOnAnInvoiceWhileItsChunkIsPosted_WaitsForTheChunk_AndIsThenRefusedBecauseItIsPosted()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        using var host = await StartAsync(db, chunkSize: 100);
        await SeedAsync(host, 5);

        // A chunk in flight, as the poster writes it: the posting lock, then the voucher of invoice 3, not yet committed.
        await using var chunk = db.Open();
        await using var tx = await chunk.Database.BeginTransactionAsync(Ct);
        await PostingLock.HoldAsync(chunk, shared: false, Ct);
        chunk.Vouchers.Add(new VoucherEntry { Id = 1, Series = "A", FiscalYear = 2026, Number = 1, Date = PostingDate, Text = "invoice 3", InvoiceId = 3, RunId = "run-1", CreatedAt = DateTimeOffset.UtcNow });
        await chunk.SaveChangesAsync(Ct);

        using var scope = host.Services.CreateScope();
        var review = scope.ServiceProvider.GetRequiredService<InvoiceReview>();
        var hold = review.ActAsync(3, "anna", new HashSet<string> { "accountant" }, InvoicePipeline.Review.ReviewAction.Hold, "supplier dispute", Ct);
        await Task.Delay(500, Ct);
        Assert.False(hold.IsCompleted); // waiting for the chunk
        await tx.CommitAsync(Ct);

        var outcome = await hold;
        Assert.False(outcome.Allowed);
        Assert.Contains("Posted", outcome.Message, StringComparison.Ordinal);
        await using var check = db.Open();
        Assert.Equal(InvoiceStatus.Attested, (await check.Invoices.SingleAsync(i => i.Id == 3, Ct)).Status);
        Assert.Equal([3L], await check.Invoices.WithStatus(check, InvoiceStatus.Posted).Select(i => i.Id).ToListAsync(Ct));
        Assert.Equal(4, await check.Invoices.WithStatus(check, InvoiceStatus.Attested).CountAsync(Ct));

        // Without a chunk in flight the same action goes through at once.
        var other = await review.ActAsync(4, "anna", new HashSet<string> { "accountant" }, InvoicePipeline.Review.ReviewAction.Hold, "supplier dispute", Ct);
        Assert.True(other.Allowed, other.Message);
    }

    [Fact]
    public async Task AnAttestedInvoiceThatCannotBePosted_GoesBackToReviewWithTheReason_AndTheRestIsPosted()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        using var host = await StartAsync(db, chunkSize: 100);
        await SeedAsync(host, 5);
        await using (var ctx = db.Open())
            await ctx.InvoiceLines.Where(l => l.InvoiceId == 2).ExecuteUpdateAsync(s => s.SetProperty(l => l.Account, (string?)null), Ct);

        using var scope = host.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<InvoicePoster>().PostAttestedAsync("run-1", PostingDate, Ct);

        Assert.Equal((4, 1), (result.Posted, result.Refused));
        await using var check = db.Open();
        var refused = await check.Invoices.AsNoTracking().SingleAsync(i => i.Id == 2, Ct);
        Assert.Equal(InvoiceStatus.AwaitingReview, refused.Status);
        Assert.Equal(ExceptionCode.MissingCoding, refused.Exceptions);
        Assert.Equal("post-refused", (await check.History.SingleAsync(h => h.SubjectId == 2, Ct)).Action);
        Assert.Equal(Enumerable.Range(1, 4), await check.Vouchers.OrderBy(v => v.Number).Select(v => v.Number).ToListAsync(Ct));
    }

    /// <summary>The first chunk as the poster's reader would build it (a change between read and write).</summary>
    private async Task<BuiltChunk?> ReadFirstChunkAsync(IServiceProvider services)
    {
        var db = services.GetRequiredService<PipelineDbContext>();
        var options = services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var ledgers = await InvoicePoster.LedgersAsync(db, options, services.GetRequiredService<TimeProvider>(), "read", PostingDate, Ct);
        return await ChunkReader.ReadAsync(db, 0, long.MaxValue, options.Posting.ChunkSize, ledgers, new PostingResult(), Ct);
    }

    /// <summary>That chunk written as the poster's writer would, once, without reading it again.</summary>
    private async Task WriteChunkAsync(IServiceProvider services, BuiltChunk chunk, string runId)
    {
        var db = services.GetRequiredService<PipelineDbContext>();
        var ledgers = await InvoicePoster.LedgersAsync(db, services.GetRequiredService<IOptions<PipelineOptions>>().Value, services.GetRequiredService<TimeProvider>(),
            runId, PostingDate, Ct);
        await ChunkWriter.WriteAsync(db, services.GetRequiredService<TimeProvider>(), chunk, runId, ledgers, new PostingResult(), Ct);
    }

    private static async Task<IHost> StartAsync(TestDatabase db, int chunkSize)
    {
        var overrides = db.Overrides();
        overrides["Pipeline:Posting:ChunkSize"] = chunkSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await CommandHost.StartAsync(overrides, hangfireServer: false, TestContext.Current.CancellationToken);
    }

    private static async Task SeedAsync(IHost host, int count)
    {
        using var scope = host.Services.CreateScope();
        var ctx = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var (invoices, lines) = AttestedInvoices.Create(1, count, new Random(7));
        await BulkWriter.InsertAsync(ctx, AttestedInvoices.Rates(), TestContext.Current.CancellationToken, keepIdentity: false);
        await BulkWriter.InsertAsync(ctx, invoices, TestContext.Current.CancellationToken);
        await BulkWriter.InsertAsync(ctx, lines, TestContext.Current.CancellationToken, keepIdentity: false);
    }
}
