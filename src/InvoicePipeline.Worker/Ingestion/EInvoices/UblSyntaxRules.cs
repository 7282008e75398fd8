using System.Collections.Frozen;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// The EN 16931 UBL syntax-binding rules: cardinalities the UBL schema allows but the semantic model does not
/// (UBL-SR-*, fatal) and data-type rules (UBL-DT-01, -06, -07 fatal; UBL-DT-08 to -28 warnings on attributes the
/// standard does not use). Ids, severities and tests as in the CEN artefact (EN16931-UBL-validation 1.3.16).
/// </summary>
internal static class UblSyntaxRules
{
    /// <summary>The count rules on the document root: id, path of elements that may occur at most once, what it is.</summary>
    private static readonly (string Rule, string[] Path, string What)[] AtMostOnceOnRoot =
    [
        ("UBL-SR-01", ["ContractDocumentReference", "ID"], "Contract identifier"),
        ("UBL-SR-02", ["ReceiptDocumentReference", "ID"], "Receiving advice identifier"),
        ("UBL-SR-03", ["DespatchDocumentReference", "ID"], "Despatch advice identifier"),
        ("UBL-SR-05", ["PaymentTerms", "Note"], "Payment terms"),
        ("UBL-SR-08", ["InvoicePeriod"], "Invoice period"),
        ("UBL-SR-09", ["AccountingSupplierParty", "Party", "PartyLegalEntity", "RegistrationName"], "Seller name"),
        ("UBL-SR-10", ["AccountingSupplierParty", "Party", "PartyName", "Name"], "Seller trading name"),
        ("UBL-SR-11", ["AccountingSupplierParty", "Party", "PartyLegalEntity", "CompanyID"], "Seller legal registration identifier"),
        ("UBL-SR-14", ["AccountingSupplierParty", "Party", "PartyLegalEntity", "CompanyLegalForm"], "Seller additional legal information"),
        ("UBL-SR-15", ["AccountingCustomerParty", "Party", "PartyLegalEntity", "RegistrationName"], "Buyer name"),
        ("UBL-SR-16", ["AccountingCustomerParty", "Party", "PartyIdentification", "ID"], "Buyer identifier"),
        ("UBL-SR-17", ["AccountingCustomerParty", "Party", "PartyLegalEntity", "CompanyID"], "Buyer legal registration identifier"),
        ("UBL-SR-24", ["Delivery"], "Deliver to information"),
        ("UBL-SR-39", ["ProjectReference", "ID"], "Project reference"),
        ("UBL-SR-40", ["AccountingCustomerParty", "Party", "PartyName", "Name"], "Buyer trade name"),
        ("UBL-SR-45", ["PaymentMeans", "PaymentDueDate"], "Due date"),
        ("UBL-SR-49", ["InvoicePeriod", "DescriptionCode"], "Value added tax point date code"),
        ("UBL-SR-54", ["PaymentMeans", "CardAccount"], "Payment card information"),
        ("UBL-SR-55", ["PaymentMeans", "PaymentMandate"], "Mandate reference"),
        ("UBL-SR-56", ["OriginatorDocumentReference", "ID"], "Tender or lot reference"),
    ];

    private static readonly (string Rule, string[] Path, string What)[] AtMostOnceOnLine =
    [
        ("UBL-SR-34", ["Note"], "Invoice line note"),
        ("UBL-SR-35", ["OrderLineReference", "LineID"], "Referenced purchase order line identifier"),
        ("UBL-SR-36", ["InvoicePeriod"], "Invoice line period"),
        ("UBL-SR-37", ["Price", "AllowanceCharge", "Amount"], "Item price discount"),
        ("UBL-SR-50", ["Item", "Description"], "Item description"),
        ("UBL-SR-52", ["DocumentReference"], "Invoice line object identifier"),
    ];

