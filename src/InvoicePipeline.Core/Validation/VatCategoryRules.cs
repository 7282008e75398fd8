using InvoicePipeline.Invoices;

namespace InvoicePipeline.Validation;

/// <summary>
/// EN 16931 per-category VAT rules (BR-S, BR-Z, BR-E, BR-AE, BR-IC, BR-G, BR-O, BR-AF, BR-AG -01 to -10, BR-O-11..14,
/// BR-IC-11/12) on the invoice model. Tolerances follow the official artefacts: ±1 for S/L/M sums, exact otherwise.
/// </summary>
public static class VatCategoryRules
{
    private sealed record Category(string Code, string Prefix, bool HasRate, bool NeedsExemption);

    private static readonly Category[] Categories =
    [
        new("S", "BR-S", true, false), new("Z", "BR-Z", false, false), new("E", "BR-E", false, true),
        new("AE", "BR-AE", false, true), new("K", "BR-IC", false, true), new("G", "BR-G", false, true),
        new("O", "BR-O", false, true), new("L", "BR-AF", true, false), new("M", "BR-AG", true, false),
    ];

    public static void Check(Invoice inv, List<Finding> findings)
    {
        var root = "/" + (inv.Kind == DocumentKind.CreditNote ? "CreditNote" : "Invoice");
        var lineName = inv.Kind == DocumentKind.CreditNote ? "cac:CreditNoteLine" : "cac:InvoiceLine";
        foreach (var c in Categories)
        {
            // A category nothing uses and the breakdown does not name has nothing to check (most invoices use one or two).
            if (!inv.Lines.Any(l => Is(l.VatCategory, c.Code)) && !inv.AllowanceCharges.Any(a => Is(a.VatCategory, c.Code))
                && !inv.VatBreakdown.Any(b => Is(b.Category, c.Code))) continue;
            var lines = inv.Lines.Select((l, i) => (l, i)).Where(x => Is(x.l.VatCategory, c.Code)).ToList();
            var allowances = inv.AllowanceCharges.Where(a => !a.IsCharge && Is(a.VatCategory, c.Code)).ToList();
            var charges = inv.AllowanceCharges.Where(a => a.IsCharge && Is(a.VatCategory, c.Code)).ToList();
            var breakdowns = inv.VatBreakdown.Where(b => Is(b.Category, c.Code)).ToList();
            var used = lines.Count + allowances.Count + charges.Count > 0;

            // -01: used somewhere -> in the breakdown (S, L, M: at least one; others exactly one).
            if (used && (c.HasRate ? breakdowns.Count == 0 : breakdowns.Count != 1))
                findings.Add(Finding.Fatal(c.Prefix + "-01", $"VAT category {c.Code} is used but the VAT breakdown does not hold {(c.HasRate ? "it" : "exactly one entry for it")}.", root));

            var ok = IdsPresent(inv, c.Code);
            if (!ok)
            {
                if (lines.Count > 0) findings.Add(Finding.Fatal(c.Prefix + "-02", IdsMessage(c.Code, "lines"), root + "/" + lineName));
                if (allowances.Count > 0) findings.Add(Finding.Fatal(c.Prefix + "-03", IdsMessage(c.Code, "document allowances"), root + "/cac:AllowanceCharge"));
                if (charges.Count > 0) findings.Add(Finding.Fatal(c.Prefix + "-04", IdsMessage(c.Code, "document charges"), root + "/cac:AllowanceCharge"));
            }

            foreach (var (l, i) in lines)
                if (!RateOk(c, l.VatRate)) findings.Add(Finding.Fatal(c.Prefix + "-05", RateMessage(c, "line " + l.Id), $"{root}/{lineName}[{i + 1}]/cac:Item/cac:ClassifiedTaxCategory"));
            foreach (var a in allowances)
                if (!RateOk(c, a.VatRate)) findings.Add(Finding.Fatal(c.Prefix + "-06", RateMessage(c, "a document allowance"), root + "/cac:AllowanceCharge"));
            foreach (var a in charges)
                if (!RateOk(c, a.VatRate)) findings.Add(Finding.Fatal(c.Prefix + "-07", RateMessage(c, "a document charge"), root + "/cac:AllowanceCharge"));

            for (var b = 0; b < breakdowns.Count; b++)
                CheckBreakdown(inv, c, breakdowns[b], $"{root}/cac:TaxTotal/cac:TaxSubtotal[{b + 1}]", findings);
        }
        CheckOutOfScopeIsAlone(inv, root, findings);
    }

