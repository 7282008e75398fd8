using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// Voucher ids come from a reserved block (like invoice ids), so a chunk can write vouchers and their lines with one
/// COPY each, without asking the database for generated keys; a line's id derives from its voucher's. The block starts
/// after the largest voucher id already stored (databases from before organisations derived ids from series, year and
/// number), so old and new ids never meet. Organisation, series, fiscal year and number are the voucher's columns.
/// </summary>
public static class VoucherIds
{
    public static async Task<long> ReserveAsync(PipelineDbContext db, int count, CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO id_blocks ("Name", "NextId") SELECT 'vouchers', COALESCE(MAX("Id"), 0) + 1 FROM vouchers WHERE true ON CONFLICT DO NOTHING""", ct);
        var next = await db.Database.SqlQuery<long>(
            $"""UPDATE id_blocks SET "NextId" = "NextId" + {count} WHERE "Name" = 'vouchers' RETURNING "NextId" AS "Value" """).ToListAsync(ct);
        return next.Single() - count;
    }

    public static long LineId(long voucherId, int lineNo) => voucherId * 10_000 + lineNo;
}
