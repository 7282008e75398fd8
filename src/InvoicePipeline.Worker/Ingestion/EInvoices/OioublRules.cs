using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// The OIOUBL 2.1 schematron rules (F-LIB*) that decide acceptance of the Danish documents we see: country codes,
/// card payments, exchange-rate operators and the VAT totals. OIOUBL's own semantics: TaxExclusiveAmount is the VAT total.
/// </summary>
internal static class OioublRules
{
    public static void Check(XmlRuleContext x)
    {
        var r = x.Root;
        foreach (var country in x.All("Country").Select(c => c.El("IdentificationCode")).OfType<UblElement>())
            if (!CodeLists.OioublCountries.Contains(country.Text() ?? ""))
                x.Fatal("F-LIB301", $"Invalid Country/IdentificationCode: '{country.Text()}'.", country);
        foreach (var pm in r.Els("PaymentMeans"))
            if (pm.El("PaymentMeansCode").Text() == "48" && pm.El("CardAccount") is null)
                x.Fatal("F-LIB342", "When PaymentMeansCode is '48', the CardAccount class must be used.", pm);
        foreach (var op in x.All("MathematicOperatorCode"))
            if (op.Text() is not ("multiply" or "divide"))
                x.Fatal("F-LIB310", "Invalid MathematicOperatorCode. Must either be 'multiply' or 'divide'.", op);
        foreach (var total in x.All("TaxTotal").Where(t => t.El("TaxSubtotal") is not null))
        {
            var sum = Money.Round(total.Els("TaxSubtotal").Sum(s => s.El("TaxAmount").Dec() ?? 0m));
            if (total.El("TaxAmount").Dec() is { } stated && stated != sum)
                x.Fatal("F-LIB385", $"TaxAmount of '{stated}' does not match the sum of the subtotals ('{sum}').", total);
        }
        CheckTaxableAgainstLines(x);
    }

    /// <summary>F-LIB402: each header VAT subtotal's taxable amount matches the lines' (±1, after document allowances and charges).</summary>
    private static void CheckTaxableAgainstLines(XmlRuleContext x)
    {
        var r = x.Root;
        var lineSubtotals = r.Els(x.LineName).SelectMany(l => l.Els("TaxTotal")).SelectMany(t => t.Els("TaxSubtotal")).ToList();
        foreach (var sub in r.Els("TaxTotal").SelectMany(t => t.Els("TaxSubtotal")))
        {
            var cat = sub.El("TaxCategory", "ID").Text();
            if (cat is not ("StandardRated" or "ZeroRated" or "ReverseCharge")) continue;
            var matching = lineSubtotals.Where(s => s.El("TaxCategory", "ID").Text() == cat).ToList();
            if (matching.Count == 0) continue;
            var adjust = r.Els("AllowanceCharge").Where(a => a.El("TaxCategory", "ID").Text() == cat)
                .Sum(a => (a.El("ChargeIndicator").Text() == "true" ? 1m : -1m) * (a.El("Amount").Dec() ?? 0m));
            var expected = matching.Sum(s => s.El("TaxableAmount").Dec() ?? 0m) + adjust;
            if (Math.Abs((sub.El("TaxableAmount").Dec() ?? 0m) - expected) > 1m)
                x.Fatal("F-LIB402", $"The taxable amount for tax category '{cat}' does not match the sum of the lines ({expected}).", sub);
        }
    }
}
