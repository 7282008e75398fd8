using InvoicePipeline.Invoices;
using InvoicePipeline.Review;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Review;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InvoicePipeline.Worker.Tests.Review;

/// <summary>An approver's authority is valid on the business date: today in the configured time zone, from the one clock.</summary>
public sealed class AttestationAuthorityFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAuthorityEndingOnJune30_AttestsThatEvening_ButNotAfterMidnightInStockholm()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        await using var ctx = db.Open();
        var invoice = await ctx.Invoices.AsNoTracking().SingleAsync(i => i.InvoiceNumber == "IK-5570", Ct); // PRICE_VARIANCE, CC300
        await ctx.Approvers.Where(a => a.UserId == "cecilia.cfo").ExecuteUpdateAsync(u => u.SetProperty(a => a.ValidTo, new DateOnly(2026, 6, 30)), Ct);

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero)); // 00:30 on 1 July in Stockholm
        var review = new InvoiceReview(ctx, new BusinessClock(time, "Europe/Stockholm"), Options.Create(new PipelineOptions()));
        var accepted = await review.ActAsync(invoice.Id, "david.ekonom", new HashSet<string>(StringComparer.Ordinal) { "accountant" }, ReviewAction.Accept, "price agreed", Ct);
        Assert.True(accepted.Allowed, accepted.Message);
        ctx.ChangeTracker.Clear();
        var roles = new HashSet<string>(StringComparer.Ordinal) { "approver" };
        var refused = await review.ActAsync(invoice.Id, "cecilia.cfo", roles, ReviewAction.Attest, null, Ct);
        Assert.False(refused.Allowed);
        Assert.Contains("no attestation authority", refused.Message, StringComparison.Ordinal);

        var evening = new FakeTimeProvider(new DateTimeOffset(2026, 6, 30, 21, 30, 0, TimeSpan.Zero)); // 23:30 on 30 June in Stockholm
        review = new InvoiceReview(ctx, new BusinessClock(evening, "Europe/Stockholm"), Options.Create(new PipelineOptions()));
        ctx.ChangeTracker.Clear();
        var attested = await review.ActAsync(invoice.Id, "cecilia.cfo", roles, ReviewAction.Attest, null, Ct);
        Assert.True(attested.Allowed, attested.Message);
        Assert.Equal(InvoiceStatus.Attested, (await ctx.Invoices.AsNoTracking().SingleAsync(i => i.Id == invoice.Id, Ct)).Status);
    }
}
