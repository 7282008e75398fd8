using InvoicePipeline.Posting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// The database side of the core's one numbering rule (<see cref="VoucherNumbering"/>): gapless numbers per
/// organisation, series and fiscal year of the voucher date. The UPDATE takes a row lock held until the posting
/// transaction commits, so concurrent posters queue; a rolled-back chunk returns its range.
/// </summary>
public static class VoucherNumbers
{
    /// <summary>Reserves <paramref name="count"/> numbers for vouchers dated <paramref name="date"/>: the fiscal year and the first number.</summary>
    public static async Task<(int FiscalYear, int First)> ReserveAsync(PipelineDbContext db, string organisationId, string series, DateOnly date,
        int fiscalYearStartMonth, int count, CancellationToken ct)
    {
        var fiscalYear = VoucherNumbering.FiscalYearOf(date, fiscalYearStartMonth);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO voucher_counters ("OrganisationId", "Series", "FiscalYear", "NextNumber") VALUES ({organisationId}, {series}, {fiscalYear}, 1) ON CONFLICT DO NOTHING""", ct);
        var next = await db.Database.SqlQuery<int>(
            $"""UPDATE voucher_counters SET "NextNumber" = "NextNumber" + {count} WHERE "OrganisationId" = {organisationId} AND "Series" = {series} AND "FiscalYear" = {fiscalYear} RETURNING "NextNumber" AS "Value" """)
            .ToListAsync(ct);
        var (first, after) = VoucherNumbering.Take(next.Single() - count, count);
        if (after != next.Single()) throw new InvalidOperationException($"voucher counter {series}/{fiscalYear} moved while it was locked");
        return (fiscalYear, first);
    }
}
