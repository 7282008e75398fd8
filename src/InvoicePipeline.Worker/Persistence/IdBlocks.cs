using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Persistence;

/// <summary>Reserves a range of ids (row lock until the transaction ends, like voucher numbers).</summary>
public static class IdBlocks
{
    /// <param name="after">
    /// A table whose largest "Id" the block starts after when it is first used, so ids a table already holds (made
    /// another way before the block existed) are never handed out again. Null: the block starts at 1.
    /// </param>
    public static async Task<long> ReserveAsync(PipelineDbContext db, string name, int count, CancellationToken ct, string? after = null)
    {
        if (after is null)
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO id_blocks ("Name", "NextId") VALUES ({name}, 1) ON CONFLICT DO NOTHING""", ct);
        else
            // WHERE true: SQLite's parser needs it between INSERT … SELECT and ON CONFLICT.
            await db.Database.ExecuteSqlRawAsync(SeededFrom(after), [name], ct);
        var next = await db.Database.SqlQuery<long>(
            $"""UPDATE id_blocks SET "NextId" = "NextId" + {count} WHERE "Name" = {name} RETURNING "NextId" AS "Value" """).ToListAsync(ct);
        return next.Single() - count;
    }

    /// <summary>The first use of a block seeded after a table's largest id; only the tables named here (no SQL is built from input).</summary>
    private static string SeededFrom(string table) => table switch
    {
        "vouchers" => """INSERT INTO id_blocks ("Name", "NextId") SELECT {0}, COALESCE(MAX("Id"), 0) + 1 FROM vouchers WHERE true ON CONFLICT DO NOTHING""",
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "not a table an id block is seeded from"),
    };
}
