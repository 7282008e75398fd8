using System.Text;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Ingestion.EInvoices;

namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>Hostile and broken input: each case is rejected with INVALID_DOCUMENT and a reason; nothing throws.</summary>
public sealed class EInvoiceReaderHostileFacts
{
    private const string Minimal = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:ID>1</cbc:ID>
        </Invoice>
        """;

    private static ReadResult Read(string xml, EInvoiceReaderOptions? options = null) =>
        EInvoiceReader.Read(Encoding.UTF8.GetBytes(xml), "in.xml", options);

    private static void AssertInvalid(ReadResult result, string reasonPart)
    {
        Assert.Null(result.Invoice);
        Assert.NotNull(result.Rejection);
        Assert.Equal(ExceptionCode.InvalidDocument, result.Rejection.Code);
        Assert.Contains("in.xml", result.Rejection.Reason, StringComparison.Ordinal);
        Assert.Contains(reasonPart, result.Rejection.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(InvoiceStatus.Rejected, result.Status);
    }

    [Fact]
    public void Read_Rejects_EmptyFile() => AssertInvalid(EInvoiceReader.Read(ReadOnlyMemory<byte>.Empty, "in.xml"), "empty");

    [Fact]
    public void Read_Rejects_NotXml() => AssertInvalid(Read("%PDF-1.7 binary"), "not XML");

    [Fact]
    public void Read_Rejects_TruncatedXml_WithLineAndPosition() =>
        AssertInvalid(Read(Minimal[..(Minimal.Length - 12)]), "line");

    [Fact]
    public void Read_Rejects_WrongRoot() =>
        AssertInvalid(Read("<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>"), "not a UBL 2.1 Invoice");

    [Fact]
    public void Read_Rejects_Cii_NamingTheSyntax() =>
        AssertInvalid(Read("<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\"/>"), "Cross Industry Invoice (CII)");

    [Fact]
    public void Read_Rejects_ExternalEntity_WithoutResolvingIt()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE Invoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&x;</Invoice>";
        AssertInvalid(Read(xml), "DTD");
    }

    [Fact]
    public void Read_Rejects_EntityExpansion()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&lol2;</Invoice>";
        AssertInvalid(Read(xml), "DTD");
    }

    [Fact]
    public void Read_Rejects_DeepNesting()
    {
        var xml = "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">" + string.Concat(Enumerable.Repeat("<a>", 500)) + string.Concat(Enumerable.Repeat("</a>", 500)) + "</Invoice>";
        AssertInvalid(Read(xml, new EInvoiceReaderOptions { MaxDepth = 64 }), "nesting deeper than 64");
    }

    [Fact]
    public void Read_Rejects_FilesAboveTheSizeLimit() =>
        AssertInvalid(Read(Minimal, new EInvoiceReaderOptions { MaxDocumentBytes = 100 }), "exceeds the limit of 100 bytes");

    [Fact]
    public void Read_RejectsFromAStream_WithoutBufferingPastTheLimit()
    {
        using var stream = new MemoryStream(new byte[10_000]);
        AssertInvalid(EInvoiceReader.Read(stream, "in.xml", new EInvoiceReaderOptions { MaxDocumentBytes = 1_000 }), "exceeds");
    }

    [Fact]
    public void Read_Rejects_WrongEncodingDeclaration()
    {
        // Declared UTF-16 but the bytes are UTF-8.
        var bytes = Encoding.UTF8.GetBytes(Minimal.Replace("UTF-8", "UTF-16", StringComparison.Ordinal));
        var result = EInvoiceReader.Read(bytes, "in.xml");
        Assert.Equal(ExceptionCode.InvalidDocument, result.Rejection?.Code);
    }

    [Fact]
    public void Read_Rejects_UnknownEncodingDeclaration() =>
        AssertInvalid(Read(Minimal.Replace("UTF-8", "x-klingon", StringComparison.Ordinal)), "encoding");

    [Fact]
    public void Read_Rejects_CreditNoteRootInTheInvoiceNamespace() =>
        AssertInvalid(Read("<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"/>"), "posing");

    [Fact]
    public void Read_Rejects_InvoiceHoldingCreditNoteContent() =>
        AssertInvalid(Read("""
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                     xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
              <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
            </Invoice>
            """), "CreditNote posing as an Invoice");

    [Fact]
    public void Read_ReportsFindings_ForAFragmentThatParses()
    {
        var result = Read(Minimal);
        Assert.NotNull(result.Invoice);
        Assert.Contains(result.Findings, f => f.RuleId == "BR-03" && f.Location == "/Invoice");
        Assert.Equal(ExceptionCode.RuleViolation, result.Rejection?.Code);
    }
}
