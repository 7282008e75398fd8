using InvoicePipeline.Invoices;
using InvoicePipeline.Review;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Review;

/// <summary>
/// People's actions on an invoice, for the dashboard (and the CLI): the rules of <see cref="ReviewRules"/> are checked
/// on the server for every request, and every change is written to the history with user, role, time and reason.
/// </summary>
public sealed class InvoiceReview(PipelineDbContext db, TimeProvider clock)
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
}
