using System.Globalization;
using System.Xml.Linq;
using InvoicePipeline.Invoices;
using InvoicePipeline.Payments;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Payments;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Responses;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Tests.Bank;

/// <summary>
/// Bank returns in the nightly run: a released payment file of the sample night, then the bank's pain.002 (a partial
/// rejection: one transaction RJCT AC04, the others ACCP) and its camt.054 (bookings of the accepted ones and one end-to-end
/// id we never sent) in &lt;inbox&gt;/bank/, both checked against the ISO XSDs. The next run moves the invoices as issue 20 says.
/// </summary>
public sealed class BankReturnJobFacts
{
    private static readonly XNamespace Pain001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    private static readonly XNamespace Pain002 = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03";
    private static readonly XNamespace Camt054 = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02";
    private static readonly HashSet<string> Finance = ["finance"];
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Transfer(string MessageId, string BlockId, string EndToEndId, decimal Amount, string Currency)
    {
        public long InvoiceId => long.Parse(EndToEndId.AsSpan(4), CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, PaidOn.Bank)]
    [InlineData(DatabaseProvider.Postgres, PaidOn.Bank)]
    [InlineData(DatabaseProvider.Sqlite, PaidOn.Release)]
    public async Task BankFiles_PayTheConfirmed_ReturnTheRejected_AndReportWhatMatchesNothing(DatabaseProvider provider, PaidOn paidOn)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await PipelineHost.RunSamplesAsync(db);
        var options = new PipelineOptions { Payments = { Outbox = Path.Combine(db.Folder, "bank-outbox"), PaidOn = paidOn } };
        var clock = BusinessClock.For(options, TimeProvider.System);
        long fileId;
        await using (var ctx = db.Open())
            fileId = (await new PaymentRun(ctx, options, clock).ProposeAsync(new DateOnly(2099, 1, 1), Path.Combine(db.Folder, "pay.xml"), "fiona.finance", Ct, Samples.Organisation)).FileId!.Value;
        await using (var ctx = db.Open())
            await new PaymentRun(ctx, options, clock).ApproveAsync(fileId, "frank.finance", Finance, Ct);
        List<Transfer> sent;
        await using (var ctx = db.Open())
        {
            var released = await ctx.Invoices.AsNoTracking().Where(i => ctx.Payments.Any(p => p.InvoiceId == i.Id)).Select(i => i.Status).ToListAsync(Ct);
            Assert.All(released, s => Assert.Equal(paidOn == PaidOn.Bank ? InvoiceStatus.Attested : InvoiceStatus.Paid, s));
            sent = Transfers(XDocument.Parse((await ctx.PaymentFiles.SingleAsync(f => f.Id == fileId, Ct)).Xml));
        }
        Assert.True(sent.Count >= 3, $"the sample night pays {sent.Count} transfer(s)");
        var (rejected, booked, acceptedOnly) = (sent[1], sent.Where((_, n) => n != 1 && n != 2).ToList(), sent[2]);

