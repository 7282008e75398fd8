using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using InvoicePipeline.Payments;
using InvoicePipeline.Worker.Bank;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.Bank;

/// <summary>
/// pain.002 and camt.054 read from the official and bank samples in ../shared/samples/bank (in place), and from
/// fixtures this test writes for a payment file of our own, checked against the ISO XSDs before they are read.
/// </summary>
public sealed class BankReturnReaderFacts
{
    private static string Sample(string kind, string file) => SharedSamples.PathTo("samples", "bank", "samples", kind, file);

    private static BankFile ReadSample(string kind, string file) => BankReturnReader.Read(file, File.ReadAllBytes(Sample(kind, file)));

    [Fact]
    public void Read_EveryPain002AndCamt054Sample_IncludingABankFileThatMissesAMandatoryElement()
    {
        var files = Directory.GetFiles(SharedSamples.PathTo("samples", "bank", "samples", "pain.002.001.03"))
            .Concat(Directory.GetFiles(SharedSamples.PathTo("samples", "bank", "samples", "camt.054.001.02"))).ToList();
        Assert.Equal(12, files.Count);
        foreach (var f in files)
        {
            var read = BankReturnReader.Read(Path.GetFileName(f), File.ReadAllBytes(f));
            Assert.True(read.Entries.Count + read.NotOurs.Count > 0, $"{f}: nothing read");
        }
    }

    [Fact]
    public void Read_NordeaTransactionRejects_GivesTheBlockAndEachTransactionWithTheBanksText()
    {
        var read = ReadSample("pain.002.001.03", "nordea_pain_002_v3_txn_reject.xml");
        Assert.Equal("pain.002", read.Kind);
        Assert.Equal(3, read.Entries.Count);
        Assert.Equal(("MSGID-950-TEST2-2807-01", "PMTINFID-950-TEST2-2807-01", (string?)null, BankStatus.Rejected),
            (read.Entries[0].OriginalMessageId, read.Entries[0].OriginalPaymentInfoId, read.Entries[0].EndToEndId, read.Entries[0].Status));
        Assert.Equal(["ENDTOENDID-950-TEST2-2807-02", "ENDTOENDID-950-TEST2-2807-01"], read.Entries.Skip(1).Select(e => e.EndToEndId));
        Assert.All(read.Entries.Skip(1), e => Assert.Equal(("NARR", "CAP Invalid code or combinations in CategoryPurpose or ServiceLevel"), (e.ReasonCode, e.ReasonText)));
    }

    [Fact]
    public void Read_NordeaGroupReject_IsAWholeFileRejectionWithItsReason()
    {
        var e = Assert.Single(ReadSample("pain.002.001.03", "nordea_pain_002_v3_group_reject.xml").Entries);
        Assert.Equal(("MSGID-PS-TEST-0708-01", BankStatus.Rejected, "DU01"), (e.OriginalMessageId, e.Status, e.ReasonCode));
        Assert.Null(e.OriginalPaymentInfoId);
    }

    [Fact]
    public void Read_IsoExampleOfADuplicateTransaction_IsATransactionRejection()
    {
        var e = ReadSample("pain.002.001.03", "iso-mdr_pain.002.001.03_2.xml").Entries.Single(x => x.EndToEndId is not null);
        Assert.Equal(("VA100327/0123", BankStatus.Rejected, "AM05"), (e.EndToEndId, e.Status, e.ReasonCode));
    }

