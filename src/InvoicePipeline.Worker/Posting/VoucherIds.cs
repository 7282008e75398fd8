using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// Voucher ids come from a reserved block (like invoice ids), so a chunk can write vouchers and their lines with one
/// COPY each, without asking the database for generated keys; a line's id derives from its voucher's. The block starts
/// after the largest voucher id already stored (databases from before organisations derived ids from series, year and
/// number), so old and new ids never meet. Organisation, series, fiscal year and number are the voucher's columns.
/// </summary>
public static class VoucherIds
{
    public static Task<long> ReserveAsync(PipelineDbContext db, int count, CancellationToken ct) =>
        IdBlocks.ReserveAsync(db, "vouchers", count, ct, after: "vouchers");

    public static long LineId(long voucherId, int lineNo) => voucherId * 10_000 + lineNo;
}
