using System.Globalization;
using InvoicePipeline.Attestation;
using InvoicePipeline.Coding;
using InvoicePipeline.Duplicates;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;

namespace InvoicePipeline.Decisions;

/// <summary>
/// One invoice through the core's rules against the chunk's state: supplier identification, duplicates, order or
/// subscription matching, coding, the ledger rate, routing and attestation by policy. Every decision is explained.
/// Pure: it reads the context and returns the decision; the caller accepts it (<see cref="DecisionContext.Accept"/>).
/// </summary>
public static class InvoiceDecider
{
    public static InvoiceDecision Decide(Invoice invoice, DecisionContext ctx, DecisionPolicy policy, IReadOnlyList<InvoiceIssue>? intakeIssues = null)
    {
        var issues = new List<InvoiceIssue>();
        var explanations = new List<Explanation>();
        void Raise(string code, string reason, string step)
        {
            issues.Add(new InvoiceIssue(code, reason));
            explanations.Add(new Explanation(step, code, reason));
        }

        foreach (var issue in intakeIssues ?? []) Raise(issue.Code, issue.Reason, "intake");
        var tolerance = policy.Tolerances.On(invoice.IssueDate);
        var identified = ctx.Identification.Identify(invoice);
        var supplier = identified.Supplier;
        foreach (var issue in identified.Issues) Raise(issue.Code, issue.Reason, "supplier");
        string? duplicateKey = null;
        InvoiceKey? key = null;
        long? duplicateOf = null;
        if (supplier is not null)
        {
            explanations.Add(new("supplier", "identified", $"supplier {supplier.SupplierId} by {identified.MatchedBy}"));
            var candidate = InvoiceKey.For(supplier.SupplierId, invoice);
            var found = ctx.AcceptedKeys.Find(candidate);
            var duplicate = found?.Issue;
            if (duplicate is not null) Raise(duplicate.Code, duplicate.Reason, "duplicates");
            if (duplicate?.Code == ExceptionCode.Duplicate) duplicateOf = found!.Earlier.InvoiceId;
            else
            {
                duplicateKey = candidate.Stored;
                key = candidate;
            }
        }

        var isDuplicate = issues.Any(i => i.Code == ExceptionCode.Duplicate);
        var match = MatchKind.None;
        string? matchRef = null, period = null;
        OrderMatch? order = null;
        SubscriptionMatch? subscription = null;
        if (supplier is not null && !isDuplicate)
        {
            order = OrderMatcher.Propose(invoice, supplier.SupplierId, ctx.Orders, tolerance);
            if (order.Matched)
            {
                (match, matchRef) = (MatchKind.Order, order.PoNumber);
                foreach (var i in order.Issues) Raise(i.Code, i.Reason, "matching");
                explanations.AddRange(order.Explanations);
            }
            else
            {
                subscription = SubscriptionMatcher.Match(invoice, supplier.SupplierId, ctx.Subscriptions[supplier.SupplierId].ToList(), ctx.InvoicedPeriods);
                if (subscription.Matched)
                {
                    (match, matchRef, period) = (MatchKind.Subscription, subscription.Subscription!.SubscriptionId, subscription.PeriodKey);
                    foreach (var i in subscription.Issues) Raise(i.Code, i.Reason, "matching");
                    explanations.AddRange(subscription.Explanations);
                }
                else
                {
                    explanations.AddRange(order.Explanations);
                    Raise(ExceptionCode.NoMatch, invoice.OrderReference is null
                        ? "neither an order nor a subscription matches" + (order.Suggestions.Count == 0 ? "" : "; candidates: " + string.Join(", ", order.Suggestions))
                        : order.Explanations[0].Text, "matching");
                }
            }
        }

        var matchedLines = order?.Matched == true ? order.Lines.ToDictionary(l => l.Line, l => l.OrderLine) : [];
        var uncoded = new List<string>();
        var lines = new List<DecidedLine>(invoice.Lines.Count);
        foreach (var line in invoice.Lines)
        {
            var orderLine = matchedLines.GetValueOrDefault(line);
            var (coding, source, why) = LineCoder.Code(invoice, line, orderLine, subscription?.Subscription, supplier, ctx.Accounts, ctx.History);
            explanations.Add(why);
            if (coding is null || coding.CostCentre is null) uncoded.Add(line.Id);
            lines.Add(new DecidedLine(line, orderLine?.Line.PoNumber, orderLine?.Line.PoLine, coding?.Account, coding?.CostCentre, coding?.Project, source?.ToString()));
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
            var (coding, source, why) = LineCoder.CodeCharge(charge, chargeLine.Id, firstOrderLine, subscription?.Subscription, supplier,
                policy.ChargeAccountsByReason);
            explanations.Add(why);
            if (coding is null || coding.CostCentre is null) uncoded.Add(chargeLine.Id);
            lines.Add(new DecidedLine(chargeLine, null, null, coding?.Account, coding?.CostCentre, coding?.Project, source?.ToString(),
                charge.IsCharge ? LineKind.Charge : LineKind.Allowance));
        }
        if (uncoded.Count > 0 && supplier is not null && !isDuplicate)
            Raise(ExceptionCode.MissingCoding, $"no account and cost centre could be derived for line(s) {string.Join(", ", uncoded)}", "coding");

        var rate = LedgerRate(invoice, ctx, policy.LedgerCurrency, Raise, explanations);
        decimal? ledgerAmount = rate is null ? null : Money.Round(invoice.Totals.TaxExclusive * rate.Value * invoice.Sign);

        var routed = Routing.Route(issues, match, policy.AutoAttestMatched, lines.Select(l => l.CostCentre).OfType<string>().ToList(),
            ledgerAmount, ctx.Approvers, invoice.IssueDate, tolerance.Version, policy.AutoAttestMaxAmount);
        if (routed.NoApprover is { } noApprover) issues.Add(noApprover);
        explanations.Add(routed.Why);
        return new InvoiceDecision
        {
            Supplier = supplier, Match = match, MatchRef = matchRef, SubscriptionPeriod = period, PolicyVersion = tolerance.Version,
            Issues = issues, Explanations = explanations, Lines = lines, LedgerAmountExclVat = ledgerAmount, Status = routed.Status,
            DuplicateKey = routed.Status is InvoiceStatus.Rejected or InvoiceStatus.Duplicate ? null : duplicateKey, Key = key, DuplicateOf = duplicateOf,
            Consumed = order?.Matched == true ? order.Consumed : [],
        };
    }

