using System.Globalization;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// The Svefaktura 1.0 business rules of the official schematron (svenfaktura-1.0-sch): every fatal assert
/// (SFTI-F01..F57) and the warnings (SFTI-W01..W32 but W06, the xml-stylesheet processing instruction, which the
/// loader does not keep), numbered per flag in the schematron's order; the [R-nn] in a message is SFTI's own
/// number from the assert text. Information asserts are not reported. XPath semantics are kept where they decide
/// a verdict: number() of a missing or unreadable value is NaN and fails its comparison, string tests compare the
/// text as written, normalize-space where the schematron uses it. One pass over the document's elements; each
/// element is judged by its name and its path from the root (docs/einvoice-validation.md has the table).
/// </summary>
internal static class SvefakturaRules
{
    private const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>The warnings implemented (the tests compare exactly these with the official artefact).</summary>
    public static readonly IReadOnlySet<string> Warnings = new HashSet<string>(
        Enumerable.Range(1, 32).Where(n => n != 6).Select(n => $"SFTI-W{n:00}"), StringComparer.Ordinal);

    public static void Check(XmlRuleContext x)
    {
        var r = x.Root;
        var invoiceCurrency = r.El("InvoiceCurrencyCode");
        var taxCurrency = r.El("TaxCurrencyCode");
        var subtotals = new List<UblElement>();
        foreach (var total in r.Els("TaxTotal")) foreach (var s in total.Els("TaxSubTotal")) subtotals.Add(s);

        if (r.El("LineItemCountNumeric") is null) x.Fatal("SFTI-F02", "LineItemCountNumeric is missing. [R-1]", r);
        if (r.Els("TaxTotal").Count >= 2) x.Fatal("SFTI-F03", "Only one TaxTotal is allowed; repeat TaxSubTotal for several VAT rates. [R-17]", r);
        if (invoiceCurrency is not null && taxCurrency is not null && invoiceCurrency.Value == taxCurrency.Value)
            x.Fatal("SFTI-F51", "TaxCurrencyCode must not be the same as InvoiceCurrencyCode. [R-5]", r);
        if (r.HasAttribute("schemaLocation", Xsi)) x.Warn("SFTI-W05", "xsi:schemaLocation should not be given in exchanged files. [R-21]", r);

        foreach (var e in x.Descendants)
        {
            if (invoiceCurrency is not null && e.AttributeValue("amountCurrencyID") is { } cur && !Is(e, "TaxCurrencyTaxAmount") && cur != invoiceCurrency.Value)
                x.Fatal("SFTI-F01", $"Amount in currency '{cur}', which differs from InvoiceCurrencyCode. [R-100]", e);
            if (e.HasAttribute("schemaLocation", Xsi)) x.Warn("SFTI-W05", "xsi:schemaLocation should not be given in exchanged files. [R-21]", e);
            var p = e.Parent!;
            switch (e.Name.LocalName)
            {
                case "ID": Id(x, e, subtotals); break;
                case "PostalZone":
                    if (!IsWord(e.Value)) x.Warn("SFTI-W03", "Postal code must be sent without formatting characters (spaces, hyphens, ...). [R-8]", e);
                    break;
                case "Telephone" or "Telefax":
                    if (!IsPhone(e.Value)) x.Warn("SFTI-W04", "Telephone and fax numbers must be sent without formatting characters. [R-9]", e);
                    break;
                case "CompanyID" when Under(e, "PartyTaxScheme", "Party", "BuyerParty"):
                    if (!IsWord(e.Value)) x.Warn("SFTI-W07", "Buyer's organisation or VAT number must be sent without formatting characters. [R-36]", e);
                    break;
                case "CompanyID" when Under(e, "PartyTaxScheme", "Party", "SellerParty"):
                    if (!IsWord(e.Value)) x.Warn("SFTI-W17", "Seller's organisation or VAT number must be sent without formatting characters. [R-45]", e);
                    break;
                case "RegistrationName" when Under(e, "PartyTaxScheme", "Party", "BuyerParty"):
                    if (!AnyDiffers(e.Value, p.Parent!.Els("PartyName"), "Name")) x.Fatal("SFTI-F05", "Buyer's RegistrationName is only given when it differs from PartyName/Name. [R-35]", e);
                    break;
                case "RegistrationName" when Under(e, "PartyTaxScheme", "Party", "SellerParty"):
                    if (!AnyDiffers(e.Value, p.Parent!.Els("PartyName"), "Name")) x.Fatal("SFTI-F31", "Seller's RegistrationName is only given when it differs from PartyName/Name. [R-44]", e);
                    break;
                case "ActualDeliveryDateTime" when Under(e, "Delivery"):
                    if (r.El("IssueDate").Date() is { } issued && Date(Before(e.Value, 'T')) is { } delivered && issued < delivered)
                        x.Warn("SFTI-W08", "Delivery/ActualDeliveryDateTime is later than IssueDate. [R-47]", e);
                    break;
                case "SourceCurrencyCode" when Under(e, "ExchangeRate"):
                    if (invoiceCurrency is null) x.Fatal("SFTI-F06", "InvoiceCurrencyCode is required when ExchangeRate is used. [R-63]", e);
                    if (taxCurrency is null) x.Fatal("SFTI-F07", "TaxCurrencyCode is required when ExchangeRate is used. [R-64]", e);
                    break;
                case "CalculationRate" when Under(e, "ExchangeRate"):
                    if (!(Num(e) > 0)) x.Fatal("SFTI-F08", "ExchangeRate/CalculationRate must be greater than 0. [R-66]", e);
                    break;
                case "AllowanceCharge" when Under(e, "InvoiceLine"):
                    if (e.El("Amount") is null) x.Fatal("SFTI-F09", "A line allowance or charge must have an Amount. [R-72]", e);
                    break;
                case "AllowanceCharge" when p == r:
                    if (r.El("LegalTotal", "TaxExclusiveTotalAmount") is null)
                        x.Warn("SFTI-W21", "With document allowances or charges, LegalTotal/TaxExclusiveTotalAmount should be given. [R-55]", e);
                    if (Norm(e.El("TaxCategory", "TaxScheme", "ID")) != "VAT")
                        x.Fatal("SFTI-F36", "AllowanceCharge/TaxCategory/TaxScheme/ID must be 'VAT'. [R-56]", e);
                    break;
                case "Amount" when Under(e, "AllowanceCharge", "InvoiceLine"):
                    if (!(Num(e) >= 0)) x.Fatal("SFTI-F10", "A line allowance or charge amount cannot be negative; switch ChargeIndicator instead. [R-74]", e);
                    break;
                case "ChargeIndicator" when Under(e, "AllowanceCharge", "InvoiceLine"):
                    if (e.Value is not ("true" or "false")) x.Fatal("SFTI-F11", "Line ChargeIndicator must be 'true' or 'false'. [R-73]", e);
                    break;
                case "Item" when Under(e, "InvoiceLine"):
                    if (e.El("TaxCategory", "TaxScheme", "ID") is { } scheme && Norm(scheme) != "VAT")
                        x.Fatal("SFTI-F12", "Item/TaxCategory/TaxScheme/ID must be 'VAT'. [R-75]", e);
                    break;
                case "BaseQuantity" when Under(e, "BasePrice", "Item", "InvoiceLine"):
                    if (p.Parent!.Parent!.El("InvoicedQuantity")?.AttributeValue("quantityUnitCode") is { } unit && e.AttributeValue("quantityUnitCode") != unit)
                        x.Fatal("SFTI-F13", "BasePrice/BaseQuantity is in another unit than InvoicedQuantity. [R-78]", e);
                    break;
                case "TaxCategory": TaxCategory(x, e, subtotals); break;
                case "Percent" when Is(p, "TaxCategory"): Percent(x, e, p); break;
                case "InvoiceLine" when p == r: Line(x, e); break;
                case "LineExtensionTotalAmount" when Under(e, "LegalTotal"):
                    if (!(Math.Abs(Num(e) - SumOf(r.Els("InvoiceLine"), "LineExtensionAmount")) <= 0.5))
                        x.Fatal("SFTI-F22", "LineExtensionTotalAmount must equal the sum of the lines' LineExtensionAmount. [R-69]", e);
                    break;
                case "TaxExclusiveTotalAmount" when Under(e, "LegalTotal"):
                    if (!(Math.Abs(Num(e) - NetOfLinesAndCharges(r)) <= 0.5))
                        x.Fatal("SFTI-F23", "TaxExclusiveTotalAmount must equal the lines' sum plus charges minus allowances. [R-70]", e);
                    if (subtotals.Exists(s => s.El("TaxableAmount") is not null) && !(Math.Abs(Num(e) - SumOf(subtotals, "TaxableAmount")) < 0.5))
                        x.Fatal("SFTI-F50", "TaxExclusiveTotalAmount does not match the sum of TaxSubTotal/TaxableAmount. [R-10]", e);
                    break;
                case "TaxInclusiveTotalAmount" when Under(e, "LegalTotal"):
                    var inclusive = NetOfLinesAndCharges(r) + SumOf(r.Els("TaxTotal"), "TotalTaxAmount") + SumOf([p], "RoundOffAmount");
                    if (!(Math.Abs(Num(e) - inclusive) <= 0.5))
                        x.Fatal("SFTI-F24", "TaxInclusiveTotalAmount must equal the lines' sum plus charges minus allowances plus TotalTaxAmount and RoundOffAmount. [R-71]", e);
                    if (!(Num(e) >= 0)) x.Fatal("SFTI-F25", "TaxInclusiveTotalAmount must be zero or more. [R-105]", e);
                    if (p.El("RoundOffAmount") is { } round && Num(round) != 0 && !(Math.Abs(Num(e) - inclusive) < 0.001))
                        x.Warn("SFTI-W29", "With RoundOffAmount, TaxInclusiveTotalAmount is expected to be exact. [R-92]", e);
                    break;
                case "PaymentMeansTypeCode" when Under(e, "PaymentMeans"):
                    if (e.Value != "1") x.Fatal("SFTI-F27", $"PaymentMeansTypeCode '{e.Value}' is not valid (must be '1'). [R-48]", e);
                    break;
                case "DuePaymentDate" when Under(e, "PaymentMeans"):
                    if (Date(e.Value) is { } due && r.El("IssueDate").Date() is { } issue && due < issue)
                        x.Warn("SFTI-W16", "DuePaymentDate is earlier than IssueDate. [R-49]", e);
                    break;
                case "Name" when Under(e, "PayeePartyName", "PaymentMeans"):
                    if (!AnyDiffers(e.Value, r.El("SellerParty", "Party").Els("PartyName"), "Name"))
                        x.Warn("SFTI-W15", "PayeePartyName is meant for assigned invoices, but the name is the seller's. [R-52]", e);
                    break;
                case "PenaltySurchargePercent" when Under(e, "PaymentTerms"):
                    if (!(Num(r.El("PaymentTerms", "PenaltySurchargePercent")) >= 0)) x.Fatal("SFTI-F28", "PenaltySurchargePercent must be zero or more. [R-54]", e);
                    break;
                case "Party" when Under(e, "SellerParty"):
                    if (e.El("PartyTaxScheme") is null)
                        x.Fatal("SFTI-F29", "Seller PartyTaxScheme is missing: neither organisation number nor VAT number. [R-38]", e);
                    break;
                case "TaxSubTotal" when Under(e, "TaxTotal"):
                    if ((e.El("TaxCurrencyTaxAmount") is not null) != (taxCurrency is not null))
                        x.Fatal("SFTI-F32", "TaxSubTotal/TaxCurrencyTaxAmount is given if and only if TaxCurrencyCode is. [R-68]", e);
                    if ((taxCurrency is null || invoiceCurrency is not null && taxCurrency.Value == invoiceCurrency.Value)
                        && !(Math.Abs(Num(e.El("TaxableAmount")) * Num(e.El("TaxCategory", "Percent")) / 100 - Num(e.El("TaxAmount"))) < 0.5))
                        x.Fatal("SFTI-F49", "TaxSubTotal/TaxAmount is not TaxableAmount times the rate. [R-4]", e);
                    break;
                case "TotalTaxAmount" when Under(e, "TaxTotal"):
                    if (!(Math.Abs(Num(e) - SumOf(p.Els("TaxSubTotal"), "TaxAmount")) <= 0.5))
                        x.Fatal("SFTI-F35", "TotalTaxAmount must be the sum of TaxSubTotal/TaxAmount. [R-67]", e);
                    break;
                case "TaxTotal" when p == r: TaxTotal(x, e, invoiceCurrency, taxCurrency); break;
                case "ReasonCode" when Under(e, "AllowanceCharge"):
                    if (e.Value != "ZZZ") x.Fatal("SFTI-F37", "Document allowance/charge ReasonCode must be 'ZZZ'. [R-57]", e);
                    break;
                case "InvoiceTypeCode" when p == r:
                    if (Num(e) is not (380 or 381)) x.Fatal("SFTI-F40", $"InvoiceTypeCode '{e.Value}' is not valid; allowed are 380 and 381. [R-22]", e);
                    if (e.Value == "381" && r.El("InitialInvoiceDocumentReference", "ID") is null
                        && !r.Els("InvoicingPeriod").Any(i => i.El("StartDateTime") is not null && i.El("EndDateTime") is not null))
                        x.Warn("SFTI-W25", "A credit note should refer to the earlier invoice (InitialInvoiceDocumentReference). [R-2]", e);
                    break;
                case "InvoicingPeriod" when p == r: Period(x, e); break;
                case "LineItemCountNumeric" when p == r:
                    if (Num(e) != r.Els("InvoiceLine").Count) x.Fatal("SFTI-F42", "LineItemCountNumeric does not match the number of invoice lines. [R-27]", e);
                    if (!(Num(e) > 0)) x.Fatal("SFTI-F43", "LineItemCountNumeric must be a positive integer. [R-29]", e);
                    break;
                case "TaxCurrencyCode" when p == r:
                    if (r.El("ExchangeRate") is null) x.Fatal("SFTI-F45", "TaxCurrencyCode requires ExchangeRate. [R-23]", e);
                    if (subtotals.Count == 0) x.Fatal("SFTI-F46", "TaxCurrencyCode requires TaxTotal/TaxSubTotal. [R-24]", e);
                    if (!subtotals.Exists(s => s.El("TaxCurrencyTaxAmount") is not null))
                        x.Fatal("SFTI-F47", "TaxCurrencyCode requires TaxSubTotal/TaxCurrencyTaxAmount. [R-25]", e);
                    if (invoiceCurrency is null) x.Fatal("SFTI-F48", "InvoiceCurrencyCode is missing. [R-26]", e);
                    break;
            }
        }
    }

