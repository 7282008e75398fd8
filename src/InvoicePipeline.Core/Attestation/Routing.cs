using System.Globalization;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Attestation;

public sealed record RoutingResult(InvoiceStatus Status, InvoiceIssue? NoApprover, Explanation Why);

/// <summary>
/// Where an invoice goes after matching and coding. With exceptions: the most severe exception's status. Matched
/// within tolerance to an order or a subscription: attested by policy (the order or contract was approved when it was
/// made). Otherwise it needs a person: awaiting attestation when someone holds authority for every cost centre and
/// the amount, else NO_APPROVER.
/// </summary>
public static class Routing
{
    public static RoutingResult Route(IReadOnlyList<InvoiceIssue> issues, MatchKind match, bool autoAttestMatched, IReadOnlyList<string> costCentres,
        decimal? ledgerAmountExclVat, IReadOnlyList<Approver> approvers, DateOnly date, string policyVersion, decimal autoAttestMaxAmount = decimal.MaxValue)
    {
        if (ExceptionCode.MostSevere(issues.Select(i => i.Code)) is { } worst)
            return new(worst, null, new("routing", "exceptions", $"{string.Join(", ", issues.Select(i => i.Code).Distinct())} → {worst}"));
        if (autoAttestMatched && match is MatchKind.Order or MatchKind.Subscription && Math.Abs(ledgerAmountExclVat ?? 0) <= autoAttestMaxAmount)
            return new(InvoiceStatus.Attested, null, new("attestation", "auto-attest", $"matched to an {match.Name()} within tolerance; policy {policyVersion} attests it without a person"));
        var amount = Math.Abs(ledgerAmountExclVat ?? 0);
        var missing = costCentres.Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(cc => !approvers.Any(a => a.Role == ApproverRole.Approver && a.IsValidOn(date) && a.Covers(cc) && a.MaxAmount >= amount)).ToList();
        if (costCentres.Count > 0 && missing.Count == 0)
            return new(InvoiceStatus.AwaitingAttestation, null, new("attestation", "approver", string.Create(CultureInfo.InvariantCulture, $"needs attestation: an approver holds authority for {string.Join(", ", costCentres.Distinct())} and {amount:0.00}")));
        var reason = string.Create(CultureInfo.InvariantCulture, $"nobody holds attestation authority for cost centre(s) {string.Join(", ", missing.DefaultIfEmpty("(none coded)"))} and {amount:0.00}");
        return new(InvoiceStatus.AwaitingReview, new InvoiceIssue(ExceptionCode.NoApprover, reason), new("attestation", ExceptionCode.NoApprover, reason));
    }
}
