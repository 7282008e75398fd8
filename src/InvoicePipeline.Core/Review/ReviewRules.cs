using System.Globalization;
using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Review;

public enum ReviewAction
{
    Accept,
    Reject,
    Hold,
    Release,
    Attest,
    SendBack,
    /// <summary>Match to the order or subscription the person names (value: PO number or subscription id).</summary>
    PickMatch,
    /// <summary>Code lines by hand (value: "account;cost centre;project", or "line:account;cost centre;project").</summary>
    Recode,
    /// <summary>Correct fields read from a scan (value: "Field=value; Field=value"); the checks run again.</summary>
    CorrectScan,
    /// <summary>
    /// Assign the organisation of an UNKNOWN_BUYER invoice (value: organisation id); it is then processed against that
    /// organisation's master data as if it had arrived there.
    /// </summary>
    AssignOrganisation,
}

/// <summary>
/// What the rules need to know of an invoice: status, amount (ledger currency, excl. VAT), cost centres, and who touched
/// it — the invoice's own fields and every person's action in its history (<see cref="Segregation"/>).
/// </summary>
public sealed record ReviewCase(
    InvoiceStatus Status,
    decimal? AmountExclVat,
    IReadOnlyList<string> CostCentres,
    string? RegisteredBy,
    string? CodedBy,
    string? ReviewedBy,
    IReadOnlyList<string> OrderedBy,
    IReadOnlyList<PersonAction>? History = null)
{
    /// <summary>Everyone who prepared the invoice: the fields as actions, then the history.</summary>
    public IEnumerable<PersonAction> Touches() =>
        new[] { ("registered", RegisteredBy), ("coded", CodedBy), ("reviewed", ReviewedBy) }.Where(x => x.Item2 is not null).Select(x => new PersonAction(x.Item2!, x.Item1))
            .Concat(OrderedBy.Select(o => new PersonAction(o, "ordered")))
            .Concat(History ?? []);
}

/// <summary>The person acting: their roles and their attestation authorities (approvers.csv rows).</summary>
public sealed record ReviewActor(string UserId, IReadOnlySet<string> Roles, IReadOnlyList<Approver> Authorities);

public sealed record ReviewOutcome(bool Allowed, InvoiceStatus? NewStatus, string Message)
{
    public static ReviewOutcome Refuse(string message) => new(false, null, message);
}