    /// <summary>UBL-DT-08 to -28: attributes the standard does not use (warnings). UBL-DT-18 (@name) is checked apart.</summary>
    private static readonly FrozenDictionary<string, string> UnusedAttributes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["schemeName"] = "UBL-DT-08", ["schemeAgencyName"] = "UBL-DT-09", ["schemeDataURI"] = "UBL-DT-10", ["schemeURI"] = "UBL-DT-11",
        ["format"] = "UBL-DT-12", ["unitCodeListIdentifier"] = "UBL-DT-13", ["unitCodeListAgencyIdentifier"] = "UBL-DT-14",
        ["unitCodeListAgencyName"] = "UBL-DT-15", ["listAgencyName"] = "UBL-DT-16", ["listName"] = "UBL-DT-17", ["languageID"] = "UBL-DT-19",
        ["listURI"] = "UBL-DT-20", ["listSchemeURI"] = "UBL-DT-21", ["languageLocaleID"] = "UBL-DT-22", ["uri"] = "UBL-DT-23",
        ["currencyCodeListVersionID"] = "UBL-DT-24", ["characterSetCode"] = "UBL-DT-25", ["encodingCode"] = "UBL-DT-26",
        ["schemeAgencyID"] = "UBL-DT-27", ["listAgencyID"] = "UBL-DT-28",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static void Check(XmlRuleContext x)
    {
        var r = x.Root;
        foreach (var (rule, path, what) in AtMostOnceOnRoot)
            if (Count(r, path, 0) > 1) x.Fatal(rule, what + " shall occur at most once.", r);
        foreach (var line in r.Els(x.LineName))
            foreach (var (rule, path, what) in AtMostOnceOnLine)
                if (Count(line, path, 0) > 1) x.Fatal(rule, what + " shall occur at most once.", line);
        foreach (var line in r.Els(x.LineName))
            if (line.El("Item").Els("ClassifiedTaxCategory").Count != 1) x.Fatal("UBL-SR-48", "An invoice line shall have exactly one item VAT category.", line);

        var seller = r.El("AccountingSupplierParty", "Party");
        var buyer = r.El("AccountingCustomerParty", "Party");
        if (VatCompanyIds(seller, vat: true) > 1) x.Fatal("UBL-SR-12", "Seller VAT identifier shall occur at most once.", seller);
        if (VatCompanyIds(seller, vat: false) > 1) x.Fatal("UBL-SR-13", "Seller tax registration identifier shall occur at most once.", seller);
        if (VatCompanyIds(buyer, vat: true) > 1) x.Fatal("UBL-SR-18", "Buyer VAT identifier shall occur at most once.", buyer);
        if (seller.Els("PartyTaxScheme").Count > 2) x.Fatal("UBL-SR-42", "The seller may have at most two tax schemes.", seller);
        if (r.Els("AdditionalDocumentReference").Count(a => a.El("DocumentTypeCode").Text() == "130" && a.El("ID") is not null) > 1)
            x.Fatal("UBL-SR-04", "Invoiced object identifier shall occur at most once.", r);

        CheckPayee(x, r.El("PayeeParty"), seller);
        if (r.El("TaxRepresentativeParty") is { } rep)
        {
            if (Count(rep, ["PartyName", "Name"], 0) > 1) x.Fatal("UBL-SR-22", "Tax representative name shall occur at most once.", rep);
            if (Count(rep, ["PartyTaxScheme", "CompanyID"], 0) > 1) x.Fatal("UBL-SR-23", "Tax representative VAT identifier shall occur at most once.", rep);
        }
        foreach (var pm in r.Els("PaymentMeans"))
        {
            if (pm.Els("PaymentID").Count > 1) x.Fatal("UBL-SR-26", "Payment reference shall occur at most once.", pm);
            if (pm.Els("PaymentMeansCode").Count > 1) x.Fatal("UBL-SR-27", "Payment means type code shall occur at most once.", pm);
            if (Count(pm, ["PaymentMandate", "ID"], 0) > 1) x.Fatal("UBL-SR-28", "Mandate reference identifier shall occur at most once.", pm);
        }
        if (r.Els("PaymentMeans").Count(pm => pm.El("PaymentMeansCode")?.AttributeValue("name") is not null) > 1)
            x.Fatal("UBL-SR-46", "Payment means text shall occur at most once.", r);
        foreach (var billing in r.Els("BillingReference"))
        {
            if (billing.Els("InvoiceDocumentReference").Count > 1) x.Fatal("UBL-SR-06", "Preceding invoice reference shall occur at most once.", billing);
            if (billing.El("InvoiceDocumentReference", "ID") is null) x.Fatal("UBL-SR-07", "A preceding invoice reference needs the invoice number.", billing);
        }
        if (Distinct(x.All("PaymentID")) > 1) x.Fatal("UBL-SR-44", "Only one distinct payment id is allowed.", r);
        if (Distinct(x.All("PaymentMeansCode")) > 1) x.Fatal("UBL-SR-47", "Only one distinct payment means code is allowed.", r);

        var sepa = 0;
        HashSet<string>? unusedSeen = null;
        var nameAttributes = 0;
        foreach (var e in x.Descendants)
        {
            switch (e.Name.LocalName)
            {
                case "PostalAddress" or "Address" when e.Els("AddressLine").Count > 1:
                    x.Fatal("UBL-SR-51", "An address shall have at most one address line.", e);
                    break;
                case "AdditionalDocumentReference":
                    CheckAdditionalDocument(x, e);
                    break;
                case "Delivery" when Count(e, ["DeliveryParty", "PartyName", "Name"], 0) > 1:
                    x.Fatal("UBL-SR-25", "Deliver to party name shall occur at most once.", e);
                    break;
                case "AllowanceCharge" when e.Els("AllowanceChargeReason").Count > 1 && e.El("ChargeIndicator").Text() is { } indicator:
                    if (string.Equals(indicator, "false", StringComparison.Ordinal) || indicator == "0") x.Fatal("UBL-SR-30", "Allowance reason shall occur at most once.", e);
                    else if (string.Equals(indicator, "true", StringComparison.Ordinal) || indicator == "1") x.Fatal("UBL-SR-31", "Charge reason shall occur at most once.", e);
                    break;
                case "PartyTaxScheme" when e.El("TaxScheme", "ID") is null || e.El("CompanyID") is null:
                    x.Fatal("UBL-SR-53", "A party tax scheme needs both the tax scheme id and the company id.", e);
                    break;
                case "TaxSubtotal" when Count(e, ["TaxCategory", "TaxExemptionReason"], 0) > 1:
                    x.Fatal("UBL-SR-32", "VAT exemption reason text shall occur at most once per VAT breakdown.", e);
                    break;
                case "ID" when e.Parent?.Name.LocalName == "PartyIdentification" && string.Equals(e.AttributeValue("schemeID")?.ToUpperInvariant(), "SEPA", StringComparison.Ordinal):
                    sepa++;
                    break;
            }
            if (e.Name.LocalName.EndsWith("Amount", StringComparison.Ordinal) && !e.Name.LocalName.EndsWith("PriceAmount", StringComparison.Ordinal)
                && !InPriceAllowance(e) && e.Value.IndexOf('.', StringComparison.Ordinal) is var dot and >= 0 && e.Value.Length - dot - 1 > 2)
                x.Fatal("UBL-DT-01", $"Amount '{e.Value}' has more than two decimals.", e);
            if (e.Name.LocalName.EndsWith("BinaryObject", StringComparison.Ordinal))
            {
                if (e.AttributeValue("mimeCode") is null) x.Fatal("UBL-DT-06", "A binary object needs a MIME code.", e);
                if (e.AttributeValue("filename") is null) x.Fatal("UBL-DT-07", "A binary object needs a file name.", e);
            }
            for (var i = 0; i < e.AttributeCount; i++)
            {
                var name = e.AttributeName(i);
                if (name.NamespaceName.Length > 0) continue;
                if (UnusedAttributes.TryGetValue(name.LocalName, out var rule))
                {
                    if ((unusedSeen ??= new HashSet<string>(StringComparer.Ordinal)).Add(rule)) x.Warn(rule, $"Attribute {name.LocalName} should not be present.", e);
                }
                else if (string.Equals(name.LocalName, "name", StringComparison.Ordinal) && e.Name.LocalName != "PaymentMeansCode") nameAttributes++;
            }
        }
        if (sepa > 1) x.Fatal("UBL-SR-29", "A bank assigned creditor identifier (SEPA) shall occur at most once.", r);
        if (nameAttributes > 0) x.Warn("UBL-DT-18", "Name attribute should not be present (except on the payment means code).", r);
    }

