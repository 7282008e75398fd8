using System.Globalization;
using System.Text;
using InvoicePipeline.Worker.Ingestion.EInvoices;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>The one-pass tree the e-invoice reader builds instead of an XDocument: what the mapper and the rules rely on.</summary>
public sealed class UblTreeFacts
{
    private const string Document = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
                 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
                 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:x="urn:example:private"
                 xsi:schemaLocation="urn:example schema.xsd">
          <cbc:ID>  INV-1  </cbc:ID>
          <cbc:Note>Fish &amp; chips <![CDATA[<b>not markup</b>]]> done</cbc:Note>
          <x:Private>one</x:Private>
          <x:Private>two</x:Private>
          <cac:InvoiceLine><cbc:ID>1</cbc:ID><cbc:LineExtensionAmount currencyID="SEK">10.00</cbc:LineExtensionAmount></cac:InvoiceLine>
          <cac:InvoiceLine><cbc:ID>2</cbc:ID><cbc:LineExtensionAmount currencyID="EUR">20.00</cbc:LineExtensionAmount></cac:InvoiceLine>
        </Invoice>
        """;

    private static UblElement Load(string xml, int maxDepth = 64)
    {
        var (root, error) = SafeXmlLoader.Load(Encoding.UTF8.GetBytes(xml), new EInvoiceReaderOptions { MaxDepth = maxDepth });
        Assert.Null(error);
        return root!;
    }

    [Fact]
    public void Text_Entities_AndCData_ReadAsXElementWould()
    {
        var root = Load(Document);
        Assert.Equal(("Invoice", "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"), (root.Name.LocalName, root.Name.NamespaceName));
        Assert.Equal("INV-1", root.El("ID").Text());
        Assert.Equal("Fish & chips <b>not markup</b> done", root.El("Note").Text());
        Assert.Equal("110.002", root.Els("InvoiceLine")[0].Value + root.Els("InvoiceLine")[1].El("ID")!.Value);
        Assert.False(root.El("Note")!.HasElements);
        Assert.True(root.El("InvoiceLine")!.HasElements);
    }

    [Fact]
    public void Attributes_WithoutNamespace_AreFound_DeclarationsAndForeignOnesAreNot()
    {
        var root = Load(Document);
        Assert.Equal("EUR", root.Els("InvoiceLine")[1].El("LineExtensionAmount").Attr("currencyID"));
        Assert.Null(root.Attr("schemaLocation"));   // xsi:schemaLocation is in a namespace: not Attribute("schemaLocation")
        Assert.Null(root.Attr("xmlns"));
        Assert.Null(root.Attr("cac"));
    }

    [Fact]
    public void DocumentOrder_HoldsEveryElementBelowTheRoot_InOrder()
    {
        var root = Load(Document);
        Assert.Equal(["ID", "Note", "Private", "Private", "InvoiceLine", "ID", "LineExtensionAmount", "InvoiceLine", "ID", "LineExtensionAmount"],
            root.DocumentOrder.Select(e => e.Name.LocalName));
        Assert.All(root.DocumentOrder, e => Assert.NotNull(e.Parent));
    }

    [Fact]
    public void PathOf_IsTheOfficialXPath_WithPrefixesAsWritten_AndPositionsOnlyWhenRepeated()
    {
        var root = Load(Document);
        var second = root.Els("InvoiceLine")[1];
        Assert.Equal("/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount", Ubl.PathOf(second.El("LineExtensionAmount")));
        Assert.Equal("/Invoice/cbc:ID", Ubl.PathOf(root.El("ID")));
        Assert.Equal("/Invoice/x:Private[2]", Ubl.PathOf(root.Els("Private")[1]));
        Assert.Equal("/Invoice/cac:InvoiceLine[1]/cbc:LineExtensionAmount/@currencyID", Ubl.PathOf(root.El("InvoiceLine").El("LineExtensionAmount")!.Attribute("currencyID")));
        Assert.Equal("/Invoice", Ubl.PathOf(root));
    }

    [Fact]
    public void UblNames_AreTheInternedStrings_AndOtherNamesAreAtomizedPerDocument()
    {
        var root = Load(Document);
        // A known name is the very string the rules compare with (a match is a reference comparison).
        Assert.Same("InvoiceLine", root.El("InvoiceLine")!.Name.LocalName);
        // A name no UBL document uses still reads, and is one string within the document (as XmlReader requires).
        var privates = root.Els("Private");
        Assert.Equal(["one", "two"], privates.Select(p => p.Text()));
        Assert.Same(privates[0].Name.LocalName, privates[1].Name.LocalName);
        Assert.Equal("urn:example:private", privates[0].Name.NamespaceName);
    }

    [Fact]
    public void ThousandsOfInventedNames_AreRead_AndNothingOfThemIsSharedWithTheNextDocument()
    {
        var xml = new StringBuilder("<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">");
        for (var i = 0; i < 5_000; i++) xml.Append(CultureInfo.InvariantCulture, $"<Invented{i}>{i}</Invented{i}>");
        xml.Append("</Invoice>");
        var first = Load(xml.ToString());
        Assert.Equal(5_000, first.DocumentOrder.Count);
        Assert.Equal("4999", first.El("Invented4999").Text());
        // The same invented name in another document is a different string: per-document names are not kept.
        var second = Load(xml.ToString());
        Assert.NotSame(first.El("Invented7")!.Name.LocalName, second.El("Invented7")!.Name.LocalName);
        Assert.Same(first.El("Invented7")!.Name.NamespaceName, second.El("Invented7")!.Name.NamespaceName);
    }

    [Fact]
    public void NestingDeeperThanTheLimit_IsRefusedWithItsLine()
    {
        var xml = "<Invoice>" + string.Concat(Enumerable.Repeat("<a>", 20)) + string.Concat(Enumerable.Repeat("</a>", 20)) + "</Invoice>";
        var (root, error) = SafeXmlLoader.Load(Encoding.UTF8.GetBytes(xml), new EInvoiceReaderOptions { MaxDepth = 10 });
        Assert.Null(root);
        Assert.StartsWith("nesting deeper than 10 levels (line 1, position", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1_500_001)]   // padding "=="
    [InlineData(1_500_002)]   // padding "="
    [InlineData(1_500_000)]   // no padding
    public void ALargeAttachment_KeepsItsSize_NotItsText_AndASmallerLimitChangesNothingButTheContent(int bytes)
    {
        var content = new byte[bytes];
        new Random(bytes).NextBytes(content);
        var base64 = Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks);   // a line break every 76 characters
        var xml = File.ReadAllText(SharedSamples.PathTo("samples", "einvoice", "peppol-bis3", "examples", "base-example.xml"));
        var at = xml.IndexOf("<cac:AccountingSupplierParty>", StringComparison.Ordinal);
        xml = xml.Insert(at, "<cac:AdditionalDocumentReference><cbc:ID>A-1</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\" filename=\"a.pdf\">\n"
            + base64 + "\n</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>");
        var payload = Encoding.UTF8.GetBytes(xml);

        var dropped = EInvoiceReader.Read(payload, "big.xml");   // default: content kept up to 1 MiB
        var a = Assert.Single(dropped.Invoice!.Attachments);
        Assert.Equal((bytes, (byte[]?)null, "a.pdf"), (a.Size, a.Content, a.FileName));
        Assert.DoesNotContain(dropped.Findings, f => f.RuleId == "PEPPOL-EN16931-R008");   // not "empty"
        Assert.Null(dropped.Rejection);
        var (root, _) = SafeXmlLoader.Load(payload, EInvoiceReaderOptions.Default);
        var binary = root!.DocumentOrder.Single(e => e.Name.LocalName == "EmbeddedDocumentBinaryObject");
        Assert.True(binary.HasOmittedText);
        Assert.Equal("", binary.Value);

        var kept = EInvoiceReader.Read(payload, "big.xml", new EInvoiceReaderOptions { MaxAttachmentBytesInMemory = 4 * 1024 * 1024 });
        var k = Assert.Single(kept.Invoice!.Attachments);
        Assert.Equal(bytes, k.Size);
        Assert.Equal(content, k.Content);
    }
}