    /// <summary>Every context that ends in an ID element (tax categories, schemes, accounts, references).</summary>
    private static void Id(XmlRuleContext x, UblElement e, List<UblElement> subtotals)
    {
        var p = e.Parent!;
        if (Is(p, "TaxCategory"))
        {
            if (Norm(e.Value) != e.Value) x.Warn("SFTI-W01", "TaxCategory/ID must be normalized (no spaces or line breaks). [R-18]", e);
            if (Under(e, "TaxCategory", "TaxSubTotal", "TaxTotal"))
            {
                var id = Norm(e.Value);
                if (id is not ("E" or "S")) x.Fatal("SFTI-F33", $"TaxSubTotal/TaxCategory/ID '{e.Value}' is not valid; must be S, or E for exemption. [R-59]", e);
                if (id == "E" && p.El("ExemptionReason") is null) x.Warn("SFTI-W18", "VAT exemption (E) without an ExemptionReason. [R-91]", e);
            }
            else if (Under(e, "TaxCategory", "AllowanceCharge") && Norm(e.Value) == "E" && !subtotals.Exists(s => s.El("TaxCategory", "ExemptionReason") is not null))
                x.Warn("SFTI-W22", "VAT exemption (E) on an allowance/charge without an ExemptionReason in TaxSubTotal. [R-60]", e);
        }
        else if (Is(p, "TaxScheme"))
        {
            if (Norm(e.Value) != e.Value) x.Warn("SFTI-W02", "TaxScheme/ID must be normalized (no spaces or line breaks). [R-19]", e);
            if (Norm(e.Value) is not ("VAT" or "SWT"))
            {
                if (Under(e, "TaxScheme", "PartyTaxScheme", "Party", "BuyerParty"))
                    x.Fatal("SFTI-F04", $"Buyer PartyTaxScheme/TaxScheme/ID '{e.Value}' is not valid; must be VAT or SWT. [R-37]", e);
                else if (Under(e, "TaxScheme", "PartyTaxScheme", "Party", "SellerParty"))
                    x.Fatal("SFTI-F30", $"Seller PartyTaxScheme/TaxScheme/ID '{e.Value}' is not valid; must be VAT or SWT. [R-46]", e);
            }
        }
        else if (Under(e, "FinancialInstitution", "FinancialInstitutionBranch", "PayeeFinancialAccount", "PaymentMeans"))
        {
            if (p.Parent!.Parent!.El("ID") is null && e.Value != "SNDOSESS") x.Fatal("SFTI-F26", "An account number is required when a BIC is given. [R-51]", e);
        }
        else if (Under(e, "PayeeFinancialAccount", "PaymentMeans"))
        {
            if (!IsWord(e.Value)) x.Warn("SFTI-W13", "Plusgiro, bankgiro and bank account numbers must be sent without formatting characters. [R-50]", e);
            if (p.El("FinancialInstitutionBranch", "FinancialInstitution", "ID") is null) x.Warn("SFTI-W14", "Account given but FinancialInstitution/ID (BIC) is missing. [R-101]", e);
        }
        else if (Under(e, "RequisitionistDocumentReference"))
        {
            if (e.Value.Replace(" ", "", StringComparison.Ordinal).Length == 0) x.Fatal("SFTI-F44", "RequisitionistDocumentReference/ID must not be empty. [R-79]", e);
        }
        else if (Under(e, "AdditionalDocumentReference"))
        {
            var agency = e.AttributeValue("identificationSchemeAgencyName");
            var scheme = e.AttributeValue("identificationSchemeID");
            var listed = "[CT][ACD][DQ][ATS]".Contains("[" + scheme + "]", StringComparison.Ordinal);
            if (agency is not null && listed && agency != "SFTI")
                x.Warn("SFTI-W30", "AdditionalDocumentReference: with CT, ACD, DQ or ATS, identificationSchemeAgencyName must be 'SFTI'. [R-31]", e);
            if (agency == "SFTI" && scheme is null)
                x.Warn("SFTI-W31", "AdditionalDocumentReference: identificationSchemeID must hold one of the values SFTI documents. [R-30]", e);
            if (agency is null && scheme is not null && listed)
                x.Warn("SFTI-W32", "AdditionalDocumentReference: with CT, ACD, DQ or ATS, identificationSchemeAgencyName must be 'SFTI'. [R-86]", e);
        }
    }