        var inbox = Directory.CreateDirectory(Path.Combine(db.Folder, "inbox2", "bank")).Parent!.FullName;
        var status = StatusReport(sent, rejected.EndToEndId, "AC04", "Account closed");
        var booking = Notification(booked, "INV-999999");
        Assert.Empty(BankReturnReaderFacts.SchemaErrors(status, Pain002.NamespaceName, "pain.002.001.03.xsd"));
        Assert.Empty(BankReturnReaderFacts.SchemaErrors(booking, Camt054.NamespaceName, "camt.054.001.02.xsd"));
        await File.WriteAllBytesAsync(Path.Combine(inbox, "bank", "01-status.xml"), status, Ct);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "bank", "02-booking.xml"), booking, Ct);

        Runs.NightlyRunOutcome night;
        await using (var host = await PipelineHost.StartAsync(db))
            night = await host.RunAsync(inbox, null, Path.Combine(db.Folder, "out2"));
        Assert.Null(night.Run.Error);
        var bank = night.Summary!.Bank!;
        Assert.Equal((2, booked.Count, 1), (bank.Files, bank.Confirmed, bank.Rejected));
        Assert.Contains(bank.Unmatched, u => u.Contains("INV-999999", StringComparison.Ordinal) && u.Contains("02-booking.xml", StringComparison.Ordinal));
        Assert.Contains("INV-999999", await File.ReadAllTextAsync(Path.Combine(night.Run.ReportPath!, "summary.json"), Ct), StringComparison.Ordinal);

        await using (var ctx = db.Open())
        {
            // Booked: Paid, with the booking date and the bank's reference kept on the payment, and the bank in the history.
            foreach (var t in booked)
            {
                Assert.Equal(InvoiceStatus.Paid, (await ctx.Invoices.AsNoTracking().SingleAsync(i => i.Id == t.InvoiceId, Ct)).Status);
                var p = await ctx.Payments.AsNoTracking().SingleAsync(x => x.InvoiceId == t.InvoiceId, Ct);
                Assert.Equal(("Booked", new DateOnly(2026, 12, 9), "BANKREF-" + t.InvoiceId), (p.BankStatus, p.BookingDate!.Value, p.BankReference!));
                Assert.Contains(await ctx.History.AsNoTracking().Where(h => h.SubjectId == t.InvoiceId).Select(h => h.Action).ToListAsync(Ct),
                    a => a == (paidOn == PaidOn.Bank ? "bank-paid" : "bank-confirm"));
            }
            // Rejected: payable again (Posted = attested with its voucher), the payment row inactive, the bank's reason in the history.
            var back = await ctx.Invoices.AsNoTracking().SingleAsync(i => i.Id == rejected.InvoiceId, Ct);
            Assert.Equal(InvoiceStatus.Attested, back.Status);
            Assert.NotNull(InvoiceStates.VoucherOf(ctx, back.Id));
            var row = await ctx.Payments.AsNoTracking().SingleAsync(x => x.InvoiceId == rejected.InvoiceId, Ct);
            Assert.Equal(((long?)null, "Rejected", "AC04 Account closed"), (row.ActiveInvoiceId, row.BankStatus, row.BankReason));
            var history = await ctx.History.AsNoTracking().Where(h => h.SubjectId == rejected.InvoiceId && h.Action == "bank-return").SingleAsync(Ct);
            Assert.Equal(nameof(InvoiceStatus.Posted), history.ToStatus);
            Assert.Contains("AC04 Account closed", history.Reason, StringComparison.Ordinal);
            // Accepted but not booked: under PaidOn=bank it is not Paid yet; the bank's acceptance is kept.
            var waiting = await ctx.Invoices.AsNoTracking().SingleAsync(i => i.Id == acceptedOnly.InvoiceId, Ct);
            Assert.Equal(paidOn == PaidOn.Bank ? InvoiceStatus.Attested : InvoiceStatus.Paid, waiting.Status);
            Assert.Equal("Accepted", (await ctx.Payments.AsNoTracking().SingleAsync(x => x.InvoiceId == acceptedOnly.InvoiceId, Ct)).BankStatus);

            // The returned invoice is payable again: the next proposal takes it.
            var again = await new PaymentRun(ctx, options, clock).ProposeAsync(new DateOnly(2099, 1, 1), Path.Combine(db.Folder, "pay2.xml"), "fiona.finance", Ct, Samples.Organisation);
            Assert.Contains(rejected.EndToEndId, await File.ReadAllTextAsync(Path.Combine(db.Folder, "pay2.xml"), Ct), StringComparison.Ordinal);
            Assert.Equal(1, again.Payments);

            // The supplier hears of the payment (default Send: Rejected and Paid), in a response that validates.
            var paid = await ctx.SentResponses.AsNoTracking().Where(r => r.EventKey == "paid").ToListAsync(Ct);
            Assert.Contains(paid, r => r.InvoiceId == booked[0].InvoiceId && r.Status == "PD");
            var files = paid.Where(r => r.FileName is not null)
                .ToDictionary(r => Path.GetFileName(r.FileName!), r => System.Text.Encoding.UTF8.GetBytes(r.Xml), StringComparer.Ordinal);
            var xslt = SharedSamples.PathTo("samples", "responses", "peppol-invoice-response-3", "validation-2026.5", "PEPPOLBIS-T111.xslt");
            foreach (var (file, failed) in InvoiceResponseFacts.Validate(files, xslt))
                Assert.True(failed.Count == 0, file + ": " + string.Join("\n", failed.Select(InvoiceResponseFacts.Describe)));
        }

        // The same files again: read once, nothing moves.
        await using (var host = await PipelineHost.StartAsync(db))
            night = await host.RunAsync(inbox, null, Path.Combine(db.Folder, "out3"), again: true);
        Assert.Null(night.Summary!.Bank);
        await using (var ctx = db.Open())
            Assert.Equal(2, await ctx.BankReturnFiles.CountAsync(Ct));
    }

    [Fact]
    public async Task AWholeFileRejection_ReturnsEveryPayment_AndAnUnreadableFileIsReportedWithItsLine()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        var options = new PipelineOptions { Payments = { Outbox = Path.Combine(db.Folder, "bank-outbox") } };
        var clock = BusinessClock.For(options, TimeProvider.System);
        await using var ctx = db.Open();
        var fileId = (await new PaymentRun(ctx, options, clock).ProposeAsync(new DateOnly(2099, 1, 1), Path.Combine(db.Folder, "pay.xml"), "fiona.finance", Ct, Samples.Organisation)).FileId!.Value;
        ctx.ChangeTracker.Clear();
        await new PaymentRun(ctx, options, clock).ApproveAsync(fileId, "frank.finance", Finance, Ct);
        var sent = Transfers(XDocument.Parse((await ctx.PaymentFiles.AsNoTracking().SingleAsync(f => f.Id == fileId, Ct)).Xml));
        var inbox = Directory.CreateDirectory(Path.Combine(db.Folder, "inbox2", "bank")).Parent!.FullName;
        var doc = new XDocument(new XElement(Pain002 + "Document", new XElement(Pain002 + "CstmrPmtStsRpt",
            new XElement(Pain002 + "GrpHdr", new XElement(Pain002 + "MsgId", "BANK-STS-2"), new XElement(Pain002 + "CreDtTm", "2026-12-08T06:00:00")),
            new XElement(Pain002 + "OrgnlGrpInfAndSts", new XElement(Pain002 + "OrgnlMsgId", sent[0].MessageId), new XElement(Pain002 + "OrgnlMsgNmId", "pain.001.001.03"),
                new XElement(Pain002 + "GrpSts", "RJCT"),
                new XElement(Pain002 + "StsRsnInf", new XElement(Pain002 + "Rsn", new XElement(Pain002 + "Cd", "DU01")), new XElement(Pain002 + "AddtlInf", "Duplicate message"))))));
        var bytes = BankReturnReaderFacts.Bytes(doc);
        Assert.Empty(BankReturnReaderFacts.SchemaErrors(bytes, Pain002.NamespaceName, "pain.002.001.03.xsd"));
        await File.WriteAllBytesAsync(Path.Combine(inbox, "bank", "group-reject.xml"), bytes, Ct);
        await File.WriteAllTextAsync(Path.Combine(inbox, "bank", "broken.xml"), "<?xml version=\"1.0\"?>\n<Document>\n<oops></Document>", Ct);

        var job = new Worker.Bank.BankReturnJob(ctx, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<Worker.Bank.BankReturnJob>.Instance);
        var result = await job.RunAsync(inbox, null, Ct);
        Assert.Equal((2, sent.Count), (result.Files, result.Rejected));
        Assert.Contains(result.Errors, e => e.Contains("bank/broken.xml, line 3", StringComparison.Ordinal));
        ctx.ChangeTracker.Clear();
        Assert.All(await ctx.Payments.AsNoTracking().Where(p => p.PaymentFileId == fileId).ToListAsync(Ct),
            p => Assert.Equal(((long?)null, "DU01 Duplicate message"), (p.ActiveInvoiceId, p.BankReason)));
        Assert.Empty(await ctx.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Paid).ToListAsync(Ct));
        Assert.Equal(0, (await job.RunAsync(inbox, null, Ct)).Files);
    }

    private static List<Transfer> Transfers(XDocument pain001)
    {
        var messageId = pain001.Descendants(Pain001 + "GrpHdr").Single().Element(Pain001 + "MsgId")!.Value;
        return pain001.Descendants(Pain001 + "PmtInf").SelectMany(b => b.Elements(Pain001 + "CdtTrfTxInf").Select(t => new Transfer(messageId,
            b.Element(Pain001 + "PmtInfId")!.Value, t.Element(Pain001 + "PmtId")!.Element(Pain001 + "EndToEndId")!.Value,
            decimal.Parse(t.Element(Pain001 + "Amt")!.Element(Pain001 + "InstdAmt")!.Value, CultureInfo.InvariantCulture),
            (string)t.Element(Pain001 + "Amt")!.Element(Pain001 + "InstdAmt")!.Attribute("Ccy")!))).ToList();
    }

    /// <summary>pain.002: the file PART, each block PART, one transaction RJCT with the reason, the others ACCP.</summary>
    private static byte[] StatusReport(List<Transfer> sent, string rejectedEndToEnd, string code, string text)
    {
        XNamespace ns = Pain002;
        var doc = new XDocument(new XElement(ns + "Document", new XElement(ns + "CstmrPmtStsRpt",
            new XElement(ns + "GrpHdr", new XElement(ns + "MsgId", "BANK-STS-1"), new XElement(ns + "CreDtTm", "2026-12-08T06:00:00")),
            new XElement(ns + "OrgnlGrpInfAndSts", new XElement(ns + "OrgnlMsgId", sent[0].MessageId), new XElement(ns + "OrgnlMsgNmId", "pain.001.001.03"),
                new XElement(ns + "GrpSts", "PART")),
            sent.GroupBy(t => t.BlockId).Select(b => new XElement(ns + "OrgnlPmtInfAndSts", new XElement(ns + "OrgnlPmtInfId", b.Key), new XElement(ns + "PmtInfSts", "PART"),
                b.Select(t => new XElement(ns + "TxInfAndSts",
                    new XElement(ns + "OrgnlInstrId", t.EndToEndId),
                    new XElement(ns + "OrgnlEndToEndId", t.EndToEndId),
                    new XElement(ns + "TxSts", t.EndToEndId == rejectedEndToEnd ? "RJCT" : "ACCP"),
                    t.EndToEndId != rejectedEndToEnd ? null
                        : new XElement(ns + "StsRsnInf", new XElement(ns + "Rsn", new XElement(ns + "Cd", code)), new XElement(ns + "AddtlInf", text)))))))));
        return BankReturnReaderFacts.Bytes(doc);
    }

    /// <summary>camt.054: one booked debit per transfer (its amount, booking date 2026-12-09, the bank's reference), and one for an end-to-end id we never sent.</summary>
    private static byte[] Notification(List<Transfer> booked, string unknownEndToEnd)
    {
        XNamespace ns = Camt054;
        XElement Entry(string e2e, decimal amount, string currency, string bankRef) => new(ns + "Ntry",
            new XElement(ns + "Amt", new XAttribute("Ccy", currency), amount.ToString("0.00", CultureInfo.InvariantCulture)),
            new XElement(ns + "CdtDbtInd", "DBIT"),
            new XElement(ns + "Sts", "BOOK"),
            new XElement(ns + "BookgDt", new XElement(ns + "Dt", "2026-12-09")),
            new XElement(ns + "ValDt", new XElement(ns + "Dt", "2026-12-09")),
            new XElement(ns + "AcctSvcrRef", bankRef),
            new XElement(ns + "BkTxCd", new XElement(ns + "Domn", new XElement(ns + "Cd", "PMNT"), new XElement(ns + "Fmly", new XElement(ns + "Cd", "ICDT"), new XElement(ns + "SubFmlyCd", "DMCT")))),
            new XElement(ns + "NtryDtls", new XElement(ns + "TxDtls", new XElement(ns + "Refs", new XElement(ns + "EndToEndId", e2e)))));
        var doc = new XDocument(new XElement(ns + "Document", new XElement(ns + "BkToCstmrDbtCdtNtfctn",
            new XElement(ns + "GrpHdr", new XElement(ns + "MsgId", "BANK-NTF-1"), new XElement(ns + "CreDtTm", "2026-12-09T06:00:00")),
            new XElement(ns + "Ntfctn", new XElement(ns + "Id", "NTF-1"), new XElement(ns + "CreDtTm", "2026-12-09T06:00:00"),
                new XElement(ns + "Acct", new XElement(ns + "Id", new XElement(ns + "IBAN", "SE3550000000054910000003"))),
                booked.Select(t => Entry(t.EndToEndId, t.Amount, t.Currency, "BANKREF-" + t.InvoiceId)),
                Entry(unknownEndToEnd, 10m, "SEK", "BANKREF-UNKNOWN")))));
        return BankReturnReaderFacts.Bytes(doc);
    }
}
