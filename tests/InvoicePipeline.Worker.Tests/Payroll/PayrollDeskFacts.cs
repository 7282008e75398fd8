using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Payroll;
using System.Text;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

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
        var desk = new PayrollDesk(ctx, new PipelineOptions(), new BusinessClock(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)), "Europe/Stockholm"));

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
            Assert.Matches("manages neither|own transaction|reported transaction|imported the file", Assert.Single(refused)); // four eyes or no authority, with the reason
        }
        var (done, none) = await desk.ActAsync("bo.chef", attest: true, null, null, Ct);
        Assert.Equal(bo.Count, done);
        Assert.Empty(none);

        var period = bo[0].Period;
        var waitingBefore = await ctx.PayrollEntries.CountAsync(e => e.Period == period && e.Status == PayrollStatus.AwaitingAttestation, Ct);
        var attested = await ctx.PayrollEntries.AsNoTracking().Where(e => e.Period == period && e.Status == PayrollStatus.Attested).ToListAsync(Ct);
        var result = await desk.PostAsync(period, Path.Combine(db.Folder, "payroll"), Ct);
        Assert.Equal(attested.Count, result.Posted);
        Assert.Equal(waitingBefore, result.Carried);
        Assert.Equal(attested.Sum(e => e.Amount ?? 0), result.Amount);
        Assert.Equal(attested.Count + 1, (await File.ReadAllLinesAsync(result.ExportFile, Ct)).Length);
        // Issue 18: posting the period again posts nothing and leaves the export file as it was.
        var exported = await File.ReadAllBytesAsync(result.ExportFile, Ct);
        var again = await desk.PostAsync(period, Path.Combine(db.Folder, "payroll"), Ct);
        Assert.Equal((0, null, result.ExportFile), (again.Posted, again.Voucher, again.ExportFile));
        Assert.Equal(exported, await File.ReadAllBytesAsync(result.ExportFile, Ct));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(db.Folder, "payroll"), "*.tmp"));

        ctx.ChangeTracker.Clear();
        var voucher = await ctx.Vouchers.AsNoTracking().SingleAsync(v => v.PayrollBatch == period, Ct);
        var lines = await ctx.VoucherLines.AsNoTracking().Where(l => l.VoucherId == voucher.Id).ToListAsync(Ct);
        Assert.Equal(0m, lines.Sum(l => l.Amount));
        Assert.Contains(lines, l => l.Account == "2821" && l.Amount == -result.Amount);
        Assert.Equal(0, await ctx.PayrollEntries.CountAsync(e => e.Period == period && e.Status == PayrollStatus.AwaitingAttestation, Ct));
        Assert.All(await ctx.PayrollEntries.AsNoTracking().Where(e => e.VoucherId == voucher.Id).ToListAsync(Ct), e => Assert.Equal(PayrollStatus.Posted, e.Status));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task AManager_NeverAttestsTheirOwnTransaction_LinkedByEmployeesCsvUserId(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = db.Open();
        await Database.MigrateAsync(ctx, Ct);
        // samples/masterdata/employees.csv links E1010 (Bo Chef, cost centre CC200, managed by anna.manager) to bo.chef.
        await new MasterDataImporter(ctx, TimeProvider.System, NullLogger<MasterDataImporter>.Instance).ImportAsync(Samples.MasterData, Ct);
        Assert.Equal("bo.chef", (await ctx.Employees.AsNoTracking().SingleAsync(e => e.EmployeeId == "E1010", Ct)).UserId);
        var content = Encoding.UTF8.GetBytes("""
            transaction_id,employee_id,pay_code,work_date,quantity,reported_by
            OWN-1,E1010,OT50,2025-03-20,2,hr.clerk
            OTHER-1,E1003,OT50,2025-03-20,2,hr.clerk

            """.ReplaceLineEndings("\n"));
        var doc = new ReceivedDocument { Sha256 = "own", FileName = "payroll/own.csv", Channel = DocumentChannel.Payroll, Size = content.Length, Content = content, ReceivedAt = DateTimeOffset.UtcNow, RunId = "r1" };
        ctx.Documents.Add(doc);
        await ctx.SaveChangesAsync(Ct);
        await PayrollIntake.ProcessAsync(ctx, [doc], "r1", Ct);
        ctx.ChangeTracker.Clear();

        var desk = new PayrollDesk(ctx, new PipelineOptions(), new BusinessClock(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)), "Europe/Stockholm"));
        // bo.chef manages CC200, where his own row is charged: still not his to attest.
        Assert.Equal(["OTHER-1"], (await desk.QueueAsync("bo.chef", Ct)).Select(e => e.TransactionId));
        var (done, refused) = await desk.ActAsync("bo.chef", attest: true, ["OWN-1"], null, Ct);
        Assert.Equal(0, done);
        Assert.Contains("own transaction OWN-1", Assert.Single(refused), StringComparison.Ordinal);
        Assert.Equal(PayrollStatus.AwaitingAttestation, (await ctx.PayrollEntries.AsNoTracking().SingleAsync(e => e.TransactionId == "OWN-1", Ct)).Status);
        // His whole-queue attest leaves it too.
        Assert.Equal(1, (await desk.ActAsync("bo.chef", attest: true, null, null, Ct)).Done);
        Assert.Equal(PayrollStatus.AwaitingAttestation, (await ctx.PayrollEntries.AsNoTracking().SingleAsync(e => e.TransactionId == "OWN-1", Ct)).Status);

        // His manager attests it, and the history says who, when and why.
        Assert.Contains("OWN-1", (await desk.QueueAsync("anna.manager", Ct)).Select(e => e.TransactionId));
        Assert.Equal(1, (await desk.ActAsync("anna.manager", attest: true, ["OWN-1"], null, Ct)).Done);
        ctx.ChangeTracker.Clear();
        var own = await ctx.PayrollEntries.AsNoTracking().SingleAsync(e => e.TransactionId == "OWN-1", Ct);
        Assert.Equal((PayrollStatus.Attested, "anna.manager"), (own.Status, own.AttestedBy));
        var history = await ctx.History.AsNoTracking().SingleAsync(h => h.Subject == "payroll" && h.SubjectId == own.Id, Ct);
        Assert.Equal(("anna.manager", "attest", "AwaitingAttestation", "Attested"), (history.Actor, history.Action, history.FromStatus, history.ToStatus));
        Assert.Contains("manager of employee E1010", history.Reason, StringComparison.Ordinal);
    }
}