    private static void TaxCategory(XmlRuleContext x, UblElement e, List<UblElement> subtotals)
    {
        var isS = HasId(e, "S");
        var isE = HasId(e, "E");
        if (Under(e, "Item", "InvoiceLine"))
        {
            if (Norm(e.El("ID")).ToUpperInvariant() is not ("E" or "S"))
                x.Fatal("SFTI-F14", "InvoiceLine/Item/TaxCategory/ID is not valid; must be S, or E for exemption. [R-76]", e);
            if (isS && !IsSwedishRate(e)) x.Warn("SFTI-W10", "Line VAT rate: for Sweden ID=S with Percent 6, 12 or 25. [R-7]", e);
            if (isE && !subtotals.Exists(s => HasId(s.El("TaxCategory"), "E")))
                x.Fatal("SFTI-F53", "VAT exemption on a line must also be reported under TaxTotal/TaxSubTotal. [R-90]", e);
            if (isS && !HasStandardSubtotal(e, subtotals))
                x.Fatal("SFTI-F54", "The line's VAT category and rate must also be reported under TaxTotal/TaxSubTotal. [R-106]", e);
        }
        else if (Under(e, "TaxSubTotal", "TaxTotal"))
        {
            if (isS && !IsSwedishRate(e)) x.Warn("SFTI-W20", "TaxSubTotal VAT rate: for Sweden ID=S with Percent 6, 12 or 25. [R-16]", e);
        }
        else if (Under(e, "AllowanceCharge"))
        {
            if (e.El("Percent") is null) x.Fatal("SFTI-F38", "AllowanceCharge/TaxCategory/Percent is missing. [R-58]", e);
            if (isS && !IsSwedishRate(e)) x.Warn("SFTI-W24", "Allowance/charge VAT rate: for Sweden ID=S with Percent 6, 12 or 25. [R-6]", e);
            if (isE && !subtotals.Exists(s => HasId(s.El("TaxCategory"), "E")))
                x.Fatal("SFTI-F56", "VAT exemption on an allowance/charge must also be reported under TaxTotal/TaxSubTotal. [R-90]", e);
            if (isS && !HasStandardSubtotal(e, subtotals))
                x.Fatal("SFTI-F57", "The allowance/charge VAT category and rate must also be reported under TaxTotal/TaxSubTotal. [R-89]", e);
        }
    }