/// <summary>
/// The rules for people's actions on an invoice, the same for the dashboard and the CLI: which role may do what from
/// which status, and segregation of duties — nobody attests what they ordered, registered, coded or reviewed, nor
/// above their authority for every cost centre the invoice is coded to.
/// </summary>
public static class ReviewRules
{
    public static ReviewOutcome Decide(ReviewCase c, ReviewActor actor, ReviewAction action, string? reason, DateOnly today)
    {
        bool Has(string role) => actor.Roles.Contains(role);
        var needsReason = action is ReviewAction.Accept or ReviewAction.Reject or ReviewAction.Hold or ReviewAction.SendBack or ReviewAction.PickMatch or ReviewAction.Recode or ReviewAction.CorrectScan
            or ReviewAction.AssignOrganisation;
        if (needsReason && string.IsNullOrWhiteSpace(reason)) return ReviewOutcome.Refuse($"{action} needs a reason.");
        switch (action)
        {
            case ReviewAction.Accept:
                if (!Has("accountant")) return ReviewOutcome.Refuse("Only an accountant can accept an exception.");
                if (c.Status != InvoiceStatus.AwaitingReview) return ReviewOutcome.Refuse($"Only an invoice awaiting review can be accepted; this one is {c.Status}.");
                if (c.CostCentres.Count == 0) return ReviewOutcome.Refuse("The invoice has no coded lines: code it before accepting.");
                return new(true, InvoiceStatus.AwaitingAttestation, "Accepted: the invoice now needs attestation by someone else.");
            case ReviewAction.Reject:
                if (!Has("accountant")) return ReviewOutcome.Refuse("Only an accountant can reject an invoice.");
                if (c.Status is not (InvoiceStatus.AwaitingReview or InvoiceStatus.AwaitingAttestation or InvoiceStatus.OnHold))
                    return ReviewOutcome.Refuse($"An invoice that is {c.Status} cannot be rejected.");
                return new(true, InvoiceStatus.Rejected, "Rejected; the reason goes back to the supplier.");
            case ReviewAction.Hold:
                if (!Has("accountant")) return ReviewOutcome.Refuse("Only an accountant can put an invoice on hold.");
                if (c.Status is not (InvoiceStatus.AwaitingReview or InvoiceStatus.AwaitingAttestation or InvoiceStatus.Attested))
                    return ReviewOutcome.Refuse($"An invoice that is {c.Status} cannot be put on hold.");
                return new(true, InvoiceStatus.OnHold, "On hold until released.");
            case ReviewAction.Release:
                if (!Has("accountant")) return ReviewOutcome.Refuse("Only an accountant can release an invoice.");
                if (c.Status != InvoiceStatus.OnHold) return ReviewOutcome.Refuse($"Only an invoice on hold can be released; this one is {c.Status}.");
                return new(true, InvoiceStatus.AwaitingReview, "Released for review.");
            case ReviewAction.PickMatch:
            case ReviewAction.Recode:
            case ReviewAction.CorrectScan:
                if (!Has("accountant")) return ReviewOutcome.Refuse($"Only an accountant can {(action == ReviewAction.Recode ? "recode lines" : "pick an order or subscription")}.");
                if (c.Status != InvoiceStatus.AwaitingReview) return ReviewOutcome.Refuse($"Only an invoice awaiting review can be changed; this one is {c.Status}.");
                if (string.IsNullOrWhiteSpace(reason)) return ReviewOutcome.Refuse(action == ReviewAction.Recode ? "Recode needs the coding: account;cost centre;project." : "Pick needs the order number or subscription id.");
                return new(true, InvoiceStatus.AwaitingReview, action == ReviewAction.Recode ? "Recoded; the invoice now needs review and attestation by others." : "Matched as chosen.");
            case ReviewAction.AssignOrganisation:
                if (!Has("accountant")) return ReviewOutcome.Refuse("Only an accountant can assign an invoice's organisation.");
                if (c.Status != InvoiceStatus.AwaitingReview)
                    return ReviewOutcome.Refuse($"Only an invoice awaiting review can be assigned an organisation; this one is {c.Status}.");
                return new(true, InvoiceStatus.AwaitingReview, "Assigned; the invoice is processed for that organisation.");
            case ReviewAction.SendBack:
                if (!Has("approver")) return ReviewOutcome.Refuse("Only an approver can send an invoice back.");
                if (c.Status != InvoiceStatus.AwaitingAttestation) return ReviewOutcome.Refuse($"Only an invoice awaiting attestation can be sent back; this one is {c.Status}.");
                return new(true, InvoiceStatus.AwaitingReview, "Sent back to review.");
            case ReviewAction.Attest:
                if (!Has("approver")) return ReviewOutcome.Refuse("Only an approver can attest.");
                if (c.Status != InvoiceStatus.AwaitingAttestation) return ReviewOutcome.Refuse($"Only an invoice awaiting attestation can be attested; this one is {c.Status}.");
                var own = Segregation.Conflicts(actor.UserId, c.Touches());
                if (own.Count > 0) return ReviewOutcome.Refuse($"Segregation of duties: you {Segregation.Describe(own)} this invoice, so someone else must attest it.");
                if (c.AmountExclVat is null) return ReviewOutcome.Refuse("The invoice has no amount in the ledger currency (missing exchange rate).");
                var amount = Math.Abs(c.AmountExclVat.Value);
                foreach (var cc in c.CostCentres.Distinct(StringComparer.OrdinalIgnoreCase))
                {
                    var authority = actor.Authorities.Where(a => a.Role == ApproverRole.Approver && a.IsValidOn(today) && a.Covers(cc))
                        .OrderByDescending(a => a.MaxAmount).FirstOrDefault();
                    if (authority is null) return ReviewOutcome.Refuse($"You have no attestation authority for cost centre {cc}.");
                    if (authority.MaxAmount < amount)
                        return ReviewOutcome.Refuse(string.Create(CultureInfo.InvariantCulture, $"{amount:N2} is above your authority of {authority.MaxAmount:N2} for cost centre {cc}."));
                }
                return new(true, InvoiceStatus.Attested, "Attested; it will be posted in the next bulk posting.");
            default:
                return ReviewOutcome.Refuse($"Unknown action {action}.");
        }
    }
}
