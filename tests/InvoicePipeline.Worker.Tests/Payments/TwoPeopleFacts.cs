using System.Text.Json;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Tests.Payments;

/// <summary>
/// Issue 18: two people on every payment and on every payee account, on the command line, as the person of the
/// operating-system account (the test maps the account it runs as to one of two finance users in turn).
/// </summary>
public sealed class TwoPeopleFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The user configuration with two finance users; the operating-system account of this process is <paramref name="me"/>.</summary>
    private static Dictionary<string, string?> As(string me, string outbox)
    {
        var s = new Dictionary<string, string?>(StringComparer.Ordinal) { ["Pipeline:Payments:Outbox"] = outbox };
        string[] people = ["fia.finance", "fred.finance", "bo.approver"];
        for (var n = 0; n < people.Length; n++)
        {
            s[$"Pipeline:Dashboard:Users:{90 + n}:UserId"] = people[n];
            s[$"Pipeline:Dashboard:Users:{90 + n}:Roles:0"] = people[n].EndsWith(".finance", StringComparison.Ordinal) ? "finance" : "approver";
            if (people[n] == me) s[$"Pipeline:Dashboard:Users:{90 + n}:OsAccount"] = Environment.UserName;
        }
        return s;
    }

    private static Task<(int Exit, string Out, string Err)> RunAsync(TestDatabase db, string me, string outbox, params string[] args) =>
        CliInProcess.RunAsync(db, As(me, outbox), args);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Propose_PaysNothing_UntilASecondFinanceUserReleases_AndTheFileIsNeverOverwritten(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await PipelineHost.RunSamplesAsync(db);
        var outbox = Path.Combine(db.Folder, "outbox");
        var proposal = Path.Combine(db.Folder, "proposal.xml");

        // Not finance: refused before anything happens.
        Assert.Equal(3, (await RunAsync(db, "bo.approver", outbox, "payments", "propose", "--organisation", "SSC", "--due-by", "2099-01-01", "--out", proposal)).Exit);
        var proposed = await RunAsync(db, "fia.finance", outbox, "payments", "propose", "--organisation", "SSC", "--due-by", "2099-01-01", "--out", proposal, "--json");
        Assert.Equal(0, proposed.Exit);
        var json = JsonDocument.Parse(proposed.Out).RootElement;
        var fileId = json.GetProperty("fileId").GetInt64();
        Assert.True(json.GetProperty("payments").GetInt32() > 0);
        var proposedBytes = await File.ReadAllBytesAsync(proposal, Ct);
        await using (var ctx = db.Open())
        {
            Assert.Equal(0, await ctx.Invoices.CountAsync(i => i.Status == InvoiceStatus.Paid, Ct)); // proposed is not paid
            var file = await ctx.PaymentFiles.AsNoTracking().SingleAsync(f => f.Id == fileId, Ct);
            Assert.Equal(proposedBytes, System.Text.Encoding.UTF8.GetBytes(file.Xml)); // stored with the proposal, byte for byte
        }
        Assert.False(Directory.Exists(outbox) && Directory.EnumerateFiles(outbox).Any(), "nothing reaches the bank channel before the release");

        // Proposing again to the same file: refused, the file untouched; the proposed invoices are not proposed twice.
        Assert.Equal(3, (await RunAsync(db, "fred.finance", outbox, "payments", "propose", "--organisation", "SSC", "--due-by", "2099-01-01", "--out", proposal)).Exit);
        Assert.Equal(proposedBytes, await File.ReadAllBytesAsync(proposal, Ct));
        var second = await RunAsync(db, "fred.finance", outbox, "payments", "propose", "--organisation", "SSC", "--due-by", "2099-01-01", "--out", Path.Combine(db.Folder, "p2.xml"), "--json");
        Assert.Equal(0, JsonDocument.Parse(second.Out).RootElement.GetProperty("payments").GetInt32());

        // The proposer may not release her own file, nor claim to be someone else.
        var own = await RunAsync(db, "fia.finance", outbox, "payments", "approve", "--file-id", $"{fileId}");
        Assert.Equal(3, own.Exit);
        Assert.Contains("another finance user must release it", own.Err, StringComparison.Ordinal);
        Assert.Equal(3, (await RunAsync(db, "fia.finance", outbox, "payments", "approve", "--file-id", $"{fileId}", "--user", "fred.finance")).Exit);
        await using (var ctx = db.Open())
            Assert.Equal(0, await ctx.Invoices.CountAsync(i => i.Status == InvoiceStatus.Paid, Ct));

        var released = await RunAsync(db, "fred.finance", outbox, "payments", "approve", "--file-id", $"{fileId}", "--user", "fred.finance");
        Assert.Equal(0, released.Exit);
        string messageId;
        await using (var ctx = db.Open())
        {
            var file = await ctx.PaymentFiles.AsNoTracking().SingleAsync(f => f.Id == fileId, Ct);
            Assert.Equal("fred.finance", file.ReleasedBy);
            messageId = file.MessageId;
            // Every transfer's invoice and every credit note netted in it are settled.
            Assert.Equal(json.GetProperty("payments").GetInt32(), await ctx.Payments.CountAsync(p => p.PaymentFileId == fileId && p.Amount > 0, Ct));
            Assert.Equal(await ctx.Payments.CountAsync(p => p.PaymentFileId == fileId, Ct), await ctx.Invoices.CountAsync(i => i.Status == InvoiceStatus.Paid, Ct));
            var pay = await ctx.History.AsNoTracking().Where(h => h.Action == "pay").ToListAsync(Ct);
            Assert.All(pay, h => Assert.Equal("fred.finance", h.Actor));
            Assert.All(pay, h => Assert.Contains("proposed by fia.finance", h.Reason, StringComparison.Ordinal));
        }
        Assert.Equal(proposedBytes, await File.ReadAllBytesAsync(Path.Combine(outbox, messageId + ".xml"), Ct));
        // Releasing again changes nothing; exporting again gives the same file with the same MsgId, never over another.
        Assert.Equal(0, (await RunAsync(db, "fred.finance", outbox, "payments", "approve", "--file-id", $"{fileId}")).Exit);
        var again = Path.Combine(db.Folder, "again.xml");
        Assert.Equal(0, (await RunAsync(db, "fia.finance", outbox, "payments", "export", "--file-id", $"{fileId}", "--out", again)).Exit);
        Assert.Equal(proposedBytes, await File.ReadAllBytesAsync(again, Ct));
        Assert.Equal(3, (await RunAsync(db, "fia.finance", outbox, "payments", "export", "--file-id", $"{fileId}", "--out", proposal)).Exit);
    }

    [Fact]
    public async Task PeriodClose_IsByThePersonOfTheAccount_WithTheFinanceRole_NeverByATypedName()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        var outbox = Path.Combine(db.Folder, "outbox");
        var approver = await RunAsync(db, "bo.approver", outbox, "period", "close", "--month", "2026-10");
        Assert.Equal(3, approver.Exit);
        Assert.Contains("may not close a period", approver.Err, StringComparison.Ordinal);
        var someoneElse = await RunAsync(db, "bo.approver", outbox, "period", "close", "--month", "2026-10", "--user", "fia.finance");
        Assert.Equal(3, someoneElse.Exit);
        Assert.Contains("is someone else", someoneElse.Err, StringComparison.Ordinal);

        Assert.Equal(0, (await RunAsync(db, "fia.finance", outbox, "period", "close", "--month", "2026-10")).Exit);
        await using var ctx = db.Open();
        var close = await ctx.History.AsNoTracking().SingleAsync(h => h.Action == "period-close", Ct);
        Assert.Equal("fia.finance", close.Actor);
    }

    [Fact]
    public async Task AChangedOrNewAccount_IsPaidOnlyAfterSomeoneWhoDidNotImportItVerifiedThatNumber()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        var outbox = Path.Combine(db.Folder, "outbox");
        var md = Samples.ChangedMasterData(Path.Combine(db.Folder, "md"), "suppliers.csv", rows =>
        {
            var lines = rows.ToList();
            var s001 = lines.FindIndex(l => l.StartsWith("S001,", StringComparison.Ordinal));
            lines[s001] = lines[s001].Replace("5050-1055", "5050-1063", StringComparison.Ordinal);
            lines.Add("S099,Ny Leverantör AB,556036-0793,,,SE,1234-5674,,,,4010,CC100,30,false");
            return lines;
        });
        Assert.Equal(0, (await RunAsync(db, "fia.finance", outbox, "import", "masterdata", md)).Exit);

        var pending = await RunAsync(db, "fred.finance", outbox, "payments", "pending-accounts", "--json");
        var rows = JsonDocument.Parse(pending.Out).RootElement.EnumerateArray().Select(r => (r.GetProperty("SupplierId").GetString(), r.GetProperty("Number").GetString(), r.GetProperty("ImportedBy").GetString())).ToList();
        Assert.Contains(("S001", "50501063", "fia.finance"), rows);
        Assert.Contains(("S099", "12345674", "fia.finance"), rows);

        var withheld = await RunAsync(db, "fred.finance", outbox, "payments", "propose", "--organisation", "SSC", "--due-by", "2099-01-01", "--out", Path.Combine(db.Folder, "p1.xml"), "--json", "--as-of", "2099-01-01");
        Assert.Contains(JsonDocument.Parse(withheld.Out).RootElement.GetProperty("withheld").EnumerateArray(),
            w => w.GetProperty("supplierId").GetString() == "S001" && w.GetProperty("reason").GetString()!.Contains("quarantine", StringComparison.Ordinal));

        // The importer may not verify; a wrong number verifies nothing; the other finance user verifies that number only.
        var byImporter = await RunAsync(db, "fia.finance", outbox, "payments", "verify-account", "--supplier", "S001", "--account", "5050-1063");
        Assert.Equal(3, byImporter.Exit);
        Assert.Contains("another finance user must verify it", byImporter.Err, StringComparison.Ordinal);
        Assert.Equal(3, (await RunAsync(db, "fred.finance", outbox, "payments", "verify-account", "--supplier", "S001", "--account", "5050-1055")).Exit);
        Assert.Equal(3, (await RunAsync(db, "bo.approver", outbox, "payments", "verify-account", "--supplier", "S001", "--account", "5050-1063")).Exit);
        Assert.Equal(0, (await RunAsync(db, "fred.finance", outbox, "payments", "verify-account", "--supplier", "S001", "--account", "5050-1063")).Exit);
        await using var ctx = db.Open();
        var changes = await ctx.SupplierAccountChanges.AsNoTracking().ToListAsync(Ct);
        Assert.Equal("fred.finance", changes.Single(c => c.SupplierId == "S001").VerifiedBy);
        Assert.Null(changes.Single(c => c.SupplierId == "S099").VerifiedBy);
        Assert.Contains(await ctx.History.AsNoTracking().Where(h => h.Action == "verify-account").ToListAsync(Ct), h => h.Reason!.Contains("50501063", StringComparison.Ordinal));
        Assert.Equal("fia.finance", (await ctx.MasterDataImports.AsNoTracking().OrderBy(i => i.Id).LastAsync(Ct)).ImportedBy);
    }
}