    /// <summary>Percent under a line's, a subtotal's or a document allowance/charge's tax category: 0 for E, not 0 for S.</summary>
    private static void Percent(XmlRuleContext x, UblElement e, UblElement category)
    {
        (string Zero, string ZeroR, string NonZero, string NonZeroR)? rules =
            Under(e, "TaxCategory", "Item", "InvoiceLine") ? ("SFTI-F15", "R-77", "SFTI-W09", "R-97")
            : Under(e, "TaxCategory", "TaxSubTotal", "TaxTotal") ? ("SFTI-F34", "R-95", "SFTI-W19", "R-96")
            : Under(e, "TaxCategory", "AllowanceCharge") ? ("SFTI-F39", "R-61", "SFTI-W23", "R-62")
            : null;
        if (rules is not { } found) return;
        var (zeroRule, zeroR, nonZeroRule, nonZeroR) = found;
        var id = Norm(category.El("ID"));
        if (id == "E" && !(Num(e) == 0)) x.Fatal(zeroRule, $"Percent must be 0 for VAT exemption (E). [{zeroR}]", e);
        if (id == "S" && Num(e) == 0) x.Warn(nonZeroRule, $"Percent may only be 0 when TaxCategory/ID is E. [{nonZeroR}]", e);
    }

    /// <summary>The line amount against price × quantity (÷ base quantity) ∓ the line allowance/charge, and the allowance base.</summary>
    private static void Line(XmlRuleContext x, UblElement line)
    {
        var item = line.El("Item");
        var basePrice = item.El("BasePrice");
        var charges = line.Els("AllowanceCharge");
        bool allowance = false, charge = false;
        UblElement? chargeAmount = null, chargeBase = null;
        foreach (var ac in charges)
        {
            foreach (var indicator in ac.Els("ChargeIndicator"))
            {
                allowance |= indicator.Value is "false" or "0";
                charge |= indicator.Value is "true" or "1";
            }
            chargeAmount ??= ac.El("Amount");
            chargeBase ??= ac.El("AllowanceChargeBaseAmount");
        }
        var lea = Num(line.El("LineExtensionAmount"));
        if (basePrice is not null)
        {
            var baseQuantity = basePrice.El("BaseQuantity");
            var gross = Num(basePrice.El("PriceAmount")) * Num(line.El("InvoicedQuantity"));
            if (baseQuantity is not null) gross /= Num(baseQuantity);
            var withBase = baseQuantity is not null;
            if (chargeAmount is not null)
            {
                if (allowance && !(Math.Abs(gross - Num(chargeAmount) - lea) < 0.5))
                    x.Fatal(withBase ? "SFTI-F16" : "SFTI-F17", $"InvoiceLine/LineExtensionAmount is not price × quantity less the allowance. [{(withBase ? "R-11" : "R-13")}]", line);
                if (charge && !(Math.Abs(gross + Num(chargeAmount) - lea) < 0.5))
                    x.Fatal(withBase ? "SFTI-F18" : "SFTI-F19", $"InvoiceLine/LineExtensionAmount is not price × quantity plus the charge. [{(withBase ? "R-12" : "R-14")}]", line);
            }
            else if (!(Math.Abs(gross - lea) < 0.5))
                x.Fatal(withBase ? "SFTI-F20" : "SFTI-F21", $"InvoiceLine/LineExtensionAmount is not price × quantity. [{(withBase ? "R-15" : "R-20")}]", line);
            if (chargeBase is not null && line.El("InvoicedQuantity") is not null && !(Math.Abs(Num(chargeBase) - gross) < 0.01))
                x.Warn(withBase ? "SFTI-W11" : "SFTI-W12", $"Line AllowanceChargeBaseAmount does not match price and quantity. [{(withBase ? "R-104" : "R-103")}]", line);
        }
        if (line.El("Note") is null && item.El("Description") is null && line.El("LineExtensionAmount") is { } amount && !(Num(amount) == 0))
            x.Warn("SFTI-W28", "The invoiced amount has no description (line Note or Item/Description). [R-102]", amount);
    }

