using System.Xml.Linq;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Responses;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Tests.Responses;

/// <summary>
/// The wiring of issue 20's supplier responses: a nightly run answers its rejections in the outbox (one file per event,
/// judged by the official Peppol T111 schematron and the UBL 2.1 XSD), and running the job again writes nothing new.
/// </summary>
public sealed class SupplierResponseJobFacts
{
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task NightlyRun_AnswersEveryRejectionWithAValidInvoiceResponse_AndNeverTwice(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await PipelineHost.RunSamplesAsync(db);
        var outbox = Path.Combine(db.Folder, "responses");
        // The sample centre's rejections are SSC's: each organisation's responses are in its own folder.
        var organisation = Samples.Organisation;
        await using var ctx = db.Open();
        var rejected = await ctx.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Rejected || i.Status == InvoiceStatus.Duplicate)
            .Select(i => new { i.Id, i.InvoiceNumber, i.Exceptions }).ToListAsync(Ct);
        var responses = await ctx.SentResponses.AsNoTracking().ToListAsync(Ct);
        Assert.NotEmpty(rejected);
        // Default Pipeline:Responses:Send is Rejected and Paid: nothing is paid yet, so every response is a rejection, one per rejected invoice.
        Assert.Equal(rejected.Select(r => r.Id).Order(), responses.Select(r => r.InvoiceId).Order());
        Assert.All(responses, r => Assert.Equal(("rejected", "RE"), (r.EventKey, r.Status)));
        // A document that could not be read has no address to answer: kept with why, not written.
        Assert.All(responses.Where(r => r.FileName is null), r => Assert.False(string.IsNullOrEmpty(r.Note)));
        var sent = responses.Where(r => r.FileName is not null).ToList();
        Assert.NotEmpty(sent);
        var files = Directory.GetFiles(Path.Combine(outbox, organisation), "*.xml").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(sent.Select(r => Path.GetFileName(r.FileName!)).Order(StringComparer.Ordinal), files.Select(Path.GetFileName));
        Assert.All(sent, r => Assert.Equal(SupplierResponseJob.PeppolFormat, r.Format));

        // Every file passes the official schematron (no fatal, no warning) and the UBL XSD.
        var docs = files.ToDictionary(f => Path.GetFileName(f), f => File.ReadAllBytes(f), StringComparer.Ordinal);
        var xslt = SharedSamples.PathTo("samples", "responses", "peppol-invoice-response-3", "validation-2026.5", "PEPPOLBIS-T111.xslt");
        foreach (var (file, failed) in InvoiceResponseFacts.Validate(docs, xslt))
            Assert.True(failed.Count == 0, file + ": " + string.Join("\n", failed.Select(InvoiceResponseFacts.Describe)));
        foreach (var (file, bytes) in docs)
            Assert.True(InvoiceResponseFacts.SchemaErrors(bytes).Count == 0, file + ": " + string.Join("\n", InvoiceResponseFacts.SchemaErrors(bytes)));

        // The invoice whose totals do not add up is told the rule id (LEG) and asked for a new invoice (NIN).
        var told = string.Join("\n", rejected.Select(r => $"{r.Id} {r.Exceptions}: {responses.Single(x => x.InvoiceId == r.Id).Summary} {responses.Single(x => x.InvoiceId == r.Id).Note}"));
        var totals = rejected.FirstOrDefault(r => r.Exceptions.Contains(ExceptionCode.RuleViolation, StringComparison.Ordinal) && responses.Any(x => x.InvoiceId == r.Id && x.FileName != null));
        Assert.True(totals is not null, told);
        var doc = XDocument.Load(Path.Combine(outbox, responses.Single(r => r.InvoiceId == totals.Id).FileName!));
        Assert.Equal("RE", doc.Descendants(Cbc + "ResponseCode").Single().Value);
        Assert.Contains(("OPStatusReason", "LEG"), doc.Descendants(Cbc + "StatusReasonCode").Select(c => ((string)c.Attribute("listID")!, c.Value)));
        Assert.Contains(("OPStatusAction", "NIN"), doc.Descendants(Cbc + "StatusReasonCode").Select(c => ((string)c.Attribute("listID")!, c.Value)));
        Assert.Contains("BR-", doc.Descendants(Cbc + "StatusReason").First().Value, StringComparison.Ordinal);
        Assert.Equal(totals.InvoiceNumber, doc.Descendants(Cbc + "ID").Last().Value);

