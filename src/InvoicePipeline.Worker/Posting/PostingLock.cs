using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// The advisory lock between posting and people (PostgreSQL): a chunk holds it exclusively from its first statement
/// to its commit, a person's action on an invoice holds it shared (<see cref="Review.InvoiceReview"/>). So no action
/// commits between a chunk's check that its invoices are unchanged and its commit, and an action after the commit
/// sees the voucher. One lock for the whole chunk instead of a row lock on each of its invoices (a row lock writes
/// every invoice's page again: 10 µs an invoice, a fifth of posting's time).
/// </summary>
public static class PostingLock
{
    public const long Key = 0x1F0_1CE5_0001;

    /// <summary>Takes the lock until the current transaction ends: exclusively (a chunk) or shared (a person's action). A no-op on SQLite (one writer).</summary>
    public static async Task HoldAsync(PipelineDbContext db, bool shared, CancellationToken ct)
    {
        if (db is SqlitePipelineDbContext) return;
        if (shared) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({Key})", ct);
        else await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({Key})", ct);
    }
}