    private static void TaxTotal(XmlRuleContext x, UblElement total, UblElement? invoiceCurrency, UblElement? taxCurrency)
    {
        var r = x.Root;
        if (taxCurrency is not null && invoiceCurrency is not null && taxCurrency.Value != invoiceCurrency.Value && r.El("ExchangeRate", "CalculationRate") is { } rate)
        {
            var subs = total.Els("TaxSubTotal");
            if (!(Math.Abs(SumOf(subs, "TaxCurrencyTaxAmount") - SumOf(subs, "TaxAmount") * Num(rate)) < 0.5))
                x.Fatal("SFTI-F52", "TaxSubTotal/TaxCurrencyTaxAmount is not TaxAmount converted at ExchangeRate/CalculationRate. [R-3]", total);
        }
        var vat = false;
        foreach (var s in total.Els("TaxSubTotal"))
            foreach (var c in s.Els("TaxCategory"))
                foreach (var scheme in c.Els("TaxScheme"))
                    vat |= HasId(scheme, "VAT");
        if (!vat) return;
        foreach (var sp in r.Els("SellerParty"))
            foreach (var party in sp.Els("Party"))
                foreach (var pts in party.Els("PartyTaxScheme"))
                    if (pts.El("CompanyID") is not null && pts.Els("TaxScheme").Any(s => HasId(s, "VAT"))) return;
        x.Fatal("SFTI-F55", "The seller's VAT registration number (PartyTaxScheme with TaxScheme/ID VAT) is required when the invoice carries VAT. [R-88]", total);
    }

