using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>BR-CL-*: code values and code attributes against the lists extracted from the official XSLT.</summary>
internal static class CodeListRules
{
    public static void Check(XmlRuleContext x)
    {
        var r = x.Root;
        if (r.El("InvoiceTypeCode") is { } itc) x.Code("BR-CL-01", CodeLists.InvoiceTypeCodes, itc.Text(), itc, "Invoice type code");
        if (r.El("CreditNoteTypeCode") is { } ctc) x.Code("BR-CL-01", CodeLists.CreditNoteTypeCodes, ctc.Text(), ctc, "Credit note type code");
        if (r.El("DocumentCurrencyCode") is { } dcc) x.Code("BR-CL-04", CodeLists.Currencies, dcc.Text(), dcc, "Invoice currency");
        if (r.El("TaxCurrencyCode") is { } tcc) x.Code("BR-CL-05", CodeLists.Currencies, tcc.Text(), tcc, "VAT accounting currency");
        foreach (var e in x.Descendants)
        {
            switch (e.Name.LocalName)
            {
                case "Amount" or "BaseAmount" or "PriceAmount" or "TaxAmount" or "TaxableAmount" or "LineExtensionAmount"
                    or "TaxExclusiveAmount" or "TaxInclusiveAmount" or "AllowanceTotalAmount" or "ChargeTotalAmount"
                    or "PrepaidAmount" or "PayableRoundingAmount" or "PayableAmount":
                    x.Code("BR-CL-03", CodeLists.Currencies, e.Attr("currencyID"), e, "currencyID");
                    break;
                case "DescriptionCode" when e.Parent?.Name.LocalName == "InvoicePeriod":
                    x.Code("BR-CL-06", CodeLists.DateCodes, e.Text(), e, "VAT point date code");
                    break;
                case "IdentificationCode" when e.Parent?.Name.LocalName == "Country":
                    x.Code(e.Ancestors().Any(a => a.Name.LocalName == "OriginCountry") ? "BR-CL-15" : "BR-CL-14", CodeLists.Countries, e.Text(), e, "Country code");
                    break;
                case "PaymentMeansCode":
                    x.Code("BR-CL-16", CodeLists.PaymentMeansCodes, e.Text(), e, "Payment means code");
                    break;
                case "ID" when e.Parent?.Name.LocalName is "ClassifiedTaxCategory":
                    x.Code("BR-CL-18", CodeLists.VatCategories, e.Text(), e, "VAT category code");
                    break;
                case "ID" when e.Parent?.Name.LocalName is "TaxCategory" && IsVat(e.Parent):
                    x.Code("BR-CL-17", CodeLists.VatCategories, e.Text(), e, "VAT category code");
                    break;
                case "AllowanceChargeReasonCode":
                    var charge = string.Equals(e.Parent.El("ChargeIndicator").Text(), "true", StringComparison.Ordinal);
                    x.Code(charge ? "BR-CL-20" : "BR-CL-19", charge ? CodeLists.ChargeReasons : CodeLists.AllowanceReasons, e.Text(), e, "Allowance/charge reason code");
                    break;
                case "TaxExemptionReasonCode":
                    if (e.Text() is { } vatex && !CodeLists.VatExemptionReasons.Contains(vatex.ToUpperInvariant()))
                        x.Fatal("BR-CL-22", $"Exemption reason code '{vatex}' is not in the VATEX list.", e);
                    break;
                case "InvoicedQuantity" or "CreditedQuantity" or "BaseQuantity":
                    x.Code("BR-CL-23", CodeLists.UnitCodes, e.Attr("unitCode"), e, "Unit code");
                    break;
                case "EmbeddedDocumentBinaryObject":
                    x.Code("BR-CL-24", CodeLists.MimeCodes, e.Attr("mimeCode"), e, "MIME code");
                    break;
                case "EndpointID":
                    x.Code("BR-CL-25", CodeLists.EasSchemes, e.Attr("schemeID"), e, "Electronic address scheme");
                    break;
                case "ItemClassificationCode":
                    x.Code("BR-CL-13", CodeLists.ItemClassifications, e.Attr("listID"), e, "Item classification scheme");
                    break;
                case "ID" when e.Parent?.Name.LocalName is "PartyIdentification" && e.Attr("schemeID") is { } s && s != "SEPA":
                    x.Code("BR-CL-10", CodeLists.IcdSchemes, s, e, "Identifier scheme");
                    break;
                case "CompanyID" when e.Parent?.Name.LocalName == "PartyLegalEntity":
                    x.Code("BR-CL-11", CodeLists.IcdSchemes, e.Attr("schemeID"), e, "Registration scheme");
                    break;
                case "ID" when e.Parent?.Name.LocalName == "StandardItemIdentification":
                    x.Code("BR-CL-21", CodeLists.IcdSchemes, e.Attr("schemeID"), e, "Item identifier scheme");
                    break;
                case "ID" when e.Parent?.Name.LocalName == "DeliveryLocation":
                    x.Code("BR-CL-26", CodeLists.IcdSchemes, e.Attr("schemeID"), e, "Delivery location scheme");
                    break;
                case "ID" when e.Parent?.Name.LocalName == "AdditionalDocumentReference" && e.Attr("schemeID") is not null:
                    x.Code("BR-CL-07", CodeLists.ObjectIdSchemes, e.Attr("schemeID"), e, "Object identifier scheme");
                    break;
            }
        }
    }

    private static bool IsVat(UblElement category) =>
        string.Equals(category.El("TaxScheme", "ID").Text()?.ToUpperInvariant(), "VAT", StringComparison.Ordinal);
}
