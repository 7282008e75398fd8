using System.Globalization;
using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Matching;

public sealed record SubscriptionMatch(Subscription? Subscription, string? PeriodKey, IReadOnlyList<InvoiceIssue> Issues, IReadOnlyList<Explanation> Explanations)
{
    public bool Matched => Subscription is not null;
}

/// <summary>
/// Matches an invoice to a recurring contract: by the contract reference, else the supplier's only active
/// subscription whose amount fits. The period comes from the invoice period, else the issue date; a period invoiced
/// before is SUBSCRIPTION_PERIOD_INVOICED; an amount outside the subscription's tolerance is SUBSCRIPTION_VARIANCE.
/// </summary>
public static class SubscriptionMatcher
{
    public static SubscriptionMatch Match(Invoice invoice, string supplierId, IReadOnlyList<Subscription> subscriptions, IReadOnlySet<string> invoicedPeriods)
    {
        var date = invoice.Period?.Start ?? invoice.IssueDate;
        var active = subscriptions.Where(s => s.SupplierId == supplierId && s.IsActiveOn(date)).ToList();
        var net = invoice.Totals.TaxExclusive;
        Subscription? sub = null;
        string how;
        if (invoice.ContractReference is { Length: > 0 } contract && active.FirstOrDefault(s => string.Equals(s.ContractRef, contract, StringComparison.OrdinalIgnoreCase)) is { } byRef)
        {
            sub = byRef;
            how = $"contract reference {contract}";
        }
        else
        {
            var fitting = active.Where(s => s.Currency == invoice.Currency && Math.Abs(net - s.AmountExclVat) <= s.AmountExclVat * s.TolerancePct / 100m).ToList();
            if (fitting.Count != 1) return new(null, null, [], []);
            sub = fitting[0];
            how = "the only active subscription of the supplier whose amount fits";
        }
        var period = PeriodKey(sub, date);
        var issues = new List<InvoiceIssue>();
        var explanations = new List<Explanation> { new("matching", "subscription", $"subscription {sub.SubscriptionId} by {how}, period {period}") };
        if (sub.Currency != invoice.Currency)
            issues.Add(new(ExceptionCode.CurrencyMismatch, $"subscription {sub.SubscriptionId} is in {sub.Currency}, the invoice in {invoice.Currency}"));
        var allowed = sub.AmountExclVat * sub.TolerancePct / 100m;
        var text = string.Create(CultureInfo.InvariantCulture, $"subscription {sub.SubscriptionId}: {sub.AmountExclVat:0.00} per {sub.Period.ToString().ToLowerInvariant()}, invoiced {net:0.00} excl. VAT, allowed ±{allowed:0.00} ({sub.TolerancePct} %)");
        if (Math.Abs(net - sub.AmountExclVat) > allowed) issues.Add(new(ExceptionCode.SubscriptionVariance, text));
        else explanations.Add(new("matching", "subscription-amount", text));
        if (invoicedPeriods.Contains(sub.SubscriptionId + "|" + period))
            issues.Add(new(ExceptionCode.SubscriptionPeriodInvoiced, $"subscription {sub.SubscriptionId} period {period} was already invoiced"));
        return new(sub, period, issues, explanations);
    }

    /// <summary>2026-11 (monthly), 2026-Q4 (quarterly), 2026 (yearly).</summary>
    public static string PeriodKey(Subscription s, DateOnly date) => s.Period switch
    {
        SubscriptionPeriod.Monthly => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        SubscriptionPeriod.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{date.Year}-Q{(date.Month - 1) / 3 + 1}"),
        _ => date.Year.ToString(CultureInfo.InvariantCulture),
    };
}
