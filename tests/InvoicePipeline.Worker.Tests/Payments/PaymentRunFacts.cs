using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Payments;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Tests.Payments;

public sealed class PaymentRunFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

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
            r = await new PaymentRun(ctx, options, TimeProvider.System).ProposeAsync(new DateOnly(2099, 1, 1), first, "fiona.finance", Ct);
        Assert.True(r.Payments > 0);
        Assert.Empty(XsdErrors(first));
        Assert.Empty(Pain001Check.Check(XDocument.Load(first)));

        var finance = new HashSet<string> { "finance" };
        await using (var ctx = db.Open())
            await new PaymentRun(ctx, options, TimeProvider.System).ApproveAsync(r.FileId!.Value, "frank.finance", finance, Ct);
        await using (var ctx = db.Open())
        {
            var paid = await ctx.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Paid).ToListAsync(Ct);
            Assert.Equal(r.Payments, paid.Count);
            var payments = await ctx.Payments.AsNoTracking().ToListAsync(Ct);
            // The creditor account is always the register's: the invoice with a foreign payee account was never paid to it.
            Assert.DoesNotContain(payments, p => p.Account == "9912346");
            var again = await new PaymentRun(ctx, options, TimeProvider.System).ProposeAsync(new DateOnly(2099, 1, 1), Path.Combine(db.Folder, "pay2.xml"), "fiona.finance", Ct);
            Assert.Equal(0, again.Payments);
        }
        await using (var ctx = db.Open())
        {
            var run = new PaymentRun(ctx, options, TimeProvider.System);
            Assert.Equal(r.Payments, await run.CancelAsync(r.FileId!.Value, "fiona.finance", Ct));
            var third = await run.ProposeAsync(new DateOnly(2099, 1, 1), Path.Combine(db.Folder, "pay3.xml"), "fiona.finance", Ct);
            Assert.Equal(r.Payments, third.Payments);
        }
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
