using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Posting;

/// <summary>An attested invoice that cannot be posted goes back to review with the reason; it never blocks the rest.</summary>
internal static class PostingRefusals
{
    /// <summary>In the chunk's transaction; an invoice changed since it was read makes the chunk stale.</summary>
    public static async Task SendBackAsync(PipelineDbContext db, List<RefusedInvoice> refused, string runId, DateTimeOffset now, CancellationToken ct)
    {
        var postgres = db is not SqlitePipelineDbContext;
        foreach (var (inv, version, code, reason) in refused)
        {
            var (awaiting, attested) = (nameof(InvoiceStatus.AwaitingReview), nameof(InvoiceStatus.Attested));
            var changed = postgres
                ? await db.Database.ExecuteSqlAsync($"""
                    UPDATE invoices SET "Status" = {awaiting}, "Exceptions" = CASE WHEN "Exceptions" = '' THEN {code} ELSE "Exceptions" || ';' || {code} END
                    WHERE "Id" = {inv.Id} AND "Status" = {attested} AND xmin::text = {version} AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v."InvoiceId" = {inv.Id})
                    """, ct)
                : await db.Database.ExecuteSqlAsync($"""
                    UPDATE invoices SET "Status" = {awaiting}, "Exceptions" = CASE WHEN "Exceptions" = '' THEN {code} ELSE "Exceptions" || ';' || {code} END
                    WHERE "Id" = {inv.Id} AND "Status" = {attested} AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v."InvoiceId" = {inv.Id})
                    """, ct);
            if (changed == 0) throw new StaleChunkException(1, 0);
            db.InvoiceExceptions.Add(new InvoiceException { InvoiceId = inv.Id, Code = code, Reason = reason, RaisedAt = now });
            db.History.Add(new StatusChange { SubjectId = inv.Id, At = now, Action = "post-refused", FromStatus = nameof(InvoiceStatus.Attested), ToStatus = nameof(InvoiceStatus.AwaitingReview), RunId = runId, Reason = reason });
        }
        if (refused.Count > 0) await db.SaveChangesAsync(ct);
    }
}
