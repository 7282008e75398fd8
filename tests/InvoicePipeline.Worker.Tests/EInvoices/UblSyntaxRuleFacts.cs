using System.Text;
using InvoicePipeline.Validation;
using InvoicePipeline.Worker.Ingestion.EInvoices;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>
/// The EN 16931 UBL syntax-binding rules (UBL-SR, UBL-DT) on mutations of the official Peppol base example, which is
/// clean: each change breaks one rule, and the finding names it with the artefact's id, severity and place.
/// </summary>
public sealed class UblSyntaxRuleFacts
{
    private const string Supplier = "<cac:AccountingSupplierParty>";

    private static string Base() =>
        File.ReadAllText(SharedSamples.PathTo("samples", "einvoice", "peppol-bis3", "examples", "base-example.xml"));

    private static ReadResult Read(string xml) => EInvoiceReader.Read(Encoding.UTF8.GetBytes(xml), "mutant.xml");

    private static string Once(string xml, string find, string replace)
    {
        var at = xml.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the base example");
        return string.Concat(xml.AsSpan(0, at), replace, xml.AsSpan(at + find.Length));
    }

    private static Finding Single(ReadResult result, string rule) =>
        Assert.Single(result.Findings, f => f.RuleId == rule);

    [Fact]
    public void TheBaseExample_BreaksNoSyntaxRule()
    {
        var result = Read(Base());
        Assert.DoesNotContain(result.Findings, f => f.RuleId.StartsWith("UBL-", StringComparison.Ordinal) && f.IsFatal);
        Assert.Null(result.Rejection);
    }

    [Fact]
    public void TwoContractReferences_BreakUblSr01()
    {
        const string contract = "<cac:ContractDocumentReference><cbc:ID>C-1</cbc:ID></cac:ContractDocumentReference>";
        var result = Read(Once(Base(), Supplier, contract + contract + Supplier));
        var f = Single(result, "UBL-SR-01");
        Assert.True(f.IsFatal);
        Assert.Equal("/Invoice", f.Location);
        Assert.NotNull(result.Rejection);
    }

    [Fact]
    public void ThreeDecimals_OnAnAmount_BreakUblDt01_ButNotOnAPrice()
    {
        var amount = Read(Once(Base(), ">1656.25</cbc:PayableAmount>", ">1656.250</cbc:PayableAmount>"));
        var f = Single(amount, "UBL-DT-01");
        Assert.Equal("/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount", f.Location);
        Assert.DoesNotContain(amount.Findings, x => x.RuleId.StartsWith("BR-CO", StringComparison.Ordinal));

        var price = Read(Once(Base(), ">400</cbc:PriceAmount>", ">400.0000</cbc:PriceAmount>"));
        Assert.DoesNotContain(price.Findings, x => x.RuleId == "UBL-DT-01");
    }

    [Fact]
    public void ADocumentReference_WithAnotherTypeCode_BreaksUblSr43_AndAnAttachmentWithoutFileName_UblDt07()
    {
        const string reference = "<cac:AdditionalDocumentReference><cbc:ID>D-1</cbc:ID><cbc:DocumentTypeCode>916</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>";
        Assert.True(Single(Read(Once(Base(), Supplier, reference + Supplier)), "UBL-SR-43").IsFatal);

        const string attachment = "<cac:AdditionalDocumentReference><cbc:ID>D-2</cbc:ID><cac:Attachment>"
            + "<cbc:EmbeddedDocumentBinaryObject mimeCode=\"application/pdf\">JVBERi0=</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>";
        var result = Read(Once(Base(), Supplier, attachment + Supplier));
        Assert.Equal("/Invoice/cac:AdditionalDocumentReference/cac:Attachment/cbc:EmbeddedDocumentBinaryObject", Single(result, "UBL-DT-07").Location);
        Assert.DoesNotContain(result.Findings, x => x.RuleId is "UBL-DT-06" or "UBL-SR-43");
    }

    [Fact]
    public void TwoAddressLines_BreakUblSr51_AndTwoLineNotes_UblSr34()
    {
        const string line = "<cac:AddressLine><cbc:Line>Floor 3</cbc:Line></cac:AddressLine>";
        var address = Read(Once(Base(), "<cac:Country>", line + line + "<cac:Country>"));
        Assert.Equal("/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PostalAddress", Single(address, "UBL-SR-51").Location);

        var notes = Read(Once(Base(), "<cbc:AccountingCost>Konteringsstreng</cbc:AccountingCost>",
            "<cbc:Note>one</cbc:Note><cbc:Note>two</cbc:Note><cbc:AccountingCost>Konteringsstreng</cbc:AccountingCost>"));
        Assert.Equal("/Invoice/cac:InvoiceLine[1]", Single(notes, "UBL-SR-34").Location);
    }

    [Fact]
    public void AnAttributeTheStandardDoesNotUse_IsAWarning_NotARejection()
    {
        var result = Read(Once(Base(), "<cbc:Note>Payment within", "<cbc:Note languageID=\"en\">Payment within"));
        var f = Single(result, "UBL-DT-19");
        Assert.False(f.IsFatal);
        Assert.Null(result.Rejection);
    }

    [Fact]
    public void APayee_WhoIsTheSeller_BreaksUblSr19()
    {
        var xml = Base();
        var sellerName = System.Text.RegularExpressions.Regex.Match(xml, "<cbc:RegistrationName>([^<]*)</cbc:RegistrationName>").Groups[1].Value;
        Assert.NotEmpty(sellerName);
        var payee = $"<cac:PayeeParty><cac:PartyName><cbc:Name>{sellerName}</cbc:Name></cac:PartyName></cac:PayeeParty>";
        Assert.True(Single(Read(Once(xml, "<cac:Delivery>", payee + "<cac:Delivery>")), "UBL-SR-19").IsFatal);
        var other = payee.Replace(sellerName, "Factoring AB", StringComparison.Ordinal);
        Assert.DoesNotContain(Read(Once(xml, "<cac:Delivery>", other + "<cac:Delivery>")).Findings, x => x.RuleId == "UBL-SR-19");
    }
}