    /// <summary>UBL-SR-19/20/21: at most one payee name, identifier and legal id, and the payee is not the seller.</summary>
    private static void CheckPayee(XmlRuleContext x, UblElement? payee, UblElement? seller)
    {
        if (payee is null) return;
        // The artefact's XPath: some payee name differs from some seller registration name (false when either is absent).
        var names = payee.Els("PartyName").SelectMany(p => p.Els("Name")).Select(n => n.Value).ToList();
        var sellerNames = seller.Els("PartyLegalEntity").SelectMany(p => p.Els("RegistrationName")).Select(n => n.Value).ToList();
        var differs = names.Any(n => sellerNames.Any(s => !string.Equals(n, s, StringComparison.Ordinal)));
        if (!(names.Count <= 1 && differs)) x.Fatal("UBL-SR-19", "Payee name shall occur at most once and differ from the seller's name.", payee);
        var ids = payee.Els("PartyIdentification").SelectMany(p => p.Els("ID")).Count(i => !string.Equals(i.AttributeValue("schemeID")?.ToUpperInvariant(), "SEPA", StringComparison.Ordinal));
        if (!(ids <= 1 && differs)) x.Fatal("UBL-SR-20", "Payee identifier shall occur at most once (and the payee differ from the seller).", payee);
        if (!(Count(payee, ["PartyLegalEntity", "CompanyID"], 0) <= 1 && differs))
            x.Fatal("UBL-SR-21", "Payee legal registration identifier shall occur at most once (and the payee differ from the seller).", payee);
    }

