using System.Globalization;
using InvoicePipeline.Invoices;

namespace InvoicePipeline.Matching;

public sealed record LineMatch(InvoiceLine Line, OpenOrderLine? OrderLine);

public sealed record OrderMatch(string? PoNumber, IReadOnlyList<LineMatch> Lines, IReadOnlyList<InvoiceIssue> Issues, IReadOnlyList<Explanation> Explanations, IReadOnlyList<string> Suggestions)
{
    public bool Matched => PoNumber is not null;

    /// <summary>The quantity each matched order line gives this invoice (negative for a credit note).</summary>
    public IReadOnlyList<OrderConsumption> Consumed { get; init; } = [];
}

/// <summary>A quantity an invoice takes from an order line (a credit note gives it back: negative).</summary>
public sealed record OrderConsumption(OpenOrderLine Line, decimal Quantity);

/// <summary>
/// Matches an invoice to a purchase order. Header: by the order reference; without one, among the supplier's open
/// orders, automatically only when exactly one order fits exactly (otherwise NO_MATCH with the ranked candidates as
/// suggestions). Lines: by order-line reference, else item id, else the closest unused order line by price and
/// quantity. Two-way: price within tolerance, quantity within ordered minus invoiced. Three-way when the order has
/// goods receipts: quantity within received minus invoiced.
/// </summary>
public static class OrderMatcher
{
    /// <summary>Matches and takes the matched quantities from the book, so the next invoice sees what this one used.</summary>
    public static OrderMatch Match(Invoice invoice, string supplierId, OrderBook book, TolerancePolicy policy)
    {
        var match = Propose(invoice, supplierId, book, policy);
        OrderBook.Consume(match.Consumed);
        return match;
    }

    /// <summary>Matches without changing the book: <see cref="OrderMatch.Consumed"/> says what accepting it takes.</summary>
    public static OrderMatch Propose(Invoice invoice, string supplierId, OrderBook book, TolerancePolicy policy)
    {
        var explanations = new List<Explanation>();
        List<OpenOrderLine> order;
        string po;
        if (invoice.OrderReference is { Length: > 0 } reference)
        {
            order = book.Order(reference).Where(l => l.Line.SupplierId == supplierId).ToList();
            if (order.Count == 0)
                return NoMatch(invoice, $"order {reference} is not an order of supplier {supplierId}", Rank(invoice, book.ForSupplier(supplierId)));
            po = reference;
            explanations.Add(new("matching", "order-reference", $"order {po} named by the invoice"));
        }
        else
        {
            var fits = book.ForSupplier(supplierId).GroupBy(l => l.Line.PoNumber, StringComparer.Ordinal)
                .Where(g => FitsExactly(invoice, g.ToList())).Select(g => g.Key).ToList();
            if (fits.Count != 1)
                return NoMatch(invoice, fits.Count == 0 ? "the invoice names no order and no open order of the supplier fits it exactly"
                    : $"the invoice names no order and {fits.Count} open orders fit it: a person must choose", Rank(invoice, book.ForSupplier(supplierId)));
            po = fits[0];
            order = book.Order(po).ToList();
            explanations.Add(new("matching", "order-search", $"no order reference; order {po} is the only open order of {supplierId} that fits exactly"));
        }

        var issues = new List<InvoiceIssue>();
        var used = new HashSet<OpenOrderLine>();
        var lines = new List<LineMatch>();
        var consumed = new List<OrderConsumption>();
        var threeWay = order.Any(l => l.Received is not null);
        foreach (var line in invoice.Lines)
        {
            var ol = Pick(line, order, used);
            if (ol is null)
            {
                lines.Add(new(line, null));
                issues.Add(new(ExceptionCode.QuantityVariance, $"line {line.Id}: no line of order {po} is left for it"));
                continue;
            }
            used.Add(ol);
            lines.Add(new(line, ol));
            consumed.Add(Check(invoice, line, ol, policy, threeWay, issues, explanations));
        }
        return new OrderMatch(po, lines, issues, explanations, []) { Consumed = consumed };
    }

