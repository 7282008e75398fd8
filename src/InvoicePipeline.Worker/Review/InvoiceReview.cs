using InvoicePipeline.Invoices;
using InvoicePipeline.Review;
using InvoicePipeline.Worker.Persistence;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Review;

/// <summary>
/// People's actions on an invoice, for the dashboard (and the CLI): the rules of <see cref="ReviewRules"/> are checked
/// on the server for every request, and every change is written to the history with user, role, time and reason.
/// </summary>
public sealed class InvoiceReview(PipelineDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<Hosting.PipelineOptions> options)
{
    public async Task<ReviewOutcome> ActAsync(long invoiceId, string userId, IReadOnlySet<string> roles, ReviewAction action, string? reason, CancellationToken ct)
    {
        var invoice = await db.Invoices.Include(i => i.Lines).Include(i => i.Issues).SingleOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null) return ReviewOutcome.Refuse($"Invoice {invoiceId} does not exist.");
        var poNumbers = invoice.Lines.Select(l => l.PoNumber).OfType<string>().Distinct().ToList();
        var orderedBy = await db.PurchaseOrderLines.AsNoTracking().Where(p => poNumbers.Contains(p.PoNumber) && p.OrderedBy != null)
            .Select(p => p.OrderedBy!).Distinct().ToListAsync(ct);
        var authorities = await db.Approvers.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var c = new ReviewCase(invoice.Status, invoice.LedgerAmountExclVat,
            invoice.Lines.Select(l => l.CostCentre).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            invoice.RegisteredBy, invoice.CodedBy, invoice.ReviewedBy, orderedBy);
        var outcome = ReviewRules.Decide(c, new ReviewActor(userId, roles, authorities), action, reason, DateOnly.FromDateTime(now.UtcDateTime));
        if (!outcome.Allowed) return outcome;

