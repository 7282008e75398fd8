using InvoicePipeline.Identifiers;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>Swedish (SE-R-*) and Danish (DK-R-*) national rules as Peppol BIS 3 carries them.</summary>
internal static class NationalRules
{
    public static void Check(XmlRuleContext x)
    {
        var r = x.Root;
        var seller = r.El("AccountingSupplierParty", "Party");
        var sellerCountry = seller.El("PostalAddress", "Country", "IdentificationCode").Text();
        var buyerCountry = r.El("AccountingCustomerParty", "Party").El("PostalAddress", "Country", "IdentificationCode").Text();
        if (sellerCountry == "SE") Swedish(x, r, seller!, buyerCountry);
        if (sellerCountry == "DK") Danish(x, r, seller!, buyerCountry == "DK");
    }

    private static void Swedish(XmlRuleContext x, UblElement r, UblElement seller, string? buyerCountry)
    {
        var vat = seller.Els("PartyTaxScheme").FirstOrDefault(t => t.El("TaxScheme", "ID").Text() == "VAT")?.El("CompanyID");
        if (vat is not null)
        {
            var v = vat.Text() ?? "";
            if (v.Length != 14) x.Fatal("SE-R-001", $"Swedish VAT number '{v}' must have 14 characters (SE + 12 digits).", vat);
            if (v.Length < 3 || !v[2..Math.Min(v.Length, 14)].All(char.IsAsciiDigit)) x.Fatal("SE-R-002", $"Swedish VAT number '{v}' must be SE followed by digits.", vat);
        }
        if (seller.El("PartyLegalEntity", "CompanyID") is { } org)
        {
            var v = org.Text() ?? "";
            if (!v.All(c => char.IsAsciiDigit(c)) || v.Length == 0) x.Fatal("SE-R-003", $"Swedish organisation number '{v}' must be numeric.", org);
            if (v.Length != 10) x.Fatal("SE-R-004", $"Swedish organisation number '{v}' must have 10 digits.", org);
            if (!(v.Length == 10 && v.All(char.IsAsciiDigit) && Luhn.IsValid(v))) x.Fatal("SE-R-013", $"Swedish organisation number '{v}' fails its check digit.", org);
        }
        foreach (var t in seller.Els("PartyTaxScheme").Where(t => t.El("TaxScheme", "ID").Text() != "VAT").Select(t => t.El("CompanyID")).OfType<UblElement>())
            if (!string.Equals(t.Text()?.ToUpperInvariant(), "GODKÄND FÖR F-SKATT", StringComparison.Ordinal))
                x.Fatal("SE-R-005", "The seller's tax registration must read 'Godkänd för F-skatt'.", t);
        if (vat?.Text() is { } sv && sv.StartsWith("SE", StringComparison.Ordinal))
            foreach (var cat in x.Descendants.Where(d => d.Name.LocalName is "TaxCategory" or "ClassifiedTaxCategory" && d.El("ID").Text() == "S"))
                if (cat.El("Percent").Dec() is not (25m or 12m or 6m)) x.Fatal("SE-R-006", "Swedish standard rate must be 25, 12 or 6 %.", cat);
        foreach (var pm in r.Els("PaymentMeans").Where(p => p.El("PaymentMeansCode").Text() == "30"))
        {
            var acc = pm.El("PayeeFinancialAccount", "ID");
            var branch = pm.El("PayeeFinancialAccount", "FinancialInstitutionBranch", "ID").Text();
            var v = acc.Text() ?? "";
            if (branch == "SE:PLUSGIRO")
            {
                if (!v.All(char.IsAsciiDigit)) x.Warn("SE-R-007", "Plusgiro number must be numeric.", acc);
                if (v.Length is < 2 or > 8) x.Warn("SE-R-010", "Plusgiro number must have 2 to 8 digits.", acc);
            }
            else if (branch == "SE:BANKGIRO")
            {
                if (!v.All(char.IsAsciiDigit)) x.Warn("SE-R-008", "Bankgiro number must be numeric.", acc);
                if (v.Length is not (7 or 8)) x.Warn("SE-R-009", "Bankgiro number must have 7 or 8 digits.", acc);
            }
            else if (acc is not null && !AccountNumber.IsValidIban(v)) x.Warn("SE-R-011", "Swedish domestic credit transfer should use bankgiro or plusgiro (PaymentMeansCode 30 with SE:BANKGIRO/SE:PLUSGIRO).", acc);
        }
    }

