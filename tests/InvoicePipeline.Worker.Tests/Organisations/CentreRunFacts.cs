using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Tests.Organisations;

/// <summary>
/// Issue 16 end to end on the sample centre (samples/masterdata: SSC and KAMK in Sweden, DK-SA in Denmark): nothing
/// crosses organisations, an unknown buyer waits for a person who assigns it, and every ledger leaves on its own.
/// </summary>
public sealed class CentreRunFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<(int Exit, string Out, string Err)> CliAsync(TestDatabase db, params string[] args) => CliInProcess.RunAsync(db, null, args);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task EachInvoice_IsDecidedAndPosted_InItsOwnOrganisation_AndNothingCrosses(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await PipelineHost.RunSamplesAsync(db);
        await using var ctx = db.Open();
        var byFile = await (from i in ctx.Invoices.AsNoTracking()
                            join d in ctx.Documents.AsNoTracking() on i.DocumentId equals d.Id
                            select new { d.FileName, i.Id, i.OrganisationId, i.SupplierId, i.Status, i.Exceptions }).ToListAsync(Ct);
        var ssc = byFile.Single(x => x.FileName.EndsWith("01-kontorsvaror-PO-1001.xml", StringComparison.Ordinal));
        var kamk = byFile.Single(x => x.FileName.EndsWith("29-kamk-same-number-as-01-PO-1001.xml", StringComparison.Ordinal));
        // The same supplier id, invoice number and order number in two organisations: two invoices, neither a duplicate.
        Assert.Equal(("SSC", "S001"), (ssc.OrganisationId, ssc.SupplierId));
        Assert.Equal(("KAMK", "S001", ""), (kamk.OrganisationId, kamk.SupplierId, kamk.Exceptions));
        var vouchers = await ctx.Vouchers.AsNoTracking().Where(v => v.InvoiceId != null).ToListAsync(Ct);
        foreach (var organisation in vouchers.GroupBy(v => v.OrganisationId))
            Assert.Equal(Enumerable.Range(1, organisation.Count()), organisation.OrderBy(v => v.Number).Select(v => v.Number)); // gapless per organisation
        Assert.Equal("KAMK", vouchers.Single(v => v.InvoiceId == kamk.Id).OrganisationId);
        // Coded to the organisation's own order: KAMK's PO-1001 is on cost centre K100, SSC's on CC100.
        var kamkVoucher = vouchers.Single(v => v.InvoiceId == kamk.Id).Id;
        var kamkLines = await ctx.VoucherLines.AsNoTracking().Where(l => l.VoucherId == kamkVoucher).ToListAsync(Ct);
        Assert.Contains(kamkLines, l => l.CostCentre == "K100");
        Assert.DoesNotContain(kamkLines, l => l.CostCentre == "CC100");
        // The Danish institution books in DKK.
        var dk = byFile.Single(x => x.FileName.EndsWith("30-dk-sa-kontor-DKK-DK-PO-7001.xml", StringComparison.Ordinal));
        Assert.Equal(("DK-SA", "D001"), (dk.OrganisationId, dk.SupplierId));
        var dkVoucher = vouchers.Single(v => v.InvoiceId == dk.Id).Id;
        var dkPayable = await ctx.VoucherLines.AsNoTracking().SingleAsync(l => l.VoucherId == dkVoucher && l.Account == "2440", Ct);
        Assert.Equal(-2375.00m, dkPayable.Amount);
        // Payroll files are read against their folder's organisation.
        Assert.All(await ctx.PayrollEntries.AsNoTracking().Where(e => e.File.StartsWith("payroll/KAMK/")).ToListAsync(Ct), e => Assert.Equal("KAMK", e.OrganisationId));
        Assert.Equal(2, await ctx.PayrollEntries.CountAsync(e => e.OrganisationId == "KAMK" && e.Amount != null, Ct));
    }

    [Fact]
    public async Task AnUnknownBuyer_WaitsInTheCentresQueue_UntilAnAccountantAssignsTheOrganisation()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        long id;
        await using (var ctx = db.Open())
        {
            var unknown = await ctx.Invoices.AsNoTracking().Include(i => i.Issues).SingleAsync(i => i.InvoiceNumber == "F2026-1199", Ct);
            Assert.Equal((InvoiceStatus.AwaitingReview, null, null), (unknown.Status, unknown.OrganisationId, unknown.SupplierId));
            Assert.Contains("2021004888", Assert.Single(unknown.Issues, i => i.Code == ExceptionCode.UnknownBuyer).Reason, StringComparison.Ordinal);
            id = unknown.Id;
        }
        var nowhere = await CliAsync(db, "invoice", "act", "--user", "david.ekonom", "--invoice", $"{id}", "--action", "AssignOrganisation", "--reason", "NOPE");
        Assert.Equal(3, nowhere.Exit);
        Assert.Contains("NOPE is not one of the centre's organisations", nowhere.Out, StringComparison.Ordinal);
        var approver = await CliAsync(db, "invoice", "act", "--user", "bo.chef", "--invoice", $"{id}", "--action", "AssignOrganisation", "--reason", "SSC");
        Assert.Equal(3, approver.Exit);

        var assigned = await CliAsync(db, "invoice", "act", "--user", "david.ekonom", "--invoice", $"{id}", "--action", "AssignOrganisation", "--reason", "SSC");
        Assert.Equal(0, assigned.Exit);
        await using (var ctx = db.Open())
        {
            var now = await ctx.Invoices.AsNoTracking().Include(i => i.Issues).Include(i => i.Lines).SingleAsync(i => i.Id == id, Ct);
            // Processed as if it had arrived at SSC: supplier identified, matched to SSC's order, coded to its cost centre.
            Assert.Equal(("SSC", "S001"), (now.OrganisationId, now.SupplierId));
            Assert.DoesNotContain(now.Issues, i => i.Code == ExceptionCode.UnknownBuyer && i.ResolvedAt is null);
            Assert.All(now.Lines, l => Assert.Equal("CC100", l.CostCentre));
            var history = await ctx.History.AsNoTracking().Where(h => h.SubjectId == id && h.Action == "assignorganisation").ToListAsync(Ct);
            Assert.Equal("david.ekonom", Assert.Single(history).Actor);
        }
        var again = await CliAsync(db, "invoice", "act", "--user", "david.ekonom", "--invoice", $"{id}", "--action", "AssignOrganisation", "--reason", "KAMK");
        Assert.Equal(3, again.Exit);
    }

    [Fact]
    public async Task Exports_AreOfOneOrganisation_NamedOrRefused()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        var sie = Path.Combine(db.Folder, "kamk.se");
        var none = await CliAsync(db, "export", "sie", "--from", "2026-07-01", "--to", "2027-06-30", "--out", sie);
        Assert.Equal(2, none.Exit);
        Assert.Contains("DK-SA, KAMK, SSC", none.Err, StringComparison.Ordinal);
        Assert.Equal(2, (await CliAsync(db, "payments", "propose", "--user", "fiona.finance", "--due-by", "2099-01-01", "--out", Path.Combine(db.Folder, "p.xml"))).Exit);

        // KAMK's fiscal year starts in July: its SIE file is its own, with its name, number and year.
        Assert.Equal(0, (await CliAsync(db, "export", "sie", "--organisation", "KAMK", "--from", "2026-07-01", "--to", "2027-06-30", "--out", sie)).Exit);
        var text = System.Text.Encoding.Latin1.GetString(await File.ReadAllBytesAsync(sie, Ct));
        Assert.Contains("#FNAMN \"Kammarkollegiet\"", text, StringComparison.Ordinal);
        Assert.Contains("#ORGNR 202100-0829", text, StringComparison.Ordinal);
        Assert.Contains("#RAR 0 20260701 20270630", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l.StartsWith("#VER", StringComparison.Ordinal));

        // SIE is Swedish: the Danish ledger leaves as the journal, in DKK.
        var danish = await CliAsync(db, "export", "sie", "--organisation", "DK-SA", "--from", "2026-01-01", "--to", "2026-12-31", "--out", Path.Combine(db.Folder, "dk.se"));
        Assert.Equal(3, danish.Exit);
        Assert.Contains("use export journal", danish.Err, StringComparison.Ordinal);
        var journal = Path.Combine(db.Folder, "dk.csv");
        Assert.Equal(0, (await CliAsync(db, "export", "journal", "--organisation", "DK-SA", "--from", "2026-01-01", "--to", "2026-12-31", "--out", journal)).Exit);
        var rows = (await File.ReadAllLinesAsync(journal, Ct)).Skip(1).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.DoesNotContain("CC100", r, StringComparison.Ordinal));
    }
}