        // Run the job again (as the recurring "responses" job would): nothing new, the files untouched.
        var before = files.ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var options = Options.Create(new PipelineOptions { Responses = { Outbox = outbox } });
        var again = await new SupplierResponseJob(ctx, options, BusinessClock.For(options.Value, TimeProvider.System), NullLogger<SupplierResponseJob>.Instance).RunAsync(Ct);
        Assert.Equal((0, 0), (again.Written, again.NotSendable));
        Assert.Equal(responses.Count, await ctx.SentResponses.CountAsync(Ct));
        Assert.Equal(before, Directory.GetFiles(Path.Combine(outbox, organisation), "*.xml").Order(StringComparer.Ordinal).ToDictionary(f => f, File.GetLastWriteTimeUtc));
    }

    [Fact]
    public async Task AnAccountantsRejection_GoesOutWithTheReason_AndAStoredResponseLostBeforeItsWrite_IsWrittenAgain()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        var outbox = Path.Combine(db.Folder, "responses");
        var options = Options.Create(new PipelineOptions { Responses = { Outbox = outbox, Send = ["RE", "Accepted"] } });
        var clock = BusinessClock.For(options.Value, TimeProvider.System);
        await using var ctx = db.Open();
        // An accountant rejects an invoice waiting for review (as the desk's Reject does: status and history).
        var waiting = await ctx.Invoices.Where(i => i.Status == InvoiceStatus.AwaitingReview && i.Kind == DocumentKind.Invoice).OrderBy(i => i.Id).FirstAsync(Ct);
        waiting.Status = InvoiceStatus.Rejected;
        ctx.History.Add(new StatusChange
        {
            SubjectId = waiting.Id, At = clock.UtcNow, Actor = "david.ekonom", ActorRole = "accountant", Action = "reject",
            FromStatus = nameof(InvoiceStatus.AwaitingReview), ToStatus = nameof(InvoiceStatus.Rejected), Reason = "Fakturan avser en annan myndighet",
        });
        await ctx.SaveChangesAsync(Ct);
        ctx.ChangeTracker.Clear();

        var job = new SupplierResponseJob(ctx, options, clock, NullLogger<SupplierResponseJob>.Instance);
        var first = await job.RunAsync(Ct);
        Assert.True(first.Written > 0);
        var row = await ctx.SentResponses.AsNoTracking().SingleAsync(r => r.InvoiceId == waiting.Id && r.EventKey == "rejected", Ct);
        Assert.Contains("Fakturan avser en annan myndighet", row.Summary, StringComparison.Ordinal);
        Assert.Contains("Fakturan avser en annan myndighet", await File.ReadAllTextAsync(Path.Combine(outbox, row.FileName!), Ct), StringComparison.Ordinal);
        // Accepted is configured too: the attested and posted invoices are told AP.
        Assert.True(await ctx.SentResponses.CountAsync(r => r.EventKey == "accepted" && r.Status == "AP", Ct) > 0);

        // The process stopped after the commit, before the file: the next run writes the stored bytes.
        File.Delete(Path.Combine(outbox, row.FileName!));
        await ctx.SentResponses.Where(r => r.Id == row.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.WrittenAt, (DateTimeOffset?)null), Ct);
        var second = await job.RunAsync(Ct);
        Assert.Equal(1, second.Written);
        Assert.Equal(row.Xml, await File.ReadAllTextAsync(Path.Combine(outbox, row.FileName!), Ct));
    }

    [Fact]
    public async Task AnOioublSender_GetsTheOioublApplicationResponse_APeppolSenderTheInvoiceResponse_BothValid()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var inbox = Directory.CreateDirectory(Path.Combine(db.Folder, "inbox", "einvoices")).Parent!.FullName;
        File.Copy(SharedSamples.PathTo("samples", "einvoice", "oioubl-2.1", "OIOUBL_Invoice_v2p2.xml"), Path.Combine(inbox, "einvoices", "oioubl.xml"));
        File.Copy(Path.Combine(Samples.FullInbox, "einvoices", "01-kontorsvaror-PO-1001.xml"), Path.Combine(inbox, "einvoices", "peppol.xml"));
        await using (var host = await PipelineHost.StartAsync(db, new Dictionary<string, string?> { ["Pipeline:Responses:Send:0"] = "AB" }))
            Assert.Null((await host.RunAsync(inbox, Samples.MasterData, Path.Combine(db.Folder, "out"))).Run.Error);
        await using var ctx = db.Open();
        var rows = await ctx.SentResponses.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal(["received", "received"], rows.Select(r => r.EventKey));
        var oioubl = Assert.Single(rows, r => r.Format == SupplierResponseJob.OioublFormat);
        var peppol = Assert.Single(rows, r => r.Format == SupplierResponseJob.PeppolFormat);
        var outbox = Path.Combine(db.Folder, "responses");
        var oioublBytes = await File.ReadAllBytesAsync(Path.Combine(outbox, oioubl.FileName!), Ct);
        var peppolBytes = await File.ReadAllBytesAsync(Path.Combine(outbox, peppol.FileName!), Ct);
        Assert.Contains("TechnicalAccept", System.Text.Encoding.UTF8.GetString(oioublBytes), StringComparison.Ordinal);
        var errors = InvoiceResponseFacts.OioublErrors(new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["oioubl.xml"] = oioublBytes });
        Assert.True(errors["oioubl.xml"].Count == 0, string.Join("\n", errors["oioubl.xml"]));
        var xslt = SharedSamples.PathTo("samples", "responses", "peppol-invoice-response-3", "validation-2026.5", "PEPPOLBIS-T111.xslt");
        var failed = InvoiceResponseFacts.Validate(new Dictionary<string, byte[]>(StringComparer.Ordinal) { ["peppol.xml"] = peppolBytes }, xslt)["peppol.xml"];
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(InvoiceResponseFacts.Describe)));
        foreach (var bytes in new[] { oioublBytes, peppolBytes })
            Assert.Empty(InvoiceResponseFacts.SchemaErrors(bytes));
    }
}
