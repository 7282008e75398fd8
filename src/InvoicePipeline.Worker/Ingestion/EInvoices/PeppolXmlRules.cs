using InvoicePipeline.Identifiers;
using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// Peppol BIS Billing 3.0 rules that matter for processing (PEPPOL-EN16931-*, PEPPOL-COMMON-* identifier checks)
/// and the national rules Peppol carries (SE-R-*, DK-R-*). Severity as in the official artefact.
/// </summary>
internal static class PeppolXmlRules
{
    public static void Check(XmlRuleContext x)
    {
        var r = x.Root;
        var currency = r.El("DocumentCurrencyCode").Text();
        if (r.El("ProfileID").Text() is null) x.Fatal("PEPPOL-EN16931-R001", "Business process (ProfileID) is missing.", r);
        else if (!r.El("ProfileID").Text()!.StartsWith("urn:fdc:peppol.eu:2017:poacc:billing:", StringComparison.Ordinal))
            x.Fatal("PEPPOL-EN16931-R007", "Business process must be urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0.", r.El("ProfileID"));
        if (r.Els("Note").Count > 1 && !BothDe(r)) x.Fatal("PEPPOL-EN16931-R002", "No more than one note is allowed.", r);
        if (r.El("BuyerReference").Text() is null && r.El("OrderReference", "ID").Text() is null)
            x.Fatal("PEPPOL-EN16931-R003", "A buyer reference or purchase order reference must be provided.", r);
        if (r.El("CustomizationID").Text() is not { } cid || !cid.StartsWith("urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0", StringComparison.Ordinal))
            x.Fatal("PEPPOL-EN16931-R004", "Specification identifier must be the Peppol BIS Billing 3.0 one.", r.El("CustomizationID") ?? r);
        if (r.Els("TaxTotal").Count(t => t.El("TaxSubtotal") is not null) != 1) x.Fatal("PEPPOL-EN16931-R053", "Exactly one VAT total with subtotals is required.", r);
        if (r.Els("TaxTotal").Count(t => t.El("TaxSubtotal") is null) != (r.El("TaxCurrencyCode") is null ? 0 : 1))
            x.Fatal("PEPPOL-EN16931-R054", "A VAT total without subtotals is only allowed (and then required) with a VAT accounting currency.", r);
        if (r.El("TaxCurrencyCode") is { } tcc && string.Equals(tcc.Text(), currency, StringComparison.Ordinal))
            x.Fatal("PEPPOL-EN16931-R005", "VAT accounting currency must differ from the invoice currency.", tcc);
        if (x.IsCreditNote && r.Els("AdditionalDocumentReference").Count(a => a.El("DocumentTypeCode").Text() == "50") > 1)
            x.Fatal("PEPPOL-EN16931-R080", "Only one project reference is allowed.", r);
        if (r.El("AccountingCustomerParty", "Party") is { } buyer && buyer.El("EndpointID") is null) x.Fatal("PEPPOL-EN16931-R010", "Buyer electronic address is missing.", buyer);
        if (r.El("AccountingSupplierParty", "Party") is { } seller && seller.El("EndpointID") is null) x.Fatal("PEPPOL-EN16931-R020", "Seller electronic address is missing.", seller);
        foreach (var e in x.Descendants)
        {
            if (!e.HasElements && !e.HasOmittedText && e.Value.AsSpan().Trim().IsEmpty) x.Fatal("PEPPOL-EN16931-R008", $"Element {e.Name.LocalName} is empty.", e);
            switch (e.Name.LocalName)
            {
                case "Amount" or "BaseAmount" or "PriceAmount" or "TaxableAmount" or "LineExtensionAmount" or "TaxExclusiveAmount"
                    or "TaxInclusiveAmount" or "AllowanceTotalAmount" or "ChargeTotalAmount" or "PrepaidAmount" or "PayableRoundingAmount" or "PayableAmount":
                    CurrencyIsDocuments(x, e, currency);
                    break;
                case "TaxAmount" when e.Parent?.Name.LocalName == "TaxSubtotal" || e.Parent?.El("TaxSubtotal") is not null:
                    CurrencyIsDocuments(x, e, currency);
                    break;
                case "EndpointID" or "ID" or "CompanyID" when e.Attr("schemeID") is { } scheme
                    && (e.Name.LocalName != "ID" || e.Parent?.Name.LocalName == "PartyIdentification"):
                    CheckSchemedId(x, e, scheme);
                    break;
                case "AllowanceChargeReasonCode":
                    x.Code("PEPPOL-EN16931-CL00" + (string.Equals(e.Parent.El("ChargeIndicator").Text(), "true", StringComparison.Ordinal) ? "3" : "2"),
                        string.Equals(e.Parent.El("ChargeIndicator").Text(), "true", StringComparison.Ordinal) ? CodeLists.PeppolChargeReasons : CodeLists.PeppolAllowanceReasons, e.Text(), e, "Reason code");
                    break;
                case "EmbeddedDocumentBinaryObject":
                    x.Code("PEPPOL-EN16931-CL001", CodeLists.PeppolMimeCodes, e.Attr("mimeCode"), e, "MIME code");
                    break;
                case "DescriptionCode" when e.Parent?.Name.LocalName == "InvoicePeriod":
                    x.Code("PEPPOL-EN16931-CL006", CodeLists.PeppolDateCodes, e.Text(), e, "Date code");
                    break;
                case "TaxExemptionReasonCode":
                    CheckExemption(x, e);
                    break;
                case "InvoiceTypeCode":
                    if (Profile01(r)) x.Code("PEPPOL-EN16931-P0100", CodeLists.PeppolProfile01InvoiceTypes, e.Text(), e, "Invoice type code");
                    if (e.Text() is "326" or "384" && !BothDe(r)) x.Fatal("PEPPOL-EN16931-P0112", "Type codes 326 and 384 are only for German domestic invoices.", e);
                    break;
                case "CreditNoteTypeCode":
                    if (Profile01(r)) x.Code("PEPPOL-EN16931-P0101", CodeLists.PeppolProfile01CreditNoteTypes, e.Text(), e, "Credit note type code");
                    break;
            }
            if (e.AttributeValue("currencyID") is { } cur && !CodeLists.PeppolCurrencies.Contains(cur.Trim()))
                x.Code("PEPPOL-EN16931-CL007", CodeLists.PeppolCurrencies, cur.Trim(), e.Attribute("currencyID")!, "currencyID");
            if (e.Name.LocalName == "EndpointID") x.Code("PEPPOL-EN16931-CL008", CodeLists.PeppolEasSchemes, e.Attr("schemeID"), e, "Electronic address scheme");
        }
        foreach (var pm in r.Els("PaymentMeans"))
            if (pm.El("PaymentMeansCode").Text() is "49" or "59" && pm.El("PaymentMandate", "ID").Text() is null)
                x.Fatal("PEPPOL-EN16931-R061", "Direct debit needs a mandate reference.", pm);
        foreach (var ac in r.Els("AllowanceCharge").Concat(r.Els(x.LineName).SelectMany(l => l.Els("AllowanceCharge"))))
            CheckAllowanceCharge(x, ac);
        foreach (var line in r.Els(x.LineName)) CheckLine(x, r, line);
        NationalRules.Check(x);
    }

