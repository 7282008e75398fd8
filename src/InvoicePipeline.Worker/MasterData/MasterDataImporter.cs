using InvoicePipeline.MasterData;
using InvoicePipeline.Worker.Csv;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvoicePipeline.Worker.MasterData;

public sealed record MasterDataFileResult(string File, int Rows, int Inserted, int Updated, IReadOnlyList<CsvError> Errors)
{
    public bool Applied => Errors.Count == 0;
}

public sealed record MasterDataImportResult(IReadOnlyList<MasterDataFileResult> Files)
{
    public bool HasErrors => Files.Any(f => !f.Applied);
    public IEnumerable<CsvError> Errors => Files.SelectMany(f => f.Errors);
}

/// <summary>
/// `import masterdata DIR`: every file present is checked whole first; a file with any error is not applied, the
/// others are. Rows are upserted by their natural key, so importing the same files again changes nothing.
/// </summary>
public sealed class MasterDataImporter(PipelineDbContext db, TimeProvider clock, ILogger<MasterDataImporter> log)
{
    private const int Batch = 20_000;

    public async Task<MasterDataImportResult> ImportAsync(string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) throw new ConfigurationException($"master-data folder '{folder}' does not exist");
        var results = new List<MasterDataFileResult>();
        foreach (var spec in MasterDataFiles.All)
        {
            var path = FindFile(folder, spec.FileName);
            if (path is null) continue;
            results.Add(await ImportFileAsync(spec, path, ct));
        }
        return new MasterDataImportResult(results);
    }

    private static string? FindFile(string folder, string name) =>
        Directory.EnumerateFiles(folder).FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Two passes over the file, never the whole file in memory: the first checks every row (and that no key appears
    /// twice), the second, only for a file without errors, applies it in batches inside one transaction.
    /// </summary>
    private async Task<MasterDataFileResult> ImportFileAsync(MasterDataFile spec, string path, CancellationToken ct)
    {
        var errors = new List<CsvError>();
        var rowCount = 0;
        // Each key as its 128-bit digest instead of the key: a file of millions of order lines stays small in memory.
        var seen = new Dictionary<UInt128, long>();
        await foreach (var row in CsvRows.ReadAsync(path, spec.Required, errors, ct))
        {
            var entity = spec.Map(row);
            if (row.RowErrors.Count == 0)
            {
                var key = KeyDigest.Of(spec.Key(entity));
                if (seen.TryGetValue(key, out var first))
                    row.Error(null, $"the same key appears again (first on line {first})");
                else
                    seen[key] = row.Line;
            }
            errors.AddRange(row.RowErrors);
            rowCount++;
        }
        seen.Clear();
        seen.TrimExcess();
        var name = Path.GetFileName(path);
        if (errors.Count > 0)
        {
            log.MasterDataRejected(name, errors.Count);
            return new MasterDataFileResult(name, rowCount, 0, 0, errors);
        }

        var (inserted, updated) = await UpsertAsync(spec, path, ct);
        db.MasterDataImports.Add(new MasterDataImport
        {
            FileName = name, Sha256 = await Ingestion.Inbox.HashAsync(path, ct), Rows = rowCount, ImportedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        log.MasterDataApplied(name, inserted, updated);
        return new MasterDataFileResult(name, rowCount, inserted, updated, []);
    }

    /// <summary>New rows by bulk copy, existing ones updated through EF, a batch at a time, all in one transaction.</summary>
    private async Task<(int Inserted, int Updated)> UpsertAsync(MasterDataFile spec, string path, CancellationToken ct)
    {
        var entityType = db.Model.FindEntityType(spec.EntityType)!;
        var shadowId = entityType.FindProperty("Id")?.IsShadowProperty() == true;
        var existing = await LoadExistingAsync(spec, shadowId, ct);
        var accountChanges = spec.EntityType == typeof(Supplier) ? await LoadSuppliersAsync(ct) : null;
        var insert = typeof(MasterDataImporter).GetMethod(nameof(InsertAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(spec.EntityType);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int inserted = 0, updated = 0, pending = 0;
        var news = new List<object>(Batch);
        async Task FlushAsync()
        {
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            if (news.Count > 0) await (Task)insert.Invoke(this, [news, !shadowId, ct])!;
            news.Clear();
            pending = 0;
        }
        await foreach (var csvRow in CsvRows.ReadAsync(path, spec.Required, [], ct))
        {
            var row = spec.Map(csvRow);
            var key = spec.Key(row);
            if (existing.TryGetValue(key, out var id))
            {
                var entry = db.Attach(row);
                if (shadowId) entry.Property("Id").CurrentValue = id;
                entry.State = EntityState.Modified;
                updated++;
            }
            else
            {
                news.Add(row);
                inserted++;
            }
            if (accountChanges is not null) RecordAccountChanges(accountChanges, (Supplier)row);
            if (++pending >= Batch) await FlushAsync();
        }
        await FlushAsync();
        await tx.CommitAsync(ct);
        return (inserted, updated);
    }

    private async Task InsertAsync<T>(List<object> rows, bool keepIdentity, CancellationToken ct) where T : class =>
        await BulkWriter.InsertAsync(db, rows.Cast<T>(), ct, keepIdentity);

    private async Task<Dictionary<string, long>> LoadExistingAsync(MasterDataFile spec, bool shadowId, CancellationToken ct)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        var set = (IQueryable<object>)typeof(MasterDataImporter).GetMethod(nameof(Query), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(spec.EntityType).Invoke(this, null)!;
        await foreach (var entity in set.AsAsyncEnumerable().WithCancellation(ct))
        {
            var id = shadowId ? (long)db.Entry(entity).Property("Id").CurrentValue! : 0;
            result[spec.Key(entity)] = id;
        }
        db.ChangeTracker.Clear();
        return result;
    }

    // Shadow ids are only readable from tracked entries, so entities with one are read tracked.
    private IQueryable<object> Query<T>() where T : class =>
        db.Model.FindEntityType(typeof(T))!.FindProperty("Id")?.IsShadowProperty() == true ? db.Set<T>() : db.Set<T>().AsNoTracking();

    private async Task<Dictionary<string, Supplier>> LoadSuppliersAsync(CancellationToken ct) =>
        await db.Suppliers.AsNoTracking().ToDictionaryAsync(s => s.SupplierId, StringComparer.Ordinal, ct);

    /// <summary>A changed payee account of an existing supplier is recorded; payments to it wait until finance verifies it.</summary>
    private void RecordAccountChanges(Dictionary<string, Supplier> before, Supplier now)
    {
        if (!before.TryGetValue(now.SupplierId, out var old)) return;
        void Check(string kind, string? was, string? isNow)
        {
            var a = was is null ? null : Identifiers.AccountNumber.Normalise(was);
            var b = isNow is null ? null : Identifiers.AccountNumber.Normalise(isNow);
            if (b is null || string.Equals(a, b, StringComparison.Ordinal)) return;
            db.SupplierAccountChanges.Add(new SupplierAccountChange
            {
                SupplierId = now.SupplierId, Kind = kind, OldNumber = a, NewNumber = b, ChangedAt = clock.GetUtcNow(),
            });
        }
        Check("bankgiro", old.Bankgiro, now.Bankgiro);
        Check("plusgiro", old.Plusgiro, now.Plusgiro);
        Check("iban", old.Iban, now.Iban);
    }
}