        var from = invoice.Status;
        invoice.Status = outcome.NewStatus!.Value;
        switch (action)
        {
            case ReviewAction.Recode:
                if (Recode(invoice, reason!, userId) is { } recodeError) return ReviewOutcome.Refuse(recodeError);
                break;
            case ReviewAction.PickMatch:
                var picked = await PickAsync(invoice, reason!.Trim(), now, ct);
                if (!picked.Allowed) return picked;
                outcome = picked;
                break;
            case ReviewAction.Accept:
                invoice.ReviewedBy = userId;
                foreach (var issue in invoice.Issues.Where(i => i.ResolvedAt is null))
                {
                    issue.ResolvedAt = now;
                    issue.ResolvedBy = userId;
                    issue.Resolution = "accepted: " + reason;
                }
                break;
            case ReviewAction.Attest:
                invoice.AttestedBy = userId;
                invoice.AttestedAt = now;
                break;
            case ReviewAction.Reject:
                invoice.DuplicateKey = null; // a rejected invoice no longer blocks a corrected one with the same number
                break;
        }
        db.History.Add(new StatusChange
        {
            SubjectId = invoice.Id, At = now, Actor = userId, ActorRole = string.Join(',', roles.Order(StringComparer.Ordinal)),
            Action = action.ToString().ToLowerInvariant(), FromStatus = from.ToString(), ToStatus = invoice.Status.ToString(), Reason = reason,
        });
        await db.SaveChangesAsync(ct);
        return outcome;
    }

    /// <summary>"account;cost centre;project" for every line, or "line:account;cost centre;project" for one; accounts must exist.</summary>
    private string? Recode(SupplierInvoice invoice, string value, string userId)
    {
        var target = value.Contains(':', StringComparison.Ordinal) ? value[..value.IndexOf(':', StringComparison.Ordinal)].Trim() : null;
        var parts = (target is null ? value : value[(value.IndexOf(':', StringComparison.Ordinal) + 1)..]).Split(';', StringSplitOptions.TrimEntries);
        if (!db.Accounts.Any(a => a.AccountNumber == parts[0])) return $"Account {parts[0]} is not in the chart of accounts.";
        if (parts.Length < 2 || parts[1].Length == 0 || !db.CostCentres.Any(c => c.Code == parts[1])) return $"Cost centre {(parts.Length > 1 ? parts[1] : "(none)")} does not exist.";
        var lines = invoice.Lines.Where(l => target is null || l.LineId == target).ToList();
        if (lines.Count == 0) return $"Invoice {invoice.Id} has no line {target}.";
        foreach (var l in lines)
        {
            l.Account = parts[0];
            l.CostCentre = parts[1];
            l.Project = parts.Length > 2 && parts[2].Length > 0 ? parts[2] : null;
            l.CodingSource = nameof(InvoicePipeline.Coding.CodingSource.Person);
        }
        invoice.CodedBy = userId;
        foreach (var issue in invoice.Issues.Where(i => i.ResolvedAt is null && i.Code == ExceptionCode.MissingCoding))
        {
            issue.ResolvedAt = clock.GetUtcNow();
            issue.ResolvedBy = userId;
            issue.Resolution = "recoded: " + value;
        }
        invoice.Exceptions = string.Join(';', invoice.Issues.Where(i => i.ResolvedAt is null).Select(i => i.Code).Distinct());
        return null;
    }

    /// <summary>
    /// Re-runs matching, coding and routing with the order or subscription the person chose. A clean result needs
    /// attestation (a person decided the match); new findings stay with the invoice for review.
    /// </summary>
    private async Task<ReviewOutcome> PickAsync(SupplierInvoice entity, string reference, DateTimeOffset now, CancellationToken ct)
    {
        var opts = options.Value;
        var json = System.Text.Json.Nodes.JsonNode.Parse(entity.DocumentJson)!;
        var node = json["invoice"] ?? json;
        var subscription = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.SubscriptionId == reference, ct);
        var isOrder = await db.PurchaseOrderLines.AnyAsync(p => p.PoNumber == reference && p.SupplierId == entity.SupplierId, ct);
        if (!isOrder && subscription?.SupplierId != entity.SupplierId) return ReviewOutcome.Refuse($"{reference} is neither an order nor a subscription of supplier {entity.SupplierId}.");
        if (isOrder) node["orderReference"] = reference;
        else node["contractReference"] = subscription!.ContractRef ?? reference;
        var invoice = node.Deserialize<Invoice>(Processing.ChunkJob.Json)!;
        var register = await db.Suppliers.AsNoTracking().ToListAsync(ct);
        var context = await Processing.ProcessingContext.LoadAsync(db, new Suppliers.SupplierIdentification(register), opts.Tolerance.Book(),
            isOrder ? [reference] : [], entity.SupplierId is null ? [] : [entity.SupplierId], ct, [entity.Id]);
        var d = Processing.InvoiceDecider.Decide(invoice, context, opts);
        if (d.Match == "none") return ReviewOutcome.Refuse($"{reference} does not match: {d.Explanations.LastOrDefault(e => e.Step == "matching").Explanation}");
        entity.Match = d.Match;
        entity.MatchRef = d.MatchRef;
        entity.SubscriptionPeriod = d.SubscriptionPeriod;
        entity.OrderReference = invoice.OrderReference;
        foreach (var (line, decided) in entity.Lines.OrderBy(l => l.LineNo).Zip(d.Lines))
        {
            line.PoNumber = decided.PoNumber;
            line.PoLine = decided.PoLine;
            line.Account = decided.Account;
            line.CostCentre = decided.CostCentre;
            line.Project = decided.Project;
            line.CodingSource = decided.Source;
        }
        foreach (var issue in entity.Issues.Where(i => i.ResolvedAt is null && i.Code == ExceptionCode.NoMatch))
        {
            issue.ResolvedAt = now;
            issue.Resolution = "matched by hand to " + reference;
        }
        var fresh = d.Issues.Where(i => i.Code != ExceptionCode.NoMatch && !entity.Issues.Any(e => e.ResolvedAt is null && e.Code == i.Code)).ToList();
        foreach (var i in fresh) entity.Issues.Add(new InvoiceException { Code = i.Code, Reason = i.Reason, RaisedAt = now });
        foreach (var (step, rule, text) in d.Explanations)
            db.Decisions.Add(new DecisionRecord { InvoiceId = entity.Id, Step = step, Rule = rule, Explanation = text, PolicyVersion = d.PolicyVersion, At = now });
        var open = entity.Issues.Where(i => i.ResolvedAt is null).Select(i => i.Code).Distinct().ToList();
        entity.Exceptions = string.Join(';', open);
        entity.Status = open.Count == 0 ? InvoiceStatus.AwaitingAttestation : ExceptionCode.MostSevere(open) ?? InvoiceStatus.AwaitingReview;
        return new ReviewOutcome(true, entity.Status, open.Count == 0
            ? $"Matched to {d.Match} {reference}; the invoice now needs attestation."
            : $"Matched to {d.Match} {reference}, with {string.Join(", ", open)} to resolve.");
    }
}
