using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>OIOUBL allowances and charges, VAT totals and subtotals, and the legal monetary totals.</summary>
internal static partial class OioublRules
{
    private static void CheckAllowanceCharges(XmlRuleContext x)
    {
        foreach (var ac in x.Root.Els("AllowanceCharge"))
        {
            CheckAllowanceCharge(x, ac);
            if (x.IsCreditNote) continue;
            foreach (var amount in ac.Els("Amount").Concat(ac.Els("BaseAmount")))
                if (amount.Value.StartsWith('-') || amount.Dec() == 0m)
                    x.Fatal("F-LIB019", $"{amount.Name.LocalName} must not be negative or zero.", amount);
        }
        foreach (var line in x.Root.Els(x.LineName))
        {
            if (!x.IsCreditNote)
                foreach (var ac in line.Els("AllowanceCharge"))
                {
                    CheckAllowanceCharge(x, ac);
                    foreach (var amount in ac.Els("Amount").Concat(ac.Els("BaseAmount")))
                        if (amount.Dec() == 0m) x.Fatal("F-LIB317", $"{amount.Name.LocalName} must not be zero.", amount);
                }
            foreach (var ac in line.El("Price").Els("AllowanceCharge")) CheckMultiplier(x, ac);
        }
    }

    /// <summary>F-LIB226, F-LIB248, F-LIB227, F-LIB228, F-LIB021 on a document or line allowance/charge.</summary>
    private static void CheckAllowanceCharge(XmlRuleContext x, UblElement ac)
    {
        if (ac.Els("TaxCategory").Count != 1) x.Fatal("F-LIB226", "An allowance/charge needs exactly one TaxCategory.", ac);
        if (ac.El("MultiplierFactorNumeric") is { } factor)
        {
            if (!(ac.El("BaseAmount")?.Value.Length > 0)) x.Fatal("F-LIB248", "MultiplierFactorNumeric needs a BaseAmount.", ac);
            if (factor.Value.StartsWith('-')) x.Fatal("F-LIB227", "MultiplierFactorNumeric must be positive.", ac);
        }
        CheckMultiplier(x, ac);
        if (ac.El("AccountingCost") is not null && ac.El("AccountingCostCode") is not null)
            x.Fatal("F-LIB021", "Use either AccountingCost or AccountingCostCode, not both.", ac);
    }

    /// <summary>F-LIB228: Amount = BaseAmount × MultiplierFactorNumeric (a factor, not a percentage in OIOUBL), ±1.</summary>
    private static void CheckMultiplier(XmlRuleContext x, UblElement ac)
    {
        if (Num(ac.El("MultiplierFactorNumeric")) is { } factor && Num(ac.El("BaseAmount")) is { } baseAmount && Num(ac.El("Amount")) is { } amount
            && Math.Abs(amount - baseAmount * factor) > 1d)
            x.Fatal("F-LIB228", $"Amount {amount} must equal BaseAmount × MultiplierFactorNumeric ({baseAmount * factor}).", ac);
    }

    private static void CheckTaxTotals(XmlRuleContext x)
    {
        CheckTaxTotalsOf(x, x.Root, line: false);
        foreach (var line in x.Root.Els(x.LineName)) CheckTaxTotalsOf(x, line, line: true);
    }

    /// <summary>The TaxTotal classes of the document or of one line.</summary>
    private static void CheckTaxTotalsOf(XmlRuleContext x, UblElement owner, bool line)
    {
        var totals = owner.Els("TaxTotal");
        if (totals.Count == 0) return;
        var vatTotals = totals.Count(t => t.Els("TaxSubtotal").Any(s => s.El("TaxCategory", "TaxScheme", "ID")?.Value is "63" or "VAT"));
        for (var i = 0; i < totals.Count; i++)
        {
            var total = totals[i];
            var schemes = SchemesOf(total);
            for (var j = i + 1; j < totals.Count; j++)
                if (SchemesOf(totals[j]).Overlaps(schemes)) { x.Fatal("F-LIB314", "The same tax scheme must not be used in two TaxTotal classes.", total); break; }
            if (vatTotals != 1) x.Fatal("F-LIB306", "Exactly one TaxTotal must hold VAT (Moms).", total);
            if (Decimals(total.El("TaxAmount")) != 2) x.Fatal("F-LIB250", "TaxTotal/TaxAmount must have 2 decimals.", total);
            var subtotals = total.Els("TaxSubtotal");
            if (subtotals.Count > 0 && total.El("TaxAmount").Dec() is { } stated && SubtotalSum(subtotals) is { } sum && stated != sum)
                x.Fatal("F-LIB385", $"TaxAmount of '{stated}' does not match the sum of the subtotals ('{sum}').", total);
            for (var k = 0; k < subtotals.Count; k++) CheckTaxSubtotal(x, subtotals, k, line);
        }
    }