    private static OrderConsumption Check(Invoice invoice, InvoiceLine line, OpenOrderLine ol, TolerancePolicy policy, bool threeWay, List<InvoiceIssue> issues, List<Explanation> explanations)
    {
        var o = ol.Line;
        var label = $"line {line.Id} ↔ {o.PoNumber}/{o.PoLine}";
        if (!string.Equals(o.Currency, invoice.Currency, StringComparison.Ordinal))
            issues.Add(new(ExceptionCode.CurrencyMismatch, $"{label}: invoice in {invoice.Currency}, order in {o.Currency}"));
        var quantity = line.Quantity * invoice.Sign;
        var ordered = Math.Abs(line.Quantity) * o.UnitPrice;
        var tolerance = policy.For(o.SupplierId, o.CostCentre, o.Account);
        var allowed = tolerance.Allowed(ordered);
        var difference = Math.Abs(line.NetAmount) - ordered;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{label}: {Math.Abs(line.Quantity)} × order price {o.UnitPrice} = {ordered:0.00}, invoiced {Math.Abs(line.NetAmount):0.00}, difference {difference:0.00}, allowed ±{allowed:0.00} ({tolerance.PricePercent} % + {tolerance.Absolute}, policy {policy.Version})");
        if (Math.Abs(difference) > allowed) issues.Add(new(ExceptionCode.PriceVariance, text));
        else explanations.Add(new("matching", "price", text));

        if (quantity > 0 && quantity > ol.OpenQuantity)
            issues.Add(new(ExceptionCode.QuantityVariance, string.Create(CultureInfo.InvariantCulture, $"{label}: quantity {quantity} exceeds ordered {o.Quantity} minus invoiced {ol.Invoiced}")));
        else
            explanations.Add(new("matching", "quantity", string.Create(CultureInfo.InvariantCulture, $"{label}: quantity {quantity} within ordered {o.Quantity} minus invoiced {ol.Invoiced}")));
        if (threeWay && quantity > 0)
        {
            var received = ol.Received ?? 0;
            if (quantity > received - ol.Invoiced)
                issues.Add(new(ExceptionCode.NotReceived, string.Create(CultureInfo.InvariantCulture, $"{label}: quantity {quantity} exceeds received {received} minus invoiced {ol.Invoiced}")));
            else
                explanations.Add(new("matching", "three-way", string.Create(CultureInfo.InvariantCulture, $"{label}: quantity {quantity} within received {received} minus invoiced {ol.Invoiced}")));
        }
        return new OrderConsumption(ol, quantity);
    }

    private static OpenOrderLine? Pick(InvoiceLine line, List<OpenOrderLine> order, HashSet<OpenOrderLine> used)
    {
        var free = order.Where(l => !used.Contains(l)).ToList();
        if (line.OrderLineReference is { Length: > 0 } r && free.FirstOrDefault(l => l.Line.PoLine == r) is { } byRef) return byRef;
        var item = line.SellersItemId ?? line.BuyersItemId ?? line.StandardItemId?.Value;
        if (item is not null && free.FirstOrDefault(l => string.Equals(l.Line.ItemId, item, StringComparison.OrdinalIgnoreCase)) is { } byItem) return byItem;
        var price = line.EffectiveUnitPrice ?? (line.Quantity == 0 ? 0 : line.NetAmount / line.Quantity);
        return free.OrderBy(l => Distance(l, price, Math.Abs(line.Quantity))).ThenBy(l => l.Line.PoLine, StringComparer.Ordinal).FirstOrDefault();
    }

    private static decimal Distance(OpenOrderLine l, decimal price, decimal quantity) =>
        (l.Line.UnitPrice == 0 ? Math.Abs(price) : Math.Abs(price - l.Line.UnitPrice) / l.Line.UnitPrice)
        + (l.OpenQuantity == 0 ? 1 : Math.Abs(quantity - l.OpenQuantity) / Math.Abs(l.OpenQuantity));

    /// <summary>Every invoice line finds its own order line with the same price and enough open quantity, and nothing is left over in value.</summary>
    private static bool FitsExactly(Invoice invoice, List<OpenOrderLine> order)
    {
        if (invoice.IsCreditNote || order.Count == 0 || order[0].Line.Currency != invoice.Currency) return false;
        var used = new HashSet<OpenOrderLine>();
        foreach (var line in invoice.Lines)
        {
            var price = line.EffectiveUnitPrice ?? (line.Quantity == 0 ? 0 : line.NetAmount / line.Quantity);
            var hit = order.FirstOrDefault(l => !used.Contains(l) && l.Line.UnitPrice == price && l.OpenQuantity >= line.Quantity && line.Quantity > 0);
            if (hit is null) return false;
            used.Add(hit);
        }
        return true;
    }

    private static List<string> Rank(Invoice invoice, IReadOnlyList<OpenOrderLine> lines) =>
        lines.GroupBy(l => l.Line.PoNumber, StringComparer.Ordinal)
            .Select(g => (Po: g.Key, Gap: Math.Abs(g.Sum(l => l.OpenValue) - invoice.Totals.LineExtension)))
            .Where(x => x.Gap < invoice.Totals.LineExtension * 10 + 1)
            .OrderBy(x => x.Gap).ThenBy(x => x.Po, StringComparer.Ordinal).Take(5)
            .Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.Po} (open value differs by {x.Gap:0.00})")).ToList();

    private static OrderMatch NoMatch(Invoice invoice, string why, List<string> suggestions) =>
        new(null, invoice.Lines.Select(l => new LineMatch(l, null)).ToList(), [], [new Explanation("matching", "order", why + (suggestions.Count == 0 ? "" : "; candidates: " + string.Join(", ", suggestions)))], suggestions);
}
