using System.Globalization;
using InvoicePipeline.Attestation;
using InvoicePipeline.Coding;
using InvoicePipeline.Duplicates;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.MasterData;
using InvoicePipeline.Worker.Hosting;

namespace InvoicePipeline.Worker.Processing;

/// <summary>What the pipeline decided for one invoice: supplier, match, coded lines, exceptions, explanations, status.</summary>
public sealed class InvoiceDecision
{
    public Supplier? Supplier { get; set; }
    public string Match { get; set; } = "none";
    public string? MatchRef { get; set; }
    public string? SubscriptionPeriod { get; set; }
    public string PolicyVersion { get; set; } = "";
    public List<InvoiceIssue> Issues { get; } = [];
    public List<(string Step, string Rule, string Explanation)> Explanations { get; } = [];
    public List<DecidedLine> Lines { get; } = [];
    public decimal? LedgerAmountExclVat { get; set; }
    public InvoiceStatus Status { get; set; }
    public string? DuplicateKey { get; set; }
    /// <summary>The earlier invoice a DUPLICATE duplicates.</summary>
    public long? DuplicateOf { get; set; }
    public InvoiceKey? Key { get; set; }

    public void Raise(string code, string reason, string step)
    {
        Issues.Add(new InvoiceIssue(code, reason));
        Explanations.Add((step, code, reason));
    }

    public void Explain(Explanation e) => Explanations.Add((e.Step, e.Rule, e.Text));
}

public sealed record DecidedLine(InvoiceLine Line, string? PoNumber, string? PoLine, string? Account, string? CostCentre, string? Project, string? Source, LineKind Kind = LineKind.Line);