    private static void Period(XmlRuleContext x, UblElement period)
    {
        var start = period.El("StartDateTime");
        var end = period.El("EndDateTime");
        if (start is null || end is null) x.Fatal("SFTI-F41", "InvoicingPeriod needs both StartDateTime and EndDateTime. [R-80]", period);
        var (s, e) = (DateTime(start), DateTime(end));
        if (start is null || end is null || s is not null && e is not null && e < s)
            x.Warn("SFTI-W26", "InvoicingPeriod ends before it starts. [R-81]", period);
        if (end is not null && Date(Before(end.Value, 'T')) is { } last && x.Root.El("IssueDate").Date() is { } issued && last > issued)
            x.Warn("SFTI-W27", "IssueDate is before the end of the invoicing period. [R-82]", period);
    }

    // ---- helpers with the XPath semantics the asserts rely on ----

    private static bool Is(UblElement e, string localName) => string.Equals(e.Name.LocalName, localName, StringComparison.Ordinal);

    /// <summary>The element's ancestors, parent first, are exactly these names and the last one is a child of the root.</summary>
    private static bool Under(UblElement e, params ReadOnlySpan<string> ancestors)
    {
        var cur = e.Parent;
        foreach (var name in ancestors)
        {
            if (cur is null || !Is(cur, name)) return false;
            cur = cur.Parent;
        }
        return cur is not null && cur.Parent is null;
    }

