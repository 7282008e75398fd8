using System.Text.Json;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// The row-version check: how many of a chunk's invoices are still as read (their row version, <c>xmin</c>, on
/// PostgreSQL), attested and without a voucher. Run under <see cref="PostingLock"/>, so that stays true until the chunk
/// commits. A second poster waits for the first on the lock (and on the series counter), and this check, a new
/// statement with a new snapshot, then sees the first one's vouchers: the chunk is read again instead of failing on
/// the unique index. On SQLite the transaction holds the database's only write lock.
/// </summary>
internal static class UnchangedCheck
{
    public static async Task<int> CountAsync(PipelineDbContext db, List<BuiltVoucher> built, long[] ids, CancellationToken ct)
    {
        var attested = nameof(InvoiceStatus.Attested);
        if (db is SqlitePipelineDbContext)
            return (await db.Database.SqlQueryRaw<int>(
                "SELECT count(*) AS \"Value\" FROM invoices i WHERE \"Id\" IN (SELECT value FROM json_each({0})) AND \"Status\" = {1} AND NOT EXISTS (SELECT 1 FROM vouchers v WHERE v.\"InvoiceId\" = i.\"Id\")",
                JsonSerializer.Serialize(ids), attested).ToListAsync(ct))[0];
        var versions = built.Select(b => b.Version).ToArray();
        // The id range keeps both on an index range scan (a join with unnest alone is planned as a scan of the table).
        var (low, high) = (ids[0], ids[^1]); // in id order, as read
        var unchanged = (await db.Database.SqlQuery<int>($"""
            SELECT count(*)::int AS "Value" FROM invoices AS i JOIN unnest({ids}, {versions}) AS u(id, version) ON i."Id" = u.id
            WHERE i."Id" BETWEEN {low} AND {high} AND i.xmin::text = u.version AND i."Status" = {attested}
            """).ToListAsync(ct))[0];
        if (unchanged != ids.Length) return unchanged;
        var posted = (await db.Database.SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM vouchers WHERE "InvoiceId" BETWEEN {low} AND {high} AND "InvoiceId" = ANY({ids})""").ToListAsync(ct))[0];
        return ids.Length - posted;
    }
}

/// <summary>Some of a chunk's invoices changed after they were read: the chunk is rolled back and read again.</summary>
internal sealed class StaleChunkException(int expected, int marked)
    : Exception($"{expected - marked} of {expected} invoice(s) changed after they were read");