/// <summary>
/// One invoice through the core's rules against the chunk's master data: supplier identification, duplicates,
/// order or subscription matching, coding, routing and attestation by policy. Every decision is explained.
/// </summary>
public static class InvoiceDecider
{
    public static InvoiceDecision Decide(Invoice invoice, ProcessingContext ctx, PipelineOptions options, IReadOnlyList<InvoiceIssue>? intakeIssues = null)
    {
        var d = new InvoiceDecision();
        foreach (var issue in intakeIssues ?? []) d.Raise(issue.Code, issue.Reason, "intake");
        var policy = ctx.Policies.On(invoice.IssueDate);
        d.PolicyVersion = policy.Version;
        var supplier = ctx.Identification.Identify(invoice);
        d.Supplier = supplier.Supplier;
        foreach (var issue in supplier.Issues) d.Raise(issue.Code, issue.Reason, "supplier");
        if (d.Supplier is not null)
        {
            d.Explanations.Add(("supplier", "identified", $"supplier {d.Supplier.SupplierId} by {supplier.MatchedBy}"));
            var key = InvoiceKey.For(d.Supplier.SupplierId, invoice);
            var found = ctx.AcceptedKeys.Find(key);
            var duplicate = found?.Issue;
            if (duplicate is not null) d.Raise(duplicate.Code, duplicate.Reason, "duplicates");
            if (duplicate?.Code == ExceptionCode.Duplicate) d.DuplicateOf = found!.Earlier.InvoiceId;
            else
            {
                d.DuplicateKey = key.Stored;
                d.Key = key;
            }
        }

        var isDuplicate = d.Issues.Any(i => i.Code == ExceptionCode.Duplicate);
        OrderMatch? order = null;
        SubscriptionMatch? subscription = null;
        if (d.Supplier is not null && !isDuplicate)
        {
            order = OrderMatcher.Match(invoice, d.Supplier.SupplierId, ctx.Orders, policy);
            if (order.Matched)
            {
                d.Match = "order";
                d.MatchRef = order.PoNumber;
                foreach (var i in order.Issues) d.Raise(i.Code, i.Reason, "matching");
                foreach (var e in order.Explanations) d.Explain(e);
            }
            else
            {
                subscription = SubscriptionMatcher.Match(invoice, d.Supplier.SupplierId, ctx.Subscriptions[d.Supplier.SupplierId].ToList(), ctx.InvoicedPeriods);
                if (subscription.Matched)
                {
                    d.Match = "subscription";
                    d.MatchRef = subscription.Subscription!.SubscriptionId;
                    d.SubscriptionPeriod = subscription.PeriodKey;
                    foreach (var i in subscription.Issues) d.Raise(i.Code, i.Reason, "matching");
                    foreach (var e in subscription.Explanations) d.Explain(e);
                    ctx.InvoicedPeriods.Add(d.MatchRef + "|" + d.SubscriptionPeriod);
                }
                else
                {
                    foreach (var e in order.Explanations) d.Explain(e);
                    d.Raise(ExceptionCode.NoMatch, invoice.OrderReference is null
                        ? "neither an order nor a subscription matches" + (order.Suggestions.Count == 0 ? "" : "; candidates: " + string.Join(", ", order.Suggestions))
                        : order.Explanations[0].Text, "matching");
                }
            }
        }

        var matchedLines = order?.Matched == true ? order.Lines.ToDictionary(l => l.Line, l => l.OrderLine) : [];
        var uncoded = new List<string>();
        foreach (var line in invoice.Lines)
        {
            var orderLine = matchedLines.GetValueOrDefault(line);
            var (coding, source, why) = LineCoder.Code(invoice, line, orderLine, subscription?.Subscription, d.Supplier, ctx.Accounts, ctx.History);
            d.Explain(why);
            if (coding is null || coding.CostCentre is null) uncoded.Add(line.Id);
            d.Lines.Add(new DecidedLine(line, orderLine?.Line.PoNumber, orderLine?.Line.PoLine, coding?.Account, coding?.CostCentre, coding?.Project, source?.ToString()));
        }
        // Document-level charges and allowances (BG-20/BG-21) are coded like lines and posted like lines.
        var firstOrderLine = order?.Matched == true ? order.Lines.Select(l => l.OrderLine).FirstOrDefault(l => l is not null) : null;
        for (var i = 0; i < invoice.AllowanceCharges.Count; i++)
        {
            var charge = invoice.AllowanceCharges[i];
            var chargeLine = new InvoiceLine
            {
                Id = (charge.IsCharge ? "charge " : "allowance ") + (i + 1).ToString(CultureInfo.InvariantCulture),
                Quantity = 1, NetAmount = LineCoder.ChargeNet(charge), ItemName = charge.Reason ?? charge.ReasonCode,
                SellersItemId = charge.ReasonCode, VatCategory = charge.VatCategory, VatRate = charge.VatRate,
            };
            var (coding, source, why) = LineCoder.CodeCharge(charge, chargeLine.Id, firstOrderLine, subscription?.Subscription, d.Supplier, options.Posting.ChargeAccounts);
            d.Explain(why);
            if (coding is null || coding.CostCentre is null) uncoded.Add(chargeLine.Id);
            d.Lines.Add(new DecidedLine(chargeLine, null, null, coding?.Account, coding?.CostCentre, coding?.Project, source?.ToString(),
                charge.IsCharge ? LineKind.Charge : LineKind.Allowance));
        }
        if (uncoded.Count > 0 && d.Supplier is not null && !isDuplicate)
            d.Raise(ExceptionCode.MissingCoding, $"no account and cost centre could be derived for line(s) {string.Join(", ", uncoded)}", "coding");

        var rate = LedgerRate(invoice, ctx, options, d);
        d.LedgerAmountExclVat = rate is null ? null : Money.Round(invoice.Totals.TaxExclusive * rate.Value * invoice.Sign);

        var routed = Routing.Route(d.Issues, d.Match, options.Attestation.AutoAttestMatched,
            d.Lines.Select(l => l.CostCentre).OfType<string>().ToList(), d.LedgerAmountExclVat, ctx.Approvers, invoice.IssueDate, policy.Version, options.Attestation.AutoAttestMaxAmount);
        if (routed.NoApprover is { } noApprover) d.Issues.Add(noApprover);
        d.Explain(routed.Why);
        d.Status = routed.Status;
        if (d.Status is InvoiceStatus.Rejected or InvoiceStatus.Duplicate) d.DuplicateKey = null;
        return d;
    }

    private static decimal? LedgerRate(Invoice invoice, ProcessingContext ctx, PipelineOptions options, InvoiceDecision d)
    {
        if (string.Equals(invoice.Currency, options.Posting.LedgerCurrency, StringComparison.Ordinal)) return 1m;
        // The one rule posting uses too (ExchangeRateTable): the latest rate on or before the issue date, at most N days old.
        var found = ctx.ExchangeRates.Find(invoice.Currency, invoice.IssueDate);
        if (found is not { } rate)
        {
            d.Raise(ExceptionCode.MissingExchangeRate, ctx.ExchangeRates.Missing(invoice.Currency, invoice.IssueDate), "currency");
            return null;
        }
        d.Explanations.Add(("currency", "rate", string.Create(CultureInfo.InvariantCulture,
            $"{invoice.Currency} at {rate.Rate} {options.Posting.LedgerCurrency} of {rate.PublishedOn:yyyy-MM-dd} (issue date {invoice.IssueDate:yyyy-MM-dd})")));
        return rate.Rate;
    }
}
