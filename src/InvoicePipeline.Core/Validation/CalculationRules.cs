using InvoicePipeline.Invoices;

namespace InvoicePipeline.Validation;

/// <summary>
/// EN 16931 calculation rules BR-CO-10 to BR-CO-17 (and BR-CO-18, -25, -26) on the invoice model. Sums are compared
/// after the standard's rounding to two decimals (<see cref="Money.Round"/>); the stated amounts are never changed.
/// </summary>
public static class CalculationRules
{
    public static void Check(Invoice inv, List<Finding> findings)
    {
        var root = "/" + (inv.Kind == DocumentKind.CreditNote ? "CreditNote" : "Invoice");
        var t = inv.Totals;
        var at = root + "/cac:LegalMonetaryTotal";
        if (t.Stated)
        {
            var lines = Money.Round(inv.Lines.Sum(l => l.NetAmount));
            if (t.LineExtension != lines)
                findings.Add(Finding.Fatal("BR-CO-10", $"Sum of line net amounts {t.LineExtension} ≠ Σ lines {lines}.", at + "/cbc:LineExtensionAmount"));
            var allowances = inv.AllowanceCharges.Where(a => !a.IsCharge).ToList();
            var charges = inv.AllowanceCharges.Where(a => a.IsCharge).ToList();
            if ((t.AllowanceTotal is not null || allowances.Count > 0) && (t.AllowanceTotal ?? 0m) != Money.Round(allowances.Sum(a => a.Amount)))
                findings.Add(Finding.Fatal("BR-CO-11", $"Sum of allowances {t.AllowanceTotal} ≠ Σ document allowances {Money.Round(allowances.Sum(a => a.Amount))}.", at + "/cbc:AllowanceTotalAmount"));
            if ((t.ChargeTotal is not null || charges.Count > 0) && (t.ChargeTotal ?? 0m) != Money.Round(charges.Sum(a => a.Amount)))
                findings.Add(Finding.Fatal("BR-CO-12", $"Sum of charges {t.ChargeTotal} ≠ Σ document charges {Money.Round(charges.Sum(a => a.Amount))}.", at + "/cbc:ChargeTotalAmount"));
            var exclusive = t.LineExtension - (t.AllowanceTotal ?? 0m) + (t.ChargeTotal ?? 0m);
            if (t.TaxExclusive != exclusive)
                findings.Add(Finding.Fatal("BR-CO-13", $"Total without VAT {t.TaxExclusive} ≠ lines − allowances + charges ({exclusive}).", at + "/cbc:TaxExclusiveAmount"));
            var inclusive = t.TaxExclusive + (t.TaxTotal ?? 0m);
            if (Math.Abs(t.TaxInclusive - inclusive) > 0m)
                findings.Add(Finding.Fatal("BR-CO-15", $"Total with VAT {t.TaxInclusive} ≠ total without VAT + VAT ({inclusive}).", at + "/cbc:TaxInclusiveAmount"));
            var payable = t.TaxInclusive - (t.Prepaid ?? 0m) + (t.PayableRounding ?? 0m);
            if (t.Payable != payable)
                findings.Add(Finding.Fatal("BR-CO-16", $"Amount due {t.Payable} ≠ total with VAT − prepaid + rounding ({payable}).", at + "/cbc:PayableAmount"));
            if (inv.Kind == DocumentKind.Invoice && t.Payable > 0m && inv.DueDate is null && inv.PaymentTerms is null)
                findings.Add(Finding.Fatal("BR-CO-25", "A positive amount due needs a payment due date or payment terms.", root));
        }
        if (t.TaxTotal is { } taxTotal && inv.VatBreakdown.Count > 0)
        {
            var sum = Money.Round(inv.VatBreakdown.Sum(b => b.TaxAmount));
            if (taxTotal != sum)
                findings.Add(Finding.Fatal("BR-CO-14", $"Invoice total VAT {taxTotal} ≠ Σ VAT category amounts {sum}.", root + "/cac:TaxTotal/cbc:TaxAmount"));
        }
        for (var i = 0; i < inv.VatBreakdown.Count; i++)
        {
            var b = inv.VatBreakdown[i];
            var rate = b.Rate ?? 0m;
            var expected = Money.Round(Math.Abs(b.TaxableAmount) * rate / 100m);
            var bad = Math.Round(rate) == 0m ? Math.Round(b.TaxAmount) != 0m : Math.Abs(Math.Abs(b.TaxAmount) - expected) >= 1m;
            if (bad)
                findings.Add(Finding.Fatal("BR-CO-17", $"VAT category amount {b.TaxAmount} ≠ taxable amount × rate ({expected}).", $"{root}/cac:TaxTotal/cac:TaxSubtotal[{i + 1}]"));
        }
        if (inv.Seller.Identifiers.Count == 0 && inv.Seller.LegalId is null && inv.Seller.VatId is null && inv.Seller.Name is not null)
            findings.Add(Finding.Warning("BR-CO-26", "The seller has no identifier, legal registration id or VAT id: the buyer cannot identify it automatically.", root + "/cac:AccountingSupplierParty"));
    }
}
