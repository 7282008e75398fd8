using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Coding;

/// <summary>Past postings of a supplier: the most frequent coding per item (and overall), to code what nothing else codes.</summary>
public sealed class CodingHistory
{
    private readonly Dictionary<(string Supplier, string Item), Coding> _byItem = [];
    private readonly Dictionary<string, Coding> _bySupplier = new(StringComparer.Ordinal);

    /// <param name="postedLines">(supplier, item id, coding, count) of posted invoice lines.</param>
    public CodingHistory(IEnumerable<(string Supplier, string? Item, Coding Coding, int Count)> postedLines)
    {
        var rows = postedLines.ToList();
        foreach (var g in rows.Where(r => r.Item is not null).GroupBy(r => (r.Supplier, r.Item!)))
            _byItem[g.Key] = g.OrderByDescending(r => r.Count).ThenBy(r => r.Coding.Account, StringComparer.Ordinal).First().Coding;
        foreach (var g in rows.GroupBy(r => r.Supplier, StringComparer.Ordinal))
            _bySupplier[g.Key] = g.GroupBy(r => r.Coding).OrderByDescending(c => c.Sum(r => r.Count)).ThenBy(c => c.Key.Account, StringComparer.Ordinal).First().Key;
    }

    public Coding? For(string supplier, string? item) =>
        (item is not null ? _byItem.GetValueOrDefault((supplier, item)) : null) ?? _bySupplier.GetValueOrDefault(supplier);
}

/// <summary>
/// Codes a line: from its order line, else the subscription, else the buyer's accounting-cost hint
/// ("account;cost centre;project", "/" also accepted, the account must exist), else the supplier's default, else
/// the most frequent coding of the supplier's (and item's) earlier posted invoices. The source is kept.
/// </summary>
public static class LineCoder
{
    public static (Coding? Coding, CodingSource? Source, Explanation Why) Code(Invoice invoice, InvoiceLine line, OpenOrderLine? orderLine, Subscription? subscription,
        Supplier? supplier, IReadOnlySet<string> knownAccounts, CodingHistory history)
    {
        if (orderLine?.Line.Account is { Length: > 0 } pa)
            return Done(new Coding(pa, orderLine.Line.CostCentre ?? supplier?.DefaultCostCentre, orderLine.Line.Project), CodingSource.OrderLine, $"order line {orderLine.Line.PoNumber}/{orderLine.Line.PoLine}", line);
        if (subscription?.Account is { Length: > 0 } sa)
            return Done(new Coding(sa, subscription.CostCentre ?? supplier?.DefaultCostCentre, subscription.Project), CodingSource.Subscription, $"subscription {subscription.SubscriptionId}", line);
        if (Hint(line.AccountingCost ?? invoice.AccountingCost, knownAccounts) is { } hinted)
            return Done(hinted with { CostCentre = hinted.CostCentre ?? supplier?.DefaultCostCentre }, CodingSource.AccountingCostHint, $"the buyer's accounting cost '{line.AccountingCost ?? invoice.AccountingCost}'", line);
        if (supplier?.DefaultAccount is { Length: > 0 } da)
            return Done(new Coding(da, supplier.DefaultCostCentre, null), CodingSource.SupplierDefault, $"supplier {supplier.SupplierId}'s default", line);
        if (supplier is not null && history.For(supplier.SupplierId, line.SellersItemId) is { } h)
            return Done(h, CodingSource.History, $"the most frequent coding of {supplier.SupplierId}'s earlier invoices", line);
        return (null, null, new Explanation("coding", "missing", $"line {line.Id}: no order line, subscription, accounting-cost hint, supplier default or history codes it"));
    }

    /// <summary>
    /// Codes a document-level charge or allowance (BG-20/BG-21) like a line: the coding of the order it belongs to (the
    /// first matched order line's), else the subscription's, else the account configured for its reason code (with the
    /// supplier's default cost centre), else the supplier's default.
    /// </summary>
    public static (Coding? Coding, CodingSource? Source, Explanation Why) CodeCharge(AllowanceCharge charge, string lineId, OpenOrderLine? orderLine,
        Subscription? subscription, Supplier? supplier, IReadOnlyDictionary<string, string> chargeAccounts)
    {
        var what = $"{(charge.IsCharge ? "charge" : "allowance")} {lineId} ({charge.ReasonCode ?? charge.Reason ?? "no reason"})";
        if (orderLine?.Line.Account is { Length: > 0 } pa)
            return Coded(new Coding(pa, orderLine.Line.CostCentre ?? supplier?.DefaultCostCentre, orderLine.Line.Project), CodingSource.OrderLine, $"order {orderLine.Line.PoNumber}", what);
        if (subscription?.Account is { Length: > 0 } sa)
            return Coded(new Coding(sa, subscription.CostCentre ?? supplier?.DefaultCostCentre, subscription.Project), CodingSource.Subscription, $"subscription {subscription.SubscriptionId}", what);
        if (charge.ReasonCode is { Length: > 0 } code && chargeAccounts.TryGetValue(code, out var ca))
            return Coded(new Coding(ca, supplier?.DefaultCostCentre, null), CodingSource.ChargeReason, $"the account configured for reason code {code}", what);
        if (supplier?.DefaultAccount is { Length: > 0 } da)
            return Coded(new Coding(da, supplier.DefaultCostCentre, null), CodingSource.SupplierDefault, $"supplier {supplier.SupplierId}'s default", what);
        return (null, null, new Explanation("coding", "missing", $"{what}: no order, subscription, reason-code account or supplier default codes it"));
    }

    /// <summary>The net a document-level allowance or charge adds to the document (an allowance subtracts), as stated.</summary>
    public static decimal ChargeNet(AllowanceCharge charge) => charge.IsCharge ? charge.Amount : -charge.Amount;

    private static (Coding?, CodingSource?, Explanation) Coded(Coding c, CodingSource source, string from, string what) =>
        (c, source, new Explanation("coding", source.ToString(), $"{what}: account {c.Account}, cost centre {c.CostCentre ?? "-"}, project {c.Project ?? "-"} from {from}"));

    private static (Coding?, CodingSource?, Explanation) Done(Coding c, CodingSource source, string from, InvoiceLine line) =>
        (c, source, new Explanation("coding", source.ToString(), $"line {line.Id}: account {c.Account}, cost centre {c.CostCentre ?? "-"}, project {c.Project ?? "-"} from {from}"));

    /// <summary>"6540;CC300;P-12" or "6540/CC300": a coding when the account is one of ours.</summary>
    public static Coding? Hint(string? text, IReadOnlySet<string> knownAccounts)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var parts = text.Split([';', '/'], StringSplitOptions.TrimEntries);
        if (!knownAccounts.Contains(parts[0])) return null;
        return new Coding(parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null);
    }
}