    /// <summary>Any ID child whose text is exactly this (the XPath general comparison <c>[cac:ID = 'S']</c>).</summary>
    private static bool HasId(UblElement? e, string id)
    {
        foreach (var c in e.Els("ID"))
            if (c.Value == id) return true;
        return false;
    }

    /// <summary><c>. != ../PartyName/cbc:Name</c>: true when some name exists that differs (false when there is none).</summary>
    private static bool AnyDiffers(string value, IReadOnlyList<UblElement> holders, string child)
    {
        foreach (var h in holders)
            foreach (var n in h.Els(child))
                if (n.Value != value) return true;
        return false;
    }

    private static bool IsSwedishRate(UblElement category) => Num(category.El("Percent")) is 6 or 12 or 25;

    /// <summary>Some TaxSubTotal has a TaxCategory with ID 'S' and the same Percent as this category.</summary>
    private static bool HasStandardSubtotal(UblElement category, List<UblElement> subtotals)
    {
        if (category.El("Percent") is not { } percent || percent.Dec() is not { } rate) return false;
        foreach (var s in subtotals)
            foreach (var c in s.Els("TaxCategory"))
                if (HasId(c, "S") && c.El("Percent").Dec() == rate) return true;
        return false;
    }

    /// <summary>Lines' LineExtensionAmount + document charges − document allowances.</summary>
    private static double NetOfLinesAndCharges(UblElement r)
    {
        var sum = SumOf(r.Els("InvoiceLine"), "LineExtensionAmount");
        foreach (var ac in r.Els("AllowanceCharge"))
        {
            var charge = false;
            var allowance = false;
            foreach (var i in ac.Els("ChargeIndicator"))
            {
                charge |= i.Value is "true" or "1";
                allowance |= i.Value is "false" or "0";
            }
            if (charge) sum += SumOf([ac], "Amount");
            if (allowance) sum -= SumOf([ac], "Amount");
        }
        return sum;
    }

