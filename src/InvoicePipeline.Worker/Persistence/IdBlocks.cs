using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Persistence;

/// <summary>Reserves a range of ids (row lock until the transaction ends, like voucher numbers).</summary>
public static class IdBlocks
{
    public static async Task<long> ReserveAsync(PipelineDbContext db, string name, int count, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO id_blocks ("Name", "NextId") VALUES ({name}, 1) ON CONFLICT DO NOTHING""", ct);
        var next = await db.Database.SqlQuery<long>(
            $"""UPDATE id_blocks SET "NextId" = "NextId" + {count} WHERE "Name" = {name} RETURNING "NextId" AS "Value" """).ToListAsync(ct);
        return next.Single() - count;
    }
}
