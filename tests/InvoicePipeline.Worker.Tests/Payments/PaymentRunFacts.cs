using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Payments;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace InvoicePipeline.Worker.Tests.Payments;

public sealed class PaymentRunFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A fixed business day: execution dates and quarantine windows are counted from it.</summary>
    private static readonly BusinessClock Clock = new(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)), "Europe/Stockholm");

    private static XmlSchemaSet Schema()
    {
        var set = new XmlSchemaSet();
        set.Add("urn:iso:std:iso:20022:tech:xsd:pain.001.001.03", SharedSamples.PathTo("samples", "pain001", "xsd", "pain.001.001.03.xsd"));
        set.Compile();
        return set;
    }

    private static List<string> XsdErrors(string path)
    {
        var errors = new List<string>();
        var doc = XDocument.Load(path);
        doc.Validate(Schema(), (_, e) => errors.Add(e.Message));
        return errors;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Propose_WritesAValidFile_AndNeverPaysAnInvoiceTwice_UnlessTheFileIsCancelled(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await PipelineHost.RunSamplesAsync(db);

        var options = new PipelineOptions { Payments = { Outbox = Path.Combine(db.Folder, "outbox") } };
        var first = Path.Combine(db.Folder, "pay1.xml");
        PaymentRunResult r;
        await using (var ctx = db.Open())
            r = await new PaymentRun(ctx, options, Clock).ProposeAsync(new DateOnly(2099, 1, 1), first, "fiona.finance", Ct, "SSC");
        Assert.True(r.Payments > 0);
        Assert.Empty(XsdErrors(first));
        Assert.Empty(Pain001Check.Check(XDocument.Load(first)));

        var finance = new HashSet<string> { "finance" };
        await using (var ctx = db.Open())
            await new PaymentRun(ctx, options, Clock).ApproveAsync(r.FileId!.Value, "frank.finance", finance, Ct);
        await using (var ctx = db.Open())
        {
            var paid = await ctx.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Paid).ToListAsync(Ct);
            var payments = await ctx.Payments.AsNoTracking().ToListAsync(Ct);
            // One row per settled document: each transfer's invoice and the credit notes netted against it.
            Assert.Equal(payments.Count, paid.Count);
            Assert.Equal(r.Payments, payments.Count(p => p.Amount > 0));
            // The creditor account is always the register's: the invoice with a foreign payee account was never paid to it.
            Assert.DoesNotContain(payments, p => p.Account == "9912346");
            var again = await new PaymentRun(ctx, options, Clock).ProposeAsync(new DateOnly(2099, 1, 1), Path.Combine(db.Folder, "pay2.xml"), "fiona.finance", Ct, "SSC");
            Assert.Equal(0, again.Payments);
        }
        await using (var ctx = db.Open())
        {
            var run = new PaymentRun(ctx, options, Clock);
            Assert.Equal(await ctx.Payments.CountAsync(p => p.PaymentFileId == r.FileId, Ct), await run.CancelAsync(r.FileId!.Value, "fiona.finance", Ct));
            var third = await run.ProposeAsync(new DateOnly(2099, 1, 1), Path.Combine(db.Folder, "pay3.xml"), "fiona.finance", Ct, "SSC");
            Assert.Equal(r.Payments, third.Payments);
        }
    }

    [Fact]
    public void AProposalWithNettedCreditNotes_IsValidAgainstThePain001Xsd_AndAddsUp()
    {
        var today = new DateOnly(2026, 11, 20);
        var supplier = new InvoicePipeline.MasterData.Supplier { SupplierId = "S1", Name = "Leverantören AB", Bankgiro = "5050-1055" };
        var foreign = new InvoicePipeline.MasterData.Supplier { SupplierId = "S2", Name = "Lieferant GmbH", Iban = "DE89370400440532013000", Bic = "COBADEFFXXX" };
        InvoicePipeline.Payments.PayableInvoice Inv(long id, string s, decimal amount, string currency = "SEK", string? ocr = null) =>
            new(id, s, "F-" + id, today.AddDays(-10), today, amount, currency, ocr, 100 + id);
        var plan = InvoicePipeline.Payments.PaymentProposal.Propose(
            [Inv(1, "S1", 1250m, ocr: "1234567897"), Inv(2, "S1", -250m), Inv(3, "S1", 80m), Inv(4, "S2", 900m, "EUR"), Inv(5, "S2", -100m, "EUR"), Inv(6, "S1", -5000m)],
            new Dictionary<string, InvoicePipeline.MasterData.Supplier> { ["S1"] = supplier, ["S2"] = foreign }, [], new HashSet<long>(), today, today);
        Assert.Equal([1000m, 80m, 800m], plan.Payments.OrderBy(p => p.Invoice.InvoiceId).Select(p => p.Amount));
        Assert.Contains(plan.Withheld, w => w.Invoice.InvoiceId == 6 && w.Reason.Contains("larger than what is due", StringComparison.Ordinal));

        var doc = Pain001Writer.Build("IP-TEST-1", new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero),
            new Debtor("Myndigheten", "202100-5489", "SE4550000000058398257466", "ESSESESS"), plan.Payments);
        var path = Path.Combine(Path.GetTempPath(), $"ip-netted-{Guid.NewGuid():N}.xml");
        try
        {
            File.WriteAllBytes(path, Pain001Writer.Bytes(doc));
            Assert.Empty(XsdErrors(path));
            Assert.Empty(Pain001Check.Check(XDocument.Load(path)));
            var text = File.ReadAllText(path);
            Assert.Contains("<CdtNoteAmt Ccy=\"SEK\">250.00</CdtNoteAmt>", text, StringComparison.Ordinal);
            Assert.Contains("<InstdAmt Ccy=\"SEK\">1000.00</InstdAmt>", text, StringComparison.Ordinal);
            Assert.Contains("<CtrlSum>1880.00</CtrlSum>", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AChangedAccount_StaysInQuarantine_WhateverTheTime_UntilVerified()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var clock = new BusinessClock(time, "Europe/Stockholm");
        await using var ctx = db.Open();
        var supplier = await (from i in ctx.Invoices.AsNoTracking()
                              join v in ctx.Vouchers.AsNoTracking() on (long?)i.Id equals v.InvoiceId
                              where i.Status == InvoiceStatus.Attested && i.SupplierId == "S001"
                              select i.SupplierId).FirstAsync(Ct);
        // S001 moves its bankgiro on 1 December.
        var md = Samples.ChangedMasterData(Path.Combine(db.Folder, "md-changed"), "suppliers.csv",
            rows => rows.Select(r => r.StartsWith(supplier + ",", StringComparison.Ordinal) ? r.Replace("5050-1055", "5555-5551", StringComparison.Ordinal) : r));
        Assert.Empty((await new Worker.MasterData.MasterDataImporter(ctx, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<Worker.MasterData.MasterDataImporter>.Instance).ImportAsync(md, Ct)).Errors);

        time.Advance(TimeSpan.FromDays(13)); // 14 December: still in quarantine
        var first = await new PaymentRun(ctx, new PipelineOptions(), clock).ProposeAsync(new DateOnly(2099, 1, 1), Path.Combine(db.Folder, "pay1.xml"), "fiona.finance", Ct, "SSC");
        var withheld = first.Withheld.Where(w => w.Reason.Contains("quarantine", StringComparison.Ordinal)).Select(w => w.Invoice.InvoiceId).ToList();
        Assert.NotEmpty(withheld);
        Assert.All(first.Withheld.Where(w => withheld.Contains(w.Invoice.InvoiceId)), w => Assert.Contains("import of 2026-12-01", w.Reason, StringComparison.Ordinal));

        time.Advance(TimeSpan.FromDays(365)); // issue 18: no quarantine ends by time alone
        ctx.ChangeTracker.Clear();
        var still = await new PaymentRun(ctx, new PipelineOptions(), clock).ProposeAsync(new DateOnly(2099, 1, 1), Path.Combine(db.Folder, "pay-late.xml"), "fiona.finance", Ct, "SSC");
        Assert.Contains(still.Withheld, w => w.Reason.Contains("quarantine", StringComparison.Ordinal));
        ctx.ChangeTracker.Clear();
        Assert.Equal(1, await new PaymentRun(ctx, new PipelineOptions(), clock).VerifyAccountAsync(supplier!, "5555-5551", "fiona.finance", new HashSet<string> { "finance" }, Ct));
        ctx.ChangeTracker.Clear();
        var second = await new PaymentRun(ctx, new PipelineOptions(), clock).ProposeAsync(new DateOnly(2099, 1, 1), Path.Combine(db.Folder, "pay2.xml"), "fiona.finance", Ct, "SSC");
        Assert.DoesNotContain(second.Withheld, w => w.Reason.Contains("quarantine", StringComparison.Ordinal));
        var paid = await ctx.Payments.AsNoTracking().Where(p => withheld.Contains(p.InvoiceId)).Select(p => p.Account).ToListAsync(Ct);
        Assert.Equal(withheld.Count, paid.Count);
        Assert.All(paid, a => Assert.Equal("55555551", a)); // to the new account
    }

    [Fact]
    public void OfficialNegativeSamples_AreCaught_ByTheXsdOrByTheCodeCheck()
    {
        var samples = SharedSamples.PathTo("samples", "pain001", "samples");
        var ctrl = Path.Combine(samples, "NEGATIVE_ctrlsum_mismatch_XSD_PASSES.pain.001.001.03.xml");
        Assert.Empty(XsdErrors(ctrl));
        Assert.Contains(Pain001Check.Check(XDocument.Load(ctrl)), e => e.Contains("CtrlSum", StringComparison.Ordinal));
        var nb = Path.Combine(samples, "NEGATIVE_missing_NbOfTxs_XSD_FAILS.pain.001.001.03.xml");
        Assert.NotEmpty(XsdErrors(nb));
        Assert.Contains(Pain001Check.Check(XDocument.Load(nb)), e => e.Contains("NbOfTxs", StringComparison.Ordinal));
        var good = Path.Combine(samples, "se_bg_pg_salary.pain.001.001.03.xml");
        Assert.Empty(XsdErrors(good));
        Assert.Empty(Pain001Check.Check(XDocument.Load(good)));
    }
}
