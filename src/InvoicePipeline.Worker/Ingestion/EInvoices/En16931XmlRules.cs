using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// The EN 16931 rules that are about the document's shape rather than its arithmetic: mandatory elements
/// (BR-01 to BR-65), code lists on values and attributes (BR-CL-*), and a few UBL syntax rules. The code lists
/// come from <see cref="CodeLists"/>, generated from the official XSLT.
/// </summary>
internal static class En16931XmlRules
{
    public static void Check(XmlRuleContext x)
    {
        var r = x.Root;
        if (r.El("CustomizationID").Text() is null) x.Fatal("BR-01", "Specification identifier (CustomizationID) is missing.", r);
        if (r.El("ID").Text() is null) x.Fatal("BR-02", "Invoice number is missing.", r);
        if (r.El("IssueDate").Text() is null) x.Fatal("BR-03", "Issue date is missing.", r);
        if ((r.El("InvoiceTypeCode") ?? r.El("CreditNoteTypeCode")).Text() is null) x.Fatal("BR-04", "Invoice type code is missing.", r);
        if (r.El("DocumentCurrencyCode").Text() is null) x.Fatal("BR-05", "Invoice currency code is missing.", r);
        var seller = r.El("AccountingSupplierParty", "Party");
        var buyer = r.El("AccountingCustomerParty", "Party");
        if (seller.El("PartyLegalEntity", "RegistrationName").Text() is null) x.Fatal("BR-06", "Seller name is missing.", seller ?? r);
        if (buyer.El("PartyLegalEntity", "RegistrationName").Text() is null) x.Fatal("BR-07", "Buyer name is missing.", buyer ?? r);
        if (seller.El("PostalAddress") is null) x.Fatal("BR-08", "Seller postal address is missing.", seller ?? r);
        x.Require("BR-09", seller.El("PostalAddress"), "Country", "Seller country code");
        if (buyer.El("PostalAddress") is null) x.Fatal("BR-10", "Buyer postal address is missing.", buyer ?? r);
        x.Require("BR-11", buyer.El("PostalAddress"), "Country", "Buyer country code");
        var totals = r.El("LegalMonetaryTotal");
        if (totals.El("LineExtensionAmount").Text() is null) x.Fatal("BR-12", "Sum of line net amounts is missing.", totals ?? r);
        if (totals.El("TaxExclusiveAmount").Text() is null) x.Fatal("BR-13", "Total amount without VAT is missing.", totals ?? r);
        if (totals.El("TaxInclusiveAmount").Text() is null) x.Fatal("BR-14", "Total amount with VAT is missing.", totals ?? r);
        if (totals.El("PayableAmount").Text() is null) x.Fatal("BR-15", "Amount due for payment is missing.", totals ?? r);
        if (!r.Els(x.LineName).Any()) x.Fatal("BR-16", "The invoice has no lines.", r);
        if (r.El("PayeeParty") is { } payee && payee.El("PartyName", "Name").Text() is null) x.Fatal("BR-17", "Payee name is missing.", payee);
        if (r.El("TaxRepresentativeParty") is { } rep)
        {
            if (rep.El("PartyName", "Name").Text() is null) x.Fatal("BR-18", "Tax representative name is missing.", rep);
            if (rep.El("PostalAddress") is null) x.Fatal("BR-19", "Tax representative address is missing.", rep);
            else x.Require("BR-20", rep.El("PostalAddress"), "Country", "Tax representative country");
            if (rep.Els("PartyTaxScheme").All(t => t.El("CompanyID").Text() is null)) x.Fatal("BR-56", "Tax representative VAT identifier is missing.", rep);
        }
        foreach (var line in r.Els(x.LineName)) CheckLine(x, line);
        foreach (var ac in r.Els("AllowanceCharge")) CheckDocumentAllowanceCharge(x, ac);
        foreach (var sub in r.Els("TaxTotal").SelectMany(t => t.Els("TaxSubtotal")))
        {
            if (sub.El("TaxableAmount").Text() is null) x.Fatal("BR-45", "VAT category taxable amount is missing.", sub);
            if (sub.El("TaxAmount").Text() is null) x.Fatal("BR-46", "VAT category tax amount is missing.", sub);
            if (sub.El("TaxCategory", "ID").Text() is null) x.Fatal("BR-47", "VAT category code is missing.", sub);
            if (sub.El("TaxCategory", "ID").Text() is not "O" and not null && sub.El("TaxCategory", "Percent").Text() is null) x.Fatal("BR-48", "VAT category rate is missing.", sub);
        }
        if (!r.Els("TaxTotal").SelectMany(t => t.Els("TaxSubtotal")).Any() && r.Els(x.LineName).Any())
            x.Fatal("BR-CO-18", "The invoice has no VAT breakdown.", r);
        foreach (var pm in r.Els("PaymentMeans"))
        {
            if (pm.El("PaymentMeansCode").Text() is null) x.Fatal("BR-49", "Payment means type code is missing.", pm);
            var code = pm.El("PaymentMeansCode").Text();
            if (code is "30" or "58" && pm.El("PayeeFinancialAccount", "ID").Text() is null) x.Fatal("BR-61", "Credit transfer needs the payment account identifier.", pm);
            if (pm.El("PayeeFinancialAccount") is { } acc && acc.El("ID").Text() is null) x.Fatal("BR-50", "Payment account identifier is missing.", acc);
        }
        foreach (var period in x.All("InvoicePeriod"))
        {
            if (period.El("StartDate").Date() is { } s && period.El("EndDate").Date() is { } e && e < s)
                x.Fatal(period.Parent == r ? "BR-29" : "BR-30", "Invoicing period end date is before its start date.", period);
            if (period.El("StartDate") is null && period.El("EndDate") is null && period.El("DescriptionCode") is null)
                x.Fatal(period.Parent == r ? "BR-CO-19" : "BR-CO-20", "Invoicing period has neither start nor end date.", period);
        }
        if (r.El("TaxPointDate") is not null && r.Els("InvoicePeriod").Any(p => p.El("DescriptionCode") is not null))
            x.Fatal("BR-CO-03", "VAT point date and VAT point date code are mutually exclusive.", r.El("TaxPointDate"));
        foreach (var party in new[] { seller, buyer, r.El("TaxRepresentativeParty") })
            foreach (var vat in party.Els("PartyTaxScheme").Where(t => string.Equals(t.El("TaxScheme", "ID").Text(), "VAT", StringComparison.Ordinal)).Select(t => t.El("CompanyID")).OfType<UblElement>())
            {
                var v = vat.Text() ?? "";
                if (v.Length < 2 || !(CodeLists.Countries.Contains(v[..2]) || v.StartsWith("EL", StringComparison.Ordinal)))
                    x.Fatal("BR-CO-09", $"VAT identifier '{v}' must start with a country prefix.", vat);
            }
        foreach (var adr in r.Els("AdditionalDocumentReference"))
            if (adr.El("ID").Text() is null) x.Fatal("BR-52", "Supporting document reference needs an identifier.", adr);
        if (r.El("TaxCurrencyCode").Text() is { } taxCurrency && !r.Els("TaxTotal").Any(t => t.El("TaxAmount").Attr("currencyID") == taxCurrency))
            x.Fatal("BR-53", "A VAT accounting currency needs the VAT total in that currency.", r.El("TaxCurrencyCode"));
        foreach (var prop in x.All("AdditionalItemProperty"))
            if (prop.El("Name").Text() is null || prop.El("Value").Text() is null) x.Fatal("BR-54", "Item attribute needs a name and a value.", prop);
        foreach (var billing in r.Els("BillingReference"))
            if (billing.El("InvoiceDocumentReference", "ID").Text() is null) x.Fatal("BR-55", "Preceding invoice reference needs the invoice number.", billing);
        if (r.El("Delivery", "DeliveryLocation", "Address") is { } deliveryAddress && deliveryAddress.El("Country", "IdentificationCode").Text() is null)
            x.Fatal("BR-57", "Deliver-to address needs a country code.", deliveryAddress);
        if (seller.El("EndpointID") is { } se && se.Attr("schemeID") is null) x.Fatal("BR-62", "Seller electronic address needs a scheme.", se);
        if (buyer.El("EndpointID") is { } be && be.Attr("schemeID") is null) x.Fatal("BR-63", "Buyer electronic address needs a scheme.", be);
        CodeListRules.Check(x);
        UblSyntaxRules.Check(x);
    }

