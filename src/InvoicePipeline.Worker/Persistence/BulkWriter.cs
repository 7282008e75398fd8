using LinqToDB.Data;
using LinqToDB.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Persistence;

/// <summary>
/// The one seam for bulk writes: linq2db BulkCopy, binary COPY on PostgreSQL, multi-row inserts on SQLite. It joins
/// the context's current transaction, so a chunk is written all or nothing.
/// </summary>
public static class BulkWriter
{
    private static int _initialised;

    public static void Initialise()
    {
        if (Interlocked.Exchange(ref _initialised, 1) == 0) LinqToDBForEFTools.Initialize();
    }

    public static async Task<long> InsertAsync<T>(PipelineDbContext db, IEnumerable<T> rows, CancellationToken ct, bool keepIdentity = true) where T : class
    {
        Initialise();
        var options = new BulkCopyOptions
        {
            BulkCopyType = BulkCopyType.ProviderSpecific,
            KeepIdentity = keepIdentity,
            MaxBatchSize = 10_000,
        };
        var copied = await db.BulkCopyAsync(options, rows, ct);
        return copied.RowsCopied;
    }
}