    /// <summary>The subtotals' TaxAmount summed and rounded to cents (in decimals, as the artefact); null if it overflows.</summary>
    private static decimal? SubtotalSum(IReadOnlyList<UblElement> subtotals)
    {
        try
        {
            var sum = 0m;
            foreach (var s in subtotals) sum += s.El("TaxAmount").Dec() ?? 0m;
            return Money.Round(sum);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static HashSet<string> SchemesOf(UblElement total)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in total.Els("TaxSubtotal"))
            if (s.El("TaxCategory", "TaxScheme", "ID") is { } id) set.Add(id.Value);
        return set;
    }

    private static void CheckTaxSubtotal(XmlRuleContext x, IReadOnlyList<UblElement> subtotals, int k, bool line)
    {
        var sub = subtotals[k];
        var scheme = sub.El("TaxCategory", "TaxScheme", "ID")?.Value;
        var category = sub.El("TaxCategory", "ID")?.Value;
        if (sub.El("TaxableAmount").Text() is null) x.Fatal("F-LIB259", "TaxSubtotal/TaxableAmount must have a value.", sub);
        bool sameScheme = false, sameCategory = false, otherScheme = false;
        for (var f = k + 1; f < subtotals.Count; f++)
        {
            var fs = subtotals[f].El("TaxCategory", "TaxScheme", "ID")?.Value;
            sameScheme |= scheme is not null && fs == scheme;
            otherScheme |= scheme is not null && fs is not null && fs != scheme;
            sameCategory |= category is not null && subtotals[f].El("TaxCategory", "ID")?.Value == category;
        }
        if (scheme == "63" && sameScheme && sameCategory) x.Fatal("F-LIB315", $"Tax category '{category}' is given twice in one TaxTotal.", sub);
        if (otherScheme) x.Fatal("F-LIB316", "All subtotals of one TaxTotal must have the same tax scheme.", sub);
        if (Decimals(sub.El("TaxableAmount")) != 2) x.Fatal("F-LIB261", "TaxableAmount must have 2 decimals.", sub);
        if (Decimals(sub.El("TaxAmount")) != 2) x.Fatal("F-LIB263", "TaxSubtotal/TaxAmount must have 2 decimals.", sub);
        if (line && sub.El("TaxCategory") is { } cat) CheckLineVat(x, sub, cat);
    }

    /// <summary>F-LIB400 and F-LIB401 on a line's VAT subtotal: zero-rated has no VAT; standard-rated VAT = taxable × rate (±1).</summary>
    private static void CheckLineVat(XmlRuleContext x, UblElement sub, UblElement cat)
    {
        var id = cat.El("ID")?.Value;
        var taxAmount = Num(sub.El("TaxAmount"));
        var percent = Num(cat.El("Percent"));
        if (id == "ZeroRated" && !(taxAmount == 0d && (cat.El("Percent") is null || percent == 0d)))
            x.Fatal("F-LIB400", "A ZeroRated line subtotal must have TaxAmount and Percent 0.", cat);
        if (id == "StandardRated")
        {
            var ok = percent == 0d && taxAmount == 0d
                || percent > 0d && taxAmount is { } t && Num(sub.El("TaxableAmount")) is { } taxable
                   && Math.Abs(t - Math.Floor(taxable * percent.Value / 100d * 100d + 0.5d) / 100d) <= 1d;
            if (!ok) x.Fatal("F-LIB401", "The line's VAT must be TaxableAmount × Percent (±1).", cat);
        }
    }