    private static bool Profile01(UblElement r) => r.El("ProfileID").Text() is { } p && p.Contains("billing:01:", StringComparison.Ordinal);

    private static bool BothDe(UblElement r) =>
        r.El("AccountingSupplierParty", "Party").El("PostalAddress", "Country", "IdentificationCode").Text() == "DE"
        && r.El("AccountingCustomerParty", "Party").El("PostalAddress", "Country", "IdentificationCode").Text() == "DE";

    private static void CurrencyIsDocuments(XmlRuleContext x, UblElement e, string? currency)
    {
        if (currency is not null && e.Attr("currencyID") is { } c && !string.Equals(c, currency, StringComparison.Ordinal)
            && !(e.Name.LocalName == "TaxAmount" && e.Parent?.El("TaxSubtotal") is null))
            x.Fatal("PEPPOL-EN16931-R051", $"Amount in {c}, not in the invoice currency {currency}.", e);
    }

    private static void CheckSchemedId(XmlRuleContext x, UblElement e, string scheme)
    {
        var v = e.Text() ?? "";
        switch (scheme)
        {
            case "0088" when !(v.All(char.IsAsciiDigit) && Gln(v)):
                x.Fatal("PEPPOL-COMMON-R040", $"GLN '{v}' has a wrong check digit.", e); break;
            case "0192" when !(v.Length == 9 && v.All(char.IsAsciiDigit) && Mod11No(v)):
                x.Fatal("PEPPOL-COMMON-R041", $"Norwegian organisation number '{v}' is invalid.", e); break;
            case "0184" when !(v.Length == 10 && v.StartsWith("DK", StringComparison.Ordinal) && v[2..].All(char.IsAsciiDigit) || v.Length == 8 && v.All(char.IsAsciiDigit)):
                x.Fatal("PEPPOL-COMMON-R042", $"Danish CVR '{v}' is invalid.", e); break;
            case "0208" when !(v.Length == 10 && v.All(char.IsAsciiDigit) && long.Parse(v[..8], System.Globalization.CultureInfo.InvariantCulture) % 97 == 97 - int.Parse(v[8..], System.Globalization.CultureInfo.InvariantCulture)):
                x.Fatal("PEPPOL-COMMON-R043", $"Belgian enterprise number '{v}' is invalid.", e); break;
            case "0007" when !(v.Length == 10 && v.All(char.IsAsciiDigit) && Luhn.IsValid(v)):
                x.Fatal("PEPPOL-COMMON-R049", $"Swedish organisation number '{v}' is invalid (ten digits, Luhn check).", e); break;
            case "0151" when !(v.Length == 11 && v.All(char.IsAsciiDigit) && Abn(v)):
                x.Fatal("PEPPOL-COMMON-R050", $"Australian ABN '{v}' is invalid.", e); break;
        }
    }