    private static void CheckBreakdown(Invoice inv, Category c, VatBreakdown b, string at, List<Finding> findings)
    {
        bool SameRate(decimal? r) => !c.HasRate || (r ?? 0m) == (b.Rate ?? 0m);
        var expected = inv.Lines.Where(l => Is(l.VatCategory, c.Code) && SameRate(l.VatRate)).Sum(l => l.NetAmount)
            + inv.AllowanceCharges.Where(a => a.IsCharge && Is(a.VatCategory, c.Code) && SameRate(a.VatRate)).Sum(a => a.Amount)
            - inv.AllowanceCharges.Where(a => !a.IsCharge && Is(a.VatCategory, c.Code) && SameRate(a.VatRate)).Sum(a => a.Amount);
        var tolerance = c.HasRate ? 1m : 0m;
        if (inv.Lines.Count > 0 && Math.Abs(b.TaxableAmount - Money.Round(expected)) > tolerance)
            findings.Add(Finding.Fatal(c.Prefix + "-08", $"VAT category {c.Code} taxable amount {b.TaxableAmount} differs from the lines, allowances and charges ({Money.Round(expected)}).", at + "/cbc:TaxableAmount"));
        if (c.HasRate)
        {
            var tax = Money.Round(Math.Abs(b.TaxableAmount) * (b.Rate ?? 0m) / 100m);
            if (Math.Abs(Math.Abs(b.TaxAmount) - tax) >= 1m)
                findings.Add(Finding.Fatal(c.Prefix + "-09", $"VAT category {c.Code} amount {b.TaxAmount} is not taxable amount × rate ({tax}).", at + "/cbc:TaxAmount"));
        }
        else if (b.TaxAmount != 0m)
            findings.Add(Finding.Fatal(c.Prefix + "-09", $"VAT category {c.Code} must have VAT amount 0, found {b.TaxAmount}.", at + "/cbc:TaxAmount"));
        var hasExemption = b.ExemptionReason is not null || b.ExemptionReasonCode is not null;
        if (c.NeedsExemption != hasExemption)
            findings.Add(Finding.Fatal(c.Prefix + "-10", c.NeedsExemption
                ? $"VAT category {c.Code} needs an exemption reason or reason code."
                : $"VAT category {c.Code} must not carry an exemption reason.", at + "/cac:TaxCategory"));
        if (c.Code == "K")
        {
            if (inv.DeliveryDate is null && inv.Period is null)
                findings.Add(Finding.Fatal("BR-IC-11", "Intra-community supply needs the actual delivery date or the invoicing period.", at));
            if (inv.DeliveryCountry is null)
                findings.Add(Finding.Fatal("BR-IC-12", "Intra-community supply needs the deliver-to country.", at));
        }
    }

    private static void CheckOutOfScopeIsAlone(Invoice inv, string root, List<Finding> findings)
    {
        if (!inv.VatBreakdown.Any(b => Is(b.Category, "O"))) return;
        if (inv.VatBreakdown.Any(b => !Is(b.Category, "O")))
            findings.Add(Finding.Fatal("BR-O-11", "A breakdown with 'not subject to VAT' must hold no other VAT category.", root + "/cac:TaxTotal"));
        if (inv.Lines.Any(l => l.VatCategory is not null && !Is(l.VatCategory, "O")))
            findings.Add(Finding.Fatal("BR-O-12", "With 'not subject to VAT', no line may have another VAT category.", root));
        if (inv.AllowanceCharges.Any(a => !a.IsCharge && a.VatCategory is not null && !Is(a.VatCategory, "O")))
            findings.Add(Finding.Fatal("BR-O-13", "With 'not subject to VAT', no document allowance may have another VAT category.", root));
        if (inv.AllowanceCharges.Any(a => a.IsCharge && a.VatCategory is not null && !Is(a.VatCategory, "O")))
            findings.Add(Finding.Fatal("BR-O-14", "With 'not subject to VAT', no document charge may have another VAT category.", root));
    }

    private static bool IdsPresent(Invoice inv, string code)
    {
        var sellerVat = inv.Seller.VatId is not null || inv.TaxRepresentative?.VatId is not null;
        return code switch
        {
            "O" => inv.Seller.VatId is null && inv.TaxRepresentative?.VatId is null && inv.Buyer.VatId is null,
            "AE" => (sellerVat || inv.Seller.TaxRegistrationId is not null) && (inv.Buyer.VatId is not null || inv.Buyer.LegalId is not null),
            "K" => sellerVat && inv.Buyer.VatId is not null,
            "G" or "L" or "M" => sellerVat || inv.Seller.TaxRegistrationId is not null,
            _ => sellerVat,
        };
    }

    private static string IdsMessage(string code, string where) => code == "O"
        ? $"'Not subject to VAT' {where} must not go with a seller, tax representative or buyer VAT identifier."
        : $"VAT category {code} on {where} needs the seller's VAT identifier (or tax representative's){(code is "AE" or "K" ? " and the buyer's" : "")}.";

    private static bool RateOk(Category c, decimal? rate) => c.Code switch
    {
        "S" => rate > 0m,
        "L" or "M" => rate >= 0m,
        "O" => rate is null,
        _ => rate == 0m,
    };

    private static string RateMessage(Category c, string what) => c.Code switch
    {
        "S" => $"Standard rated {what} needs a VAT rate above zero.",
        "L" or "M" => $"VAT category {c.Code} on {what} needs a VAT rate of 0 or more.",
        "O" => $"'Not subject to VAT' {what} must not have a VAT rate.",
        _ => $"VAT category {c.Code} on {what} must have VAT rate 0.",
    };

    private static bool Is(string? value, string code) => string.Equals(value, code, StringComparison.Ordinal);
}