    /// <summary>
    /// F-LIB402: a header VAT subtotal's taxable amount (StandardRated, ZeroRated, ReverseCharge) equals the lines'
    /// taxable amounts of the same category, scheme and currency, less document allowances and plus document charges
    /// of that category (±1); nothing to compare when no line has the category.
    /// </summary>
    private static void CheckTaxableAgainstLines(XmlRuleContext x)
    {
        var r = x.Root;
        List<UblElement>? lineSubtotals = null;
        foreach (var total in r.Els("TaxTotal"))
            foreach (var sub in total.Els("TaxSubtotal"))
            {
                var cat = sub.El("TaxCategory", "ID")?.Value;
                if (cat is not ("StandardRated" or "ZeroRated" or "ReverseCharge")) continue;
                var scheme = sub.El("TaxCategory", "TaxScheme", "ID")?.Value;
                var currency = sub.El("TaxableAmount")?.AttributeValue("currencyID");
                if (currency is null) continue;
                bool Same(UblElement? category, UblElement? amount) =>
                    category.El("ID")?.Value == cat && category.El("TaxScheme", "ID")?.Value == scheme && amount?.AttributeValue("currencyID") == currency;
                lineSubtotals ??= r.Els(x.LineName).SelectMany(l => l.Els("TaxTotal")).SelectMany(t => t.Els("TaxSubtotal")).ToList();
                var matching = lineSubtotals.Where(s => Same(s.El("TaxCategory"), s.El("TaxableAmount"))).ToList();
                if (matching.Count == 0) continue;
                var expected = Sum(matching.Select(s => s.El("TaxableAmount")!));
                foreach (var ac in r.Els("AllowanceCharge"))
                    if (Same(ac.El("TaxCategory"), ac.El("Amount")))
                        expected += (ac.El("ChargeIndicator")?.Value.Trim() is "true" or "1" ? 1d : -1d) * (Num(ac.El("Amount")) ?? 0d);
                if (Num(sub.El("TaxableAmount")) is { } taxable && Math.Abs(taxable - expected) > 1d)
                    x.Fatal("F-LIB402", $"The taxable amount for tax category '{cat}' does not match the sum of the lines ({expected}).", sub);
            }
    }

    private static readonly string[] TotalAmounts =
        ["LineExtensionAmount", "TaxExclusiveAmount", "TaxInclusiveAmount", "AllowanceTotalAmount", "ChargeTotalAmount", "PrepaidAmount", "PayableRoundingAmount", "PayableAmount"];

