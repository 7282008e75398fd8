namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// Voucher ids derive from series, fiscal year and number, so a chunk can write vouchers and their lines with one
/// COPY each, without asking the database for generated keys.
/// </summary>
public static class VoucherIds
{
    public static long VoucherId(string series, int fiscalYear, int number) =>
        ((long)fiscalYear * 100 + (char.ToUpperInvariant(series[0]) - 'A' + 1)) * 1_000_000_000L + number;

    public static long LineId(long voucherId, int lineNo) => voucherId * 10_000 + lineNo;
}
