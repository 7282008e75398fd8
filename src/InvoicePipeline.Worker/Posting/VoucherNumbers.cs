using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// Gapless voucher numbers per organisation, series and fiscal year. The UPDATE takes a row lock held until the posting
/// transaction commits, so concurrent posters queue; a rolled-back chunk returns its range.
/// </summary>
public static class VoucherNumbers
{
    public static async Task<int> ReserveAsync(PipelineDbContext db, string organisationId, string series, int fiscalYear, int count, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO voucher_counters ("OrganisationId", "Series", "FiscalYear", "NextNumber") VALUES ({organisationId}, {series}, {fiscalYear}, 1) ON CONFLICT DO NOTHING""", ct);
        var next = await db.Database.SqlQuery<int>(
            $"""UPDATE voucher_counters SET "NextNumber" = "NextNumber" + {count} WHERE "OrganisationId" = {organisationId} AND "Series" = {series} AND "FiscalYear" = {fiscalYear} RETURNING "NextNumber" AS "Value" """)
            .ToListAsync(ct);
        return next.Single() - count;
    }
}