    /// <summary>XPath sum() over the named children of these elements (NaN when one is not a number).</summary>
    private static double SumOf(IReadOnlyList<UblElement> holders, string child)
    {
        var sum = 0.0;
        foreach (var h in holders)
            foreach (var c in h.Els(child))
                sum += Num(c);
        return sum;
    }

    /// <summary>XPath number(): NaN for a missing element or a text that is not a number.</summary>
    private static double Num(UblElement? e) =>
        e is not null && double.TryParse(e.Value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out var d) ? d : double.NaN;

    private static DateOnly? Date(string text) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static DateTime? DateTime(UblElement? e) =>
        e is not null && System.DateTime.TryParse(e.Value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) ? d : null;

    private static string Before(string text, char c) => text.IndexOf(c, StringComparison.Ordinal) is var i and >= 0 ? text[..i] : "";

    /// <summary>XPath normalize-space().</summary>
    private static string Norm(UblElement? e) => e is null ? "" : Norm(e.Value);

    private static string Norm(string s)
    {
        if (s.Length == 0) return s;
        var parts = s.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 1 && parts[0].Length == s.Length ? s : string.Join(' ', parts);
    }

    /// <summary><c>matches(., '^\w*$')</c> with XPath's \w: any character but punctuation, separators and others.</summary>
    private static bool IsWord(string s)
    {
        foreach (var ch in s)
        {
            switch (char.GetUnicodeCategory(ch))
            {
                case UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation
                    or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
                    or UnicodeCategory.OtherPunctuation or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
                    or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned:
                    return false;
            }
        }
        return true;
    }

    /// <summary><c>matches(., '^\+?\d*$')</c>.</summary>
    private static bool IsPhone(string s)
    {
        var span = s.AsSpan();
        if (span.Length > 0 && span[0] == '+') span = span[1..];
        foreach (var ch in span)
            if (!char.IsDigit(ch)) return false;
        return true;
    }
}