    /// <summary>UBL-SR-33 and UBL-SR-43 on one supporting document reference.</summary>
    private static void CheckAdditionalDocument(XmlRuleContext x, UblElement a)
    {
        if (a.Els("DocumentDescription").Count > 1) x.Fatal("UBL-SR-33", "Supporting document description shall occur at most once.", a);
        var type = a.El("DocumentTypeCode")?.Value;
        var ok = type == "130" || x.IsCreditNote && type == "50" || a.El("ID")?.AttributeValue("schemeID") is null && a.El("DocumentTypeCode") is null;
        if (!ok) x.Fatal("UBL-SR-43", "A document reference with a type code is only for an invoiced object (130) or, on a credit note, a project (50).", a);
    }

    private static bool InPriceAllowance(UblElement e)
    {
        for (var p = e.Parent; p?.Parent is { } grand; p = grand)
            if (p.Name.LocalName == "AllowanceCharge" && grand.Name.LocalName == "Price") return true;
        return false;
    }

    /// <summary>How many elements the path reaches from <paramref name="from"/> (XPath count of a relative path).</summary>
    private static int Count(UblElement? from, string[] path, int step)
    {
        if (from is null) return 0;
        if (step == path.Length) return 1;
        // Most of these elements are absent: one lookup (indexed on the root) says so without a scan.
        if (from.FirstChild(path[step]) is null) return 0;
        var n = 0;
        foreach (var c in from.Elements())
            if (string.Equals(c.Name.LocalName, path[step], StringComparison.Ordinal)) n += Count(c, path, step + 1);
        return n;
    }

    /// <summary>Company ids of the party's VAT tax schemes (or of its other tax schemes).</summary>
    private static int VatCompanyIds(UblElement? party, bool vat) =>
        party.Els("PartyTaxScheme").Where(t => t.El("TaxScheme", "ID") is { } id && string.Equals(id.Value.ToUpperInvariant(), "VAT", StringComparison.Ordinal) == vat)
            .Sum(t => t.Els("CompanyID").Count);

    private static int Distinct(IReadOnlyList<UblElement> elements) =>
        elements.Count <= 1 ? elements.Count : elements.Select(e => e.Value).Distinct(StringComparer.Ordinal).Count();
}