    [Fact]
    public void Read_FinnishCreditNotification_HoldsOnlyIncomingCreditsThatAreNotOurPayments()
    {
        var read = ReadSample("camt.054.001.02", "kajala_camt_054_credit_notoification_example_finland.xml");
        Assert.Equal("camt.054", read.Kind);
        Assert.Empty(read.Entries);
        Assert.Equal(4, read.NotOurs.Count);
        Assert.Contains("88.16 EUR", read.NotOurs[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BookedDebitWithThreeTransactions_GivesEachWithTheBookingDateAndTheBanksReference()
    {
        var read = ReadSample("camt.054.001.02", "genkgo_camt054.v2.xml");
        Assert.Equal(3, read.Entries.Count);
        Assert.All(read.Entries, e => Assert.Equal((BankStatus.Booked, "MUELL/FINP/RA12345", new DateOnly(2007, 10, 18)), (e.Status, e.EndToEndId, e.BookingDate!.Value)));
        Assert.All(read.Entries, e => Assert.Null(e.Amount)); // three transactions under one entry amount, none with its own: no amount is claimed
    }

    [Fact]
    public void Read_NotXml_NamesTheFileAndLine()
    {
        var e = Assert.Throws<BankFileException>(() => BankReturnReader.Read("bank/ret.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<Document>\n<oops></Document>")));
        Assert.Equal(("bank/ret.xml", 3), (e.File, e.Line));
    }

    [Fact]
    public void Read_AnotherIsoMessage_IsRefusedByName()
    {
        var e = Assert.Throws<BankFileException>(() => BankReturnReader.Read("stmt.xml", File.ReadAllBytes(Sample("camt.053.001.02", "genkgo_camt053.v2.minimal.xml"))));
        Assert.Contains("BkToCstmrStmt", e.Message, StringComparison.Ordinal);
    }

    // ---- our own payment file, its status report with a partial rejection, and the bank's booking of the rest ----

    private static readonly SentPayment[] Sent =
    [
        new(11, "PAY-20261207-1", "PAY-20261207-1-1", "INV-11", 1250.00m, "SEK"),
        new(12, "PAY-20261207-1", "PAY-20261207-1-1", "INV-12", 300.00m, "SEK"),
        new(13, "PAY-20261207-1", "PAY-20261207-1-1", "INV-13", 75.25m, "SEK"),
    ];

    private static byte[] Pain002PartialRejection()
    {
        XNamespace ns = "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03";
        XElement Tx(SentPayment p, string status, string? reason = null) => new(ns + "TxInfAndSts",
            new XElement(ns + "OrgnlInstrId", p.EndToEndId),
            new XElement(ns + "OrgnlEndToEndId", p.EndToEndId),
            new XElement(ns + "TxSts", status),
            reason is null ? null : new XElement(ns + "StsRsnInf", new XElement(ns + "Rsn", new XElement(ns + "Cd", reason)), new XElement(ns + "AddtlInf", "Account closed")));
        var doc = new XDocument(new XElement(ns + "Document", new XElement(ns + "CstmrPmtStsRpt",
            new XElement(ns + "GrpHdr", new XElement(ns + "MsgId", "BANK-STS-1"), new XElement(ns + "CreDtTm", "2026-12-08T06:00:00")),
            new XElement(ns + "OrgnlGrpInfAndSts", new XElement(ns + "OrgnlMsgId", "PAY-20261207-1"), new XElement(ns + "OrgnlMsgNmId", "pain.001.001.03"), new XElement(ns + "GrpSts", "PART")),
            new XElement(ns + "OrgnlPmtInfAndSts", new XElement(ns + "OrgnlPmtInfId", "PAY-20261207-1-1"), new XElement(ns + "PmtInfSts", "PART"),
                Tx(Sent[0], "ACCP"), Tx(Sent[1], "RJCT", "AC04"), Tx(Sent[2], "ACCP")))));
        return Bytes(doc);
    }

    private static byte[] Camt054Booking(decimal secondAmount)
    {
        XNamespace ns = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02";
        XElement Entry(string e2e, decimal amount, string bankRef) => new(ns + "Ntry",
            new XElement(ns + "Amt", new XAttribute("Ccy", "SEK"), amount.ToString("0.00", CultureInfo.InvariantCulture)),
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
                new XElement(ns + "Acct", new XElement(ns + "Id", new XElement(ns + "IBAN", "SE4550000000058398257466"))),
                Entry("INV-11", 1250.00m, "SEB-0001"), Entry("INV-13", secondAmount, "SEB-0002"), Entry("INV-99", 10m, "SEB-0003")))));
        return Bytes(doc);
    }

    [Fact]
    public void OwnFixtures_AreValidAgainstTheIsoSchemas()
    {
        Assert.Empty(SchemaErrors(Pain002PartialRejection(), "urn:iso:std:iso:20022:tech:xsd:pain.002.001.03", "pain.002.001.03.xsd"));
        Assert.Empty(SchemaErrors(Camt054Booking(75.25m), "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02", "camt.054.001.02.xsd"));
    }

    [Fact]
    public void PartialRejectionThenBooking_RejectsOnePaysTwoAndReportsTheUnknownReference()
    {
        var status = BankReturnReader.Read("pain002.xml", Pain002PartialRejection());
        var afterStatus = BankReturns.Match(status.Entries, Sent);
        Assert.Equal([(11L, BankStatus.Accepted), (12L, BankStatus.Rejected), (13L, BankStatus.Accepted)], afterStatus.Outcomes.Select(o => (o.InvoiceId, o.Status)));
        Assert.Equal("AC04", afterStatus.Outcomes[1].ReasonCode);

        var booking = BankReturnReader.Read("camt054.xml", Camt054Booking(75.25m));
        var afterBooking = BankReturns.Match(booking.Entries, Sent);
        Assert.Equal([(11L, BankStatus.Booked, "SEB-0001"), (13L, BankStatus.Booked, "SEB-0002")], afterBooking.Outcomes.Select(o => (o.InvoiceId, o.Status, o.BankReference!)));
        Assert.All(afterBooking.Outcomes, o => Assert.Equal(new DateOnly(2026, 12, 9), o.BookingDate));
        Assert.Contains("INV-99", Assert.Single(afterBooking.Unmatched).Why, StringComparison.Ordinal);
    }

    [Fact]
    public void BookingOfAnotherAmount_IsNotAConfirmation()
    {
        var result = BankReturns.Match(BankReturnReader.Read("camt054.xml", Camt054Booking(57.25m)).Entries, Sent);
        Assert.DoesNotContain(result.Outcomes, o => o.InvoiceId == 13);
        Assert.Contains(result.Unmatched, u => u.Why.Contains("57.25", StringComparison.Ordinal) && u.Why.Contains("75.25", StringComparison.Ordinal));
    }

    internal static byte[] Bytes(XDocument doc)
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) })) doc.Save(w);
        return buffer.ToArray();
    }

    internal static List<string> SchemaErrors(byte[] document, string ns, string xsd)
    {
        var set = new XmlSchemaSet();
        set.Add(ns, SharedSamples.PathTo("samples", "bank", "xsd", xsd));
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using var reader = XmlReader.Create(new MemoryStream(document), settings);
        while (reader.Read()) { }
        return errors;
    }
}
