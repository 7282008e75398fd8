using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using InvoicePipeline.Invoices;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>Reads the basics of a UBL 2.1 Invoice or CreditNote; malformed or hostile XML is a rejection, never a crash.</summary>
public static class InterimUblReader
{
    private static readonly XNamespace Cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    private static readonly XNamespace Cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    public static (Invoice? Invoice, string? Rejection) Read(byte[] bytes, string fileName)
    {
        if (bytes.Length == 0) return (null, $"{fileName}: the file is empty");
        XDocument doc;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 50_000_000 };
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            doc = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            return (null, $"{fileName}: not well-formed XML at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}");
        }
        var root = doc.Root!;
        var kind = root.Name.LocalName switch
        {
            "Invoice" when root.Name.NamespaceName == "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" => DocumentKind.Invoice,
            "CreditNote" when root.Name.NamespaceName == "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" => DocumentKind.CreditNote,
            _ => (DocumentKind?)null,
        };
        if (kind is null) return (null, $"{fileName}: root element {root.Name} is not a UBL 2.1 Invoice or CreditNote");
        try
        {
            var seller = root.Element(Cac + "AccountingSupplierParty")?.Element(Cac + "Party");
            var totals = root.Element(Cac + "LegalMonetaryTotal");
            var lineName = kind == DocumentKind.Invoice ? "InvoiceLine" : "CreditNoteLine";
            var qtyName = kind == DocumentKind.Invoice ? "InvoicedQuantity" : "CreditedQuantity";
            var endpoint = seller?.Element(Cbc + "EndpointID");
            var invoice = new Invoice
            {
                Kind = kind.Value,
                CustomizationId = Text(root, "CustomizationID"),
                Number = Text(root, "ID") ?? throw new FormatException("cbc:ID (invoice number) is missing"),
                IssueDate = DateOnly.ParseExact(Text(root, "IssueDate") ?? throw new FormatException("cbc:IssueDate is missing"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DueDate = Text(root, "DueDate") is { } due ? DateOnly.ParseExact(due, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                Currency = Text(root, "DocumentCurrencyCode") ?? "SEK",
                BuyerReference = Text(root, "BuyerReference"),
                OrderReference = root.Element(Cac + "OrderReference")?.Element(Cbc + "ID")?.Value,
                ContractReference = root.Element(Cac + "ContractDocumentReference")?.Element(Cbc + "ID")?.Value,
                Seller = new Party
                {
                    Name = seller?.Element(Cac + "PartyLegalEntity")?.Element(Cbc + "RegistrationName")?.Value,
                    EndpointId = endpoint is null ? null : new SchemedId(endpoint.Value, endpoint.Attribute("schemeID")?.Value),
                    LegalId = seller?.Element(Cac + "PartyLegalEntity")?.Element(Cbc + "CompanyID") is { } c ? new SchemedId(c.Value, c.Attribute("schemeID")?.Value) : null,
                    VatId = seller?.Elements(Cac + "PartyTaxScheme").Select(t => t.Element(Cbc + "CompanyID")?.Value).FirstOrDefault(v => v is not null),
                },
                PaymentMeans = root.Elements(Cac + "PaymentMeans").Select(p => new PaymentInstruction(
                    Text(p, "PaymentMeansCode"), Text(p, "PaymentID"),
                    p.Element(Cac + "PayeeFinancialAccount")?.Element(Cbc + "ID") is { } acc ? Account(acc) : null)).ToList(),
                VatBreakdown = root.Elements(Cac + "TaxTotal").Elements(Cac + "TaxSubtotal").Select(s => new VatBreakdown(
                    s.Element(Cac + "TaxCategory")?.Element(Cbc + "ID")?.Value ?? "S",
                    Dec(s.Element(Cac + "TaxCategory")?.Element(Cbc + "Percent")),
                    Dec(s.Element(Cbc + "TaxableAmount")) ?? 0, Dec(s.Element(Cbc + "TaxAmount")) ?? 0)).ToList(),
                Totals = new MonetaryTotals
                {
                    LineExtension = Dec(totals?.Element(Cbc + "LineExtensionAmount")) ?? 0,
                    TaxExclusive = Dec(totals?.Element(Cbc + "TaxExclusiveAmount")) ?? 0,
                    TaxInclusive = Dec(totals?.Element(Cbc + "TaxInclusiveAmount")) ?? 0,
                    Payable = Dec(totals?.Element(Cbc + "PayableAmount")) ?? 0,
                    TaxTotal = Dec(root.Element(Cac + "TaxTotal")?.Element(Cbc + "TaxAmount")),
                },
                Lines = root.Elements(Cac + lineName).Select(l => new InvoiceLine
                {
                    Id = Text(l, "ID") ?? "",
                    Quantity = Dec(l.Element(Cbc + qtyName)) ?? 0,
                    NetAmount = Dec(l.Element(Cbc + "LineExtensionAmount")) ?? 0,
                    UnitPrice = Dec(l.Element(Cac + "Price")?.Element(Cbc + "PriceAmount")),
                    ItemName = l.Element(Cac + "Item")?.Element(Cbc + "Name")?.Value,
                    SellersItemId = l.Element(Cac + "Item")?.Element(Cac + "SellersItemIdentification")?.Element(Cbc + "ID")?.Value,
                    OrderLineReference = l.Element(Cac + "OrderLineReference")?.Element(Cbc + "LineID")?.Value,
                    VatCategory = l.Element(Cac + "Item")?.Element(Cac + "ClassifiedTaxCategory")?.Element(Cbc + "ID")?.Value,
                    VatRate = Dec(l.Element(Cac + "Item")?.Element(Cac + "ClassifiedTaxCategory")?.Element(Cbc + "Percent")),
                }).ToList(),
            };
            return (invoice, null);
        }
        catch (FormatException ex)
        {
            return (null, $"{fileName}: {ex.Message}");
        }
    }

    private static PaymentAccount Account(XElement id)
    {
        var n = Identifiers.AccountNumber.Normalise(id.Value);
        var scheme = id.Attribute("schemeID")?.Value;
        var kind = scheme switch
        {
            "SE:BANKGIRO" => AccountKind.Bankgiro,
            "SE:PLUSGIRO" => AccountKind.Plusgiro,
            _ when Identifiers.AccountNumber.IsValidIban(n) => AccountKind.Iban,
            _ => AccountKind.Other,
        };
        return new PaymentAccount(kind, n);
    }

    private static string? Text(XElement e, string name) => e.Element(Cbc + name)?.Value.Trim();

    private static decimal? Dec(XElement? e) =>
        e is null ? null : decimal.TryParse(e.Value.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d
            : throw new FormatException($"{e.Name.LocalName} '{e.Value}' is not a number (line {((IXmlLineInfo)e).LineNumber})");
}
