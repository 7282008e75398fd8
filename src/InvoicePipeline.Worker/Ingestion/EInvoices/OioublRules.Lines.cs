namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>OIOUBL invoice and credit note lines: identity, quantity with unit, amount, item, price.</summary>
internal static partial class OioublRules
{
    private static void CheckLines(XmlRuleContext x)
    {
        var inv = !x.IsCreditNote;
        var hasOrderReference = x.Root.El("OrderReference") is not null;
        foreach (var line in x.Root.Els(x.LineName))
        {
            var qty = line.El(inv ? "InvoicedQuantity" : "CreditedQuantity");
            if (inv ? qty.Text() is null : qty is null || qty.Value.Length == 0)
                x.Fatal(Id(x, "F-INV137", "F-CRN196"), "The line quantity must have a value.", line);
            if (line.El("TaxTotal") is null) x.Fatal(Id(x, "F-INV138", "F-CRN081"), "A line needs at least one TaxTotal.", line);
            var billed = line.El("BillingReference") is not null;
            if (inv && line.Els("Price").Count != 1) x.Fatal("F-INV139", "A line needs exactly one Price.", line);
            if (!inv && line.El("Price") is null && !billed) x.Fatal("F-CRN083", "A credit note line needs a Price unless it has a BillingReference.", line);
            if (!inv && line.El("Item") is null && !billed) x.Fatal("F-CRN082", "A credit note line needs an Item unless it has a BillingReference.", line);
            if (line.El("ID").Text() is null) x.Fatal(Id(x, "F-INV140", "F-CRN084"), "The line ID must have a value.", line);
            if (line.El("AccountingCost") is not null && line.El("AccountingCostCode") is not null)
                x.Fatal("F-LIB021", "Use either AccountingCost or AccountingCostCode, not both.", line);
            if (inv && line.El("OrderLineReference") is not null && !hasOrderReference)
                x.Fatal("F-INV142", "A line with an OrderLineReference needs the document's OrderReference.", line);
            if (inv && line.El("PaymentTerms") is not null) x.Fatal("F-INV135", "PaymentTerms are not allowed on a line.", line);
            if (!inv && line.El("LineExtensionAmount").Text() is null) x.Fatal("F-CRN207", "The line's LineExtensionAmount must have a value.", line);
            if (qty is not null)
            {
                if (qty.AttributeValue("unitCode") is null) x.Fatal("F-LIB007", "The quantity needs a unitCode attribute.", qty);
                if (qty.Dec() == 0m) x.Fatal(Id(x, "F-INV147", "F-CRN088"), "The line quantity must not be zero.", qty);
            }
            if (line.El("LineExtensionAmount") is { } lea)
            {
                if (Decimals(lea) < 2) x.Fatal(Id(x, "F-INV149", "F-CRN089"), "The line's LineExtensionAmount must have at least 2 decimals.", lea);
                if (!inv && Decimals(lea) > 4) x.Fatal("F-CRN090", "The line's LineExtensionAmount may have no more than 4 decimals.", lea);
            }
            if (line.El("Item") is { } item && item.El("Name").Text() is null)
                x.Fatal(Id(x, "F-INV163", "F-CRN110"), "The item's Name must have a value.", item);
            if (line.El("Price") is { } price)
            {
                if (price.El("BaseQuantity") is { } bq)
                {
                    if (bq.AttributeValue("unitCode") is null) x.Fatal("F-LIB007", "The base quantity needs a unitCode attribute.", bq);
                    if (bq.Value.StartsWith('-') || bq.Dec() == 0m) x.Fatal("F-LIB019", "BaseQuantity must not be negative or zero.", bq);
                }
                if (price.El("OrderableUnitFactorRate") is { } rate && (rate.Value.StartsWith('-') || rate.Dec() == 0m))
                    x.Fatal("F-LIB019", "OrderableUnitFactorRate must not be negative or zero.", rate);
            }
            CheckLineAmount(x, line, qty);
        }
    }

    /// <summary>
    /// The line amount against quantity × price (±1) when no pricing exchange rate is given (F-INV340/F-CRN210 when
    /// the base quantity has the quantity's unit, F-INV343/F-CRN194 with another unit and the orderable unit factor,
    /// F-INV348/F-CRN216 otherwise). In OIOUBL the price is net: line allowances and charges are not part of this.
    /// </summary>
    private static void CheckLineAmount(XmlRuleContext x, UblElement line, UblElement? qty)
    {
        if (x.Root.El("PricingExchangeRate") is not null) return;
        if (line.El("FreeOfChargeIndicator") is { } free && free.Value != "false") return;
        var price = line.El("Price");
        if (Num(qty) is not { } quantity || Num(price.El("PriceAmount")) is not { } amount || Num(line.El("LineExtensionAmount")) is not { } lea) return;
        var qtyUnit = qty!.AttributeValue("unitCode");
        var baseQty = price.El("BaseQuantity");
        var baseUnit = baseQty?.AttributeValue("unitCode");
        string rule;
        double expected;
        if (qtyUnit is not null && baseUnit is not null && qtyUnit != baseUnit)
        {
            if (Num(price.El("OrderableUnitFactorRate")) is not { } factor) return;
            (rule, expected) = (Id(x, "F-INV343", "F-CRN194"), amount * quantity * factor);
        }
        else
        {
            // Without a base quantity the Invoice artefact divides by 1; the CreditNote one has nothing to divide by and skips.
            if ((baseQty is null ? x.IsCreditNote ? null : 1d : Num(baseQty)) is not { } perQty) return;
            var same = qtyUnit is not null && baseUnit is not null;
            (rule, expected) = (same ? Id(x, "F-INV340", "F-CRN210") : Id(x, "F-INV348", "F-CRN216"), amount * quantity / perQty);
        }
        // As the artefact compares (a zero base quantity gives an infinite expectation, and so a finding).
        if (Round2(lea) < expected - 1d || Round2(lea) > expected + 1d)
            x.Fatal(rule, $"Line amount {lea} must equal quantity × price ({Math.Round(expected, 2)}) within ±1.", line.El("LineExtensionAmount"));
    }
}