    private static void CheckExemption(XmlRuleContext x, UblElement e)
    {
        var cat = e.Parent.El("ID").Text();
        var (rule, expected) = (e.Text() ?? "").ToUpperInvariant() switch
        {
            "VATEX-EU-G" => ("PEPPOL-EN16931-P0104", "G"),
            "VATEX-EU-O" => ("PEPPOL-EN16931-P0105", "O"),
            "VATEX-EU-IC" => ("PEPPOL-EN16931-P0106", "K"),
            "VATEX-EU-AE" => ("PEPPOL-EN16931-P0107", "AE"),
            "VATEX-EU-D" => ("PEPPOL-EN16931-P0108", "E"),
            "VATEX-EU-F" => ("PEPPOL-EN16931-P0109", "E"),
            "VATEX-EU-I" => ("PEPPOL-EN16931-P0110", "E"),
            "VATEX-EU-J" => ("PEPPOL-EN16931-P0111", "E"),
            _ => ("", ""),
        };
        if (rule.Length > 0 && !string.Equals(cat, expected, StringComparison.Ordinal))
            x.Fatal(rule, $"Exemption reason {e.Text()} requires VAT category {expected}.", e);
    }

    private static void CheckAllowanceCharge(XmlRuleContext x, UblElement ac)
    {
        var indicator = ac.El("ChargeIndicator").Text();
        if (indicator is not "true" and not "false") x.Fatal("PEPPOL-EN16931-R043", "ChargeIndicator must be 'true' or 'false'.", ac);
        var amount = ac.El("Amount").Dec() ?? 0m;
        var baseAmount = ac.El("BaseAmount").Dec();
        var percent = ac.El("MultiplierFactorNumeric").Dec();
        if (baseAmount is not null && percent is not null && Math.Abs(amount - baseAmount.Value * percent.Value / 100m) > 0.02m)
            x.Fatal("PEPPOL-EN16931-R040", $"Allowance/charge amount {amount} ≠ base amount × percentage.", ac);
        if (percent is not null && baseAmount is null) x.Fatal("PEPPOL-EN16931-R041", "A percentage needs a base amount.", ac);
        if (percent is null && baseAmount is not null) x.Fatal("PEPPOL-EN16931-R042", "A base amount needs a percentage.", ac);
    }