    private static void Danish(XmlRuleContext x, UblElement r, UblElement seller, bool buyerDk)
    {
        var legal = seller.El("PartyLegalEntity", "CompanyID");
        if (legal.Text() is null) x.Fatal("DK-R-002", "Danish seller needs a legal registration id (CVR).", seller);
        else if (legal.Attr("schemeID") != "0184") x.Fatal("DK-R-014", "Danish seller's legal id must use scheme 0184.", legal);
        if (x.IsCreditNote && buyerDk && r.El("LegalMonetaryTotal", "PayableAmount").Dec() < 0m)
            x.Fatal("DK-R-016", "A Danish credit note must not have a negative amount due.", r.El("LegalMonetaryTotal"));
        if (!buyerDk) return;
        foreach (var pid in new[] { "AccountingSupplierParty", "AccountingCustomerParty" }.SelectMany(p => r.El(p, "Party").Els("PartyIdentification")))
            if (pid.El("ID") is { } id && id.Attr("schemeID") is null) x.Fatal("DK-R-013", "Danish party identifiers need a schemeID.", id);
        foreach (var pm in r.Els("PaymentMeans"))
        {
            var code = pm.El("PaymentMeansCode").Text();
            var paymentId = pm.El("PaymentID").Text() ?? "";
            var account = pm.El("PayeeFinancialAccount", "ID").Text() ?? "";
            if (!x.IsCreditNote)
            {
                if (code is not ("1" or "10" or "31" or "42" or "48" or "49" or "50" or "58" or "59" or "93" or "97"))
                    x.Fatal("DK-R-005", $"Payment means code {code} is not allowed in Denmark.", pm);
                if (code is "31" or "42" && (account.Length == 0 || pm.El("PayeeFinancialAccount", "FinancialInstitutionBranch", "ID").Text() is null))
                    x.Fatal("DK-R-006", "Bank transfer needs account number and bank registration code.", pm);
                if (code == "49" && (pm.El("PaymentMandate", "ID").Text() is null || pm.El("PaymentMandate", "PayerFinancialAccount", "ID").Text() is null))
                    x.Fatal("DK-R-007", "Direct debit needs mandate id and payer account.", pm);
                var prefix = paymentId.Length >= 3 ? paymentId[..3] : "";
                if (code == "50" && !(prefix is "01#" or "04#" or "15#" && account.Length is 7 or 8 && account.All(char.IsAsciiDigit)))
                    x.Fatal("DK-R-008", "FIK/GIRO payment needs payment id type 01, 04 or 15 and a 7-8 digit account.", pm);
                if (code == "50" && prefix is "04#" or "15#" && paymentId.Length != 19)
                    x.Fatal("DK-R-009", "Payment id types 04 and 15 must be 19 characters.", pm);
                if (code == "93" && !(prefix is "71#" or "73#" or "75#" && account.Length == 8))
                    x.Fatal("DK-R-010", "FIK payment needs payment id type 71, 73 or 75 and an 8-digit creditor number.", pm);
                if (code == "93" && prefix is "71#" or "75#" && paymentId.Length is not (18 or 19))
                    x.Fatal("DK-R-011", "Payment id types 71 and 75 must be 18 or 19 characters.", pm);
            }
        }
        foreach (var ac in x.Descendants.Where(d => d.Name.LocalName == "AllowanceCharge" && d.El("AllowanceChargeReasonCode").Text() == "ZZZ"))
        {
            var reason = ac.El("AllowanceChargeReason").Text() ?? "";
            if (!(reason.Length == 4 && reason.All(char.IsAsciiDigit)))
                x.Fatal("DK-R-004", "Reason code ZZZ needs a four-digit reason.", ac);
        }
    }
}
