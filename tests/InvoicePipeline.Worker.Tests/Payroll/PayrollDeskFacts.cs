using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Tests.Payroll;

public sealed class PayrollDeskFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ManagersAttestTheirQueue_ThenThePeriodPostsOneBalancedVoucher_AndCarriesTheRest(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await PipelineHost.RunSamplesAsync(db);
        await using var ctx = db.Open();
        var desk = new PayrollDesk(ctx, new PipelineOptions(), TimeProvider.System);

        var bo = await desk.QueueAsync("bo.chef", Ct);
        var anna = await desk.QueueAsync("anna.manager", Ct);
        Assert.NotEmpty(bo);
        Assert.Empty(await desk.QueueAsync("olle.operator", Ct)); // manages nobody
        var (_, refusedReject) = await desk.ActAsync("bo.chef", attest: false, [bo[0].TransactionId], reason: null, Ct);
        Assert.Single(refusedReject);
        // Someone else's transaction is refused with the reason.
        if (anna.FirstOrDefault(a => bo.All(b => b.TransactionId != a.TransactionId)) is { } notBos)
        {
            var (_, refused) = await desk.ActAsync("bo.chef", attest: true, [notBos.TransactionId], null, Ct);
            Assert.Matches("manages neither|reported transaction|imported the file", Assert.Single(refused)); // four eyes or no authority, with the reason
        }
        var (done, none) = await desk.ActAsync("bo.chef", attest: true, null, null, Ct);
        Assert.Equal(bo.Count, done);
        Assert.Empty(none);

        var period = bo[0].Period;
        var waitingBefore = await ctx.PayrollEntries.CountAsync(e => e.Period == period && e.Status == "AwaitingAttestation", Ct);
        var attested = await ctx.PayrollEntries.AsNoTracking().Where(e => e.Period == period && e.Status == "Attested").ToListAsync(Ct);
        var result = await desk.PostAsync(period, Path.Combine(db.Folder, "payroll"), Ct);
        Assert.Equal(attested.Count, result.Posted);
        Assert.Equal(waitingBefore, result.Carried);
        Assert.Equal(attested.Sum(e => e.Amount ?? 0), result.Amount);
        Assert.Equal(attested.Count + 1, (await File.ReadAllLinesAsync(result.ExportFile, Ct)).Length);

        ctx.ChangeTracker.Clear();
        var voucher = await ctx.Vouchers.AsNoTracking().SingleAsync(v => v.PayrollBatch == period, Ct);
        var lines = await ctx.VoucherLines.AsNoTracking().Where(l => l.VoucherId == voucher.Id).ToListAsync(Ct);
        Assert.Equal(0m, lines.Sum(l => l.Amount));
        Assert.Contains(lines, l => l.Account == "2821" && l.Amount == -result.Amount);
        Assert.Equal(0, await ctx.PayrollEntries.CountAsync(e => e.Period == period && e.Status == "AwaitingAttestation", Ct));
        Assert.All(await ctx.PayrollEntries.AsNoTracking().Where(e => e.VoucherId == voucher.Id).ToListAsync(Ct), e => Assert.Equal("Posted", e.Status));
    }
}