    private static void CheckLine(XmlRuleContext x, UblElement r, UblElement line)
    {
        var qty = line.El("InvoicedQuantity") ?? line.El("CreditedQuantity");
        var price = line.El("Price");
        var baseQty = price.El("BaseQuantity").Dec();
        if (baseQty is <= 0m) x.Fatal("PEPPOL-EN16931-R121", "Base quantity must be above zero.", price.El("BaseQuantity"));
        var unitPrice = price.El("PriceAmount").Dec() ?? 0m;
        var charges = line.Els("AllowanceCharge").Where(a => a.El("ChargeIndicator").Text() == "true").Sum(a => a.El("Amount").Dec() ?? 0m);
        var allowances = line.Els("AllowanceCharge").Where(a => a.El("ChargeIndicator").Text() == "false").Sum(a => a.El("Amount").Dec() ?? 0m);
        var expected = (qty.Dec() ?? 0m) * (unitPrice / (baseQty is > 0m ? baseQty.Value : 1m)) + charges - allowances;
        if (Math.Abs((line.El("LineExtensionAmount").Dec() ?? 0m) - expected) > 0.02m)
            x.Fatal("PEPPOL-EN16931-R120", $"Line net amount ≠ quantity × (price ÷ base quantity) + charges − allowances ({Money.Round(expected)}).", line.El("LineExtensionAmount") ?? line);
        if (price.El("BaseQuantity") is { } bq && bq.Attr("unitCode") is { } bu && qty?.Attr("unitCode") is { } qu && bu != qu)
            x.Fatal("PEPPOL-EN16931-R130", "Base quantity unit must equal the invoiced quantity unit.", bq);
        foreach (var pa in price.Els("AllowanceCharge"))
        {
            if (pa.El("ChargeIndicator").Text() != "false") x.Fatal("PEPPOL-EN16931-R044", "Only price discounts are allowed on the price.", pa);
            if (pa.El("BaseAmount").Dec() is { } gross && unitPrice != gross - (pa.El("Amount").Dec() ?? 0m))
                x.Fatal("PEPPOL-EN16931-R046", "Net price ≠ gross price − price discount.", pa);
        }
        if (line.Els("DocumentReference").Count > 1) x.Fatal("PEPPOL-EN16931-R100", "Only one line object identifier is allowed.", line);
        if (line.Els("DocumentReference").Any(d => d.El("DocumentTypeCode").Text() != "130")) x.Fatal("PEPPOL-EN16931-R101", "Line document reference must have type code 130.", line);
        if (line.El("InvoicePeriod") is { } lp)
        {
            if (lp.El("StartDate").Date() is { } ls && r.El("InvoicePeriod", "StartDate").Date() is { } hs && ls < hs)
                x.Fatal("PEPPOL-EN16931-R110", "Line period starts before the invoice period.", lp.El("StartDate"));
            if (lp.El("EndDate").Date() is { } le && r.El("InvoicePeriod", "EndDate").Date() is { } he && le > he)
                x.Fatal("PEPPOL-EN16931-R111", "Line period ends after the invoice period.", lp.El("EndDate"));
        }
    }

    private static bool Gln(string v)
    {
        if (v.Length < 2) return false;
        var sum = 0;
        var w = 3;
        for (var i = v.Length - 2; i >= 0; i--, w = 4 - w) sum += (v[i] - '0') * w;
        return (10 - sum % 10) % 10 == v[^1] - '0';
    }

    private static bool Mod11No(string v)
    {
        int[] w = [3, 2, 7, 6, 5, 4, 3, 2];
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (v[i] - '0') * w[i];
        var check = 11 - sum % 11;
        return check != 10 && (check == 11 ? 0 : check) == v[8] - '0';
    }

    private static bool Abn(string v)
    {
        int[] w = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
        var sum = 0;
        for (var i = 0; i < 11; i++) sum += ((v[i] - '0') - (i == 0 ? 1 : 0)) * w[i];
        return sum % 89 == 0;
    }
}