    private static void CheckLine(XmlRuleContext x, UblElement line)
    {
        if (line.El("ID").Text() is null) x.Fatal("BR-21", "Line identifier is missing.", line);
        if ((line.El("InvoicedQuantity") ?? line.El("CreditedQuantity")).Text() is null) x.Fatal("BR-22", "Line quantity is missing.", line);
        var qty = line.El("InvoicedQuantity") ?? line.El("CreditedQuantity");
        if (qty is not null && qty.Attr("unitCode") is null) x.Fatal("BR-23", "Line quantity unit is missing.", qty);
        if (line.El("LineExtensionAmount").Text() is null) x.Fatal("BR-24", "Line net amount is missing.", line);
        if (line.El("Item", "Name").Text() is null) x.Fatal("BR-25", "Item name is missing.", line);
        if (line.El("Price", "PriceAmount").Text() is null) x.Fatal("BR-26", "Item net price is missing.", line);
        if (line.El("Price", "PriceAmount").Dec() < 0m) x.Fatal("BR-27", "Item net price is negative.", line.El("Price", "PriceAmount"));
        if (line.El("Price", "AllowanceCharge", "BaseAmount").Dec() < 0m) x.Fatal("BR-28", "Item gross price is negative.", line.El("Price"));
        if (line.El("Item", "ClassifiedTaxCategory", "ID").Text() is null) x.Fatal("BR-CO-04", "Line VAT category is missing.", line);
        var std = line.El("Item", "StandardItemIdentification", "ID");
        if (std is not null && std.Attr("schemeID") is null) x.Fatal("BR-64", "Standard item identifier needs a scheme.", std);
        foreach (var cls in line.El("Item").Els("CommodityClassification").Select(c => c.El("ItemClassificationCode")).OfType<UblElement>())
            if (cls.Attr("listID") is null) x.Fatal("BR-65", "Item classification needs a scheme (listID).", cls);
        foreach (var ac in line.Els("AllowanceCharge"))
        {
            var charge = string.Equals(ac.El("ChargeIndicator").Text(), "true", StringComparison.Ordinal);
            if (ac.El("Amount").Text() is null) x.Fatal(charge ? "BR-43" : "BR-41", "Line allowance/charge amount is missing.", ac);
            if (ac.El("AllowanceChargeReason").Text() is null && ac.El("AllowanceChargeReasonCode").Text() is null)
            {
                x.Fatal(charge ? "BR-44" : "BR-42", "Line allowance/charge needs a reason or reason code.", ac);
                x.Fatal(charge ? "BR-CO-24" : "BR-CO-23", "Line allowance/charge needs a reason or reason code.", ac);
            }
        }
    }

    private static void CheckDocumentAllowanceCharge(XmlRuleContext x, UblElement ac)
    {
        var charge = string.Equals(ac.El("ChargeIndicator").Text(), "true", StringComparison.Ordinal);
        if (ac.El("Amount").Text() is null) x.Fatal(charge ? "BR-36" : "BR-31", "Document allowance/charge amount is missing.", ac);
        if (ac.El("TaxCategory", "ID").Text() is null) x.Fatal(charge ? "BR-37" : "BR-32", "Document allowance/charge VAT category is missing.", ac);
        if (ac.El("AllowanceChargeReason").Text() is null && ac.El("AllowanceChargeReasonCode").Text() is null)
        {
            x.Fatal(charge ? "BR-38" : "BR-33", "Document allowance/charge needs a reason or reason code.", ac);
            x.Fatal(charge ? "BR-CO-22" : "BR-CO-21", "Document allowance/charge needs a reason or reason code.", ac);
        }
    }
}