    /// <summary>
    /// An invoice no organisation receives (organisations.md): UNKNOWN_BUYER with the registration's reason, awaiting
    /// review in the centre's queue. Nothing organisation-bound is decided (no supplier, order, coding or approver:
    /// they are the organisation's); the lines are kept uncoded until a person assigns the organisation.
    /// </summary>
    public static InvoiceDecision ForUnknownBuyer(Invoice invoice, string reason, IReadOnlyList<InvoiceIssue>? intakeIssues = null)
    {
        var issues = new List<InvoiceIssue>(intakeIssues ?? []) { new(ExceptionCode.UnknownBuyer, reason) };
        var explanations = issues.Select(i => new Explanation(i.Code == ExceptionCode.UnknownBuyer ? "registration" : "intake", i.Code, i.Reason)).ToList();
        return new InvoiceDecision
        {
            Status = InvoiceStatus.AwaitingReview, Issues = issues, Explanations = explanations,
            Lines = [.. invoice.Lines.Select(l => new DecidedLine(l, null, null, null, null, null, null))],
        };
    }

    /// <summary>
    /// 1 in the ledger currency; else the one rate rule posting uses too (<see cref="Posting.ExchangeRateTable"/>): the
    /// latest rate on or before the issue date, at most N days old, or MISSING_EXCHANGE_RATE.
    /// </summary>
    private static decimal? LedgerRate(Invoice invoice, DecisionContext ctx, string ledgerCurrency, Action<string, string, string> raise, List<Explanation> explanations)
    {
        if (string.Equals(invoice.Currency, ledgerCurrency, StringComparison.Ordinal)) return 1m;
        if (ctx.ExchangeRates.Find(invoice.Currency, invoice.IssueDate) is not { } rate)
        {
            raise(ExceptionCode.MissingExchangeRate, ctx.ExchangeRates.Missing(invoice.Currency, invoice.IssueDate), "currency");
            return null;
        }
        explanations.Add(new("currency", "rate", string.Create(CultureInfo.InvariantCulture,
            $"{invoice.Currency} at {rate.Rate} {ledgerCurrency} of {rate.PublishedOn:yyyy-MM-dd} (issue date {invoice.IssueDate:yyyy-MM-dd})")));
        return rate.Rate;
    }
}