    private static void CheckMonetaryTotals(XmlRuleContext x)
    {
        var r = x.Root;
        if (r.El("LegalMonetaryTotal") is not { } lmt) return;
        var inv = !x.IsCreditNote;
        var acs = r.Els("AllowanceCharge");
        var subtotalTax = Sum(r.Els("TaxTotal").SelectMany(t => t.Els("TaxSubtotal")).Select(s => s.El("TaxAmount")).OfType<UblElement>());
        var allowances = Sum(acs.Where(a => a.El("ChargeIndicator")?.Value == "false").Select(a => a.El("Amount")).OfType<UblElement>());
        var charges = Sum(acs.Where(a => a.El("ChargeIndicator")?.Value == "true").Select(a => a.El("Amount")).OfType<UblElement>());
        var roundings = r.Els("TaxTotal").Select(t => t.El("RoundingAmount")).OfType<UblElement>().ToList();
        var prepaid = r.Els("PrepaidPayment").Select(p => p.El("PaidAmount")).OfType<UblElement>().ToList();
        double Amount(string name) => Num(lmt.El(name)) ?? 0d;

        if (lmt.El("LineExtensionAmount").Text() is null) x.Fatal(Id(x, "F-INV120", "F-CRN066"), "LegalMonetaryTotal/LineExtensionAmount must have a value.", lmt);
        if (acs.Any(a => a.El("ChargeIndicator")?.Value == "false") && lmt.El("AllowanceTotalAmount") is null)
            x.Fatal(Id(x, "F-INV122", "F-CRN068"), "AllowanceTotalAmount is required when there are document allowances.", lmt);
        if (acs.Any(a => a.El("ChargeIndicator")?.Value == "true") && lmt.El("ChargeTotalAmount") is null)
            x.Fatal(Id(x, "F-INV123", "F-CRN069"), "ChargeTotalAmount is required when there are document charges.", lmt);
        if (inv && prepaid.Count > 0 && lmt.El("PrepaidAmount") is null) x.Fatal("F-INV124", "PrepaidAmount is required when there are prepaid payments.", lmt);
        if (roundings.Count > 0 && lmt.El("PayableRoundingAmount") is null)
            x.Fatal(Id(x, "F-INV125", "F-CRN071"), "PayableRoundingAmount is required when a TaxTotal has a RoundingAmount.", lmt);
        var lines = r.Els(x.LineName).Where(l => !inv || l.El("FreeOfChargeIndicator") is not { } f || f.Value == "false");
        var lineSum = Sum(lines.Select(l => l.El("LineExtensionAmount")).OfType<UblElement>());
        if (Num(lmt.El("LineExtensionAmount")) is { } lea && Math.Abs(lea - lineSum) > 0.0055d)
            x.Fatal(Id(x, "F-INV126", "F-CRN072"), $"LineExtensionAmount {lea} must equal the sum of the lines ({lineSum}).", lmt);
        if (Num(lmt.El("TaxExclusiveAmount")) is { } vat && Round2(vat) != Round2(subtotalTax))
            x.Fatal(Id(x, "F-INV127", "F-CRN073"), $"TaxExclusiveAmount (the VAT total in OIOUBL) {vat} must equal the sum of the subtotals' TaxAmount ({subtotalTax}).", lmt);
        var gross = Amount("LineExtensionAmount") + subtotalTax + Amount("ChargeTotalAmount") - Amount("AllowanceTotalAmount") + Amount("PayableRoundingAmount");
        if (Num(lmt.El("TaxInclusiveAmount")) is { } incl && Round2(incl) != Round2(gross))
            x.Fatal(Id(x, "F-INV128", "F-CRN074"), $"TaxInclusiveAmount {incl} is not lines + VAT + charges − allowances + rounding ({gross}).", lmt);
        if (Num(lmt.El("AllowanceTotalAmount")) is { } at && Round2(at) != Round2(allowances))
            x.Fatal(Id(x, "F-INV129", "F-CRN075"), $"AllowanceTotalAmount {at} must equal the sum of the document allowances ({allowances}).", lmt);
        if (Num(lmt.El("ChargeTotalAmount")) is { } ct && Round2(ct) != Round2(charges))
            x.Fatal(Id(x, "F-INV130", "F-CRN076"), $"ChargeTotalAmount {ct} must equal the sum of the document charges ({charges}).", lmt);
        if (inv && Num(lmt.El("PrepaidAmount")) is { } pa && Round2(pa) != Round2(Sum(prepaid)))
            x.Fatal("F-INV131", "PrepaidAmount must equal the sum of PrepaidPayment/PaidAmount.", lmt);
        if (Num(lmt.El("PayableRoundingAmount")) is { } pr && roundings.Count > 0 && Round2(pr) != Round2(Sum(roundings)))
            x.Fatal(Id(x, "F-INV132", "F-CRN078"), "PayableRoundingAmount must equal the sum of the TaxTotal rounding amounts.", lmt);
        var payable = gross - Amount("PrepaidAmount");
        if (Round2(Amount("PayableAmount")) != Round2(payable))
            x.Fatal(Id(x, "F-INV133", "F-CRN079"), $"PayableAmount {Amount("PayableAmount")} does not match the totals ({Round2(payable)}).", lmt);
        var terms = r.Els("PaymentTerms");
        if (inv && terms.Count > 0)
        {
            var p = Round2(Amount("PayableAmount"));
            var first = Num(terms[0].El("Amount"));
            if (p != Round2(Sum(terms.Select(t => t.El("Amount")).OfType<UblElement>())) && (first is null || p != Round2(first.Value)))
                x.Fatal("F-INV134", "PayableAmount must equal the sum of the PaymentTerms amounts (or the first one).", lmt);
        }
        foreach (var name in TotalAmounts)
        {
            if (lmt.El(name) is not { } e) continue;
            if (Decimals(e) != 2) x.Fatal("F-LIB014", $"{name} must have 2 decimals.", e);
            if (name == "PayableAmount" || inv && name == "TaxInclusiveAmount")
                if (e.Value.StartsWith('-')) x.Fatal("F-LIB016", $"{name} must not be negative.", e);
            if (inv && name is "AllowanceTotalAmount" or "ChargeTotalAmount" or "PrepaidAmount" && (e.Value.StartsWith('-') || e.Dec() == 0m))
                x.Fatal("F-LIB013", $"{name} must not be negative or zero.", e);
        }
    }
}
