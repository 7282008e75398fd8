using System.Security.Cryptography;
using InvoicePipeline.MasterData;
using InvoicePipeline.Worker.Csv;
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
/// `import masterdata DIR`: every file present is read whole first; a file with any error is not applied, the
/// others are. Rows are upserted by their natural key, so importing the same files again changes nothing.
/// </summary>
public sealed class MasterDataImporter(PipelineDbContext db, TimeProvider clock, ILogger<MasterDataImporter> log)
{
    private const int Batch = 5000;

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

    private async Task<MasterDataFileResult> ImportFileAsync(MasterDataFile spec, string path, CancellationToken ct)
    {
        var errors = new List<CsvError>();
        var rows = new List<object>();
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var row in CsvRows.ReadAsync(path, spec.Required, errors, ct))
        {
            var entity = spec.Map(row);
            if (row.RowErrors.Count == 0)
            {
                var key = spec.Key(entity);
                if (seen.TryGetValue(key, out var first))
                    row.Error(null, $"the same key appears again (first on line {first})");
                else
                    seen[key] = row.Line;
            }
            errors.AddRange(row.RowErrors);
            rows.Add(entity);
        }
        var name = Path.GetFileName(path);
        if (errors.Count > 0)
        {
            log.LogWarning("Master-data file {File} not applied: {Errors} error(s)", name, errors.Count);
            return new MasterDataFileResult(name, rows.Count, 0, 0, errors);
        }

        var (inserted, updated) = await UpsertAsync(spec, rows, ct);
        db.MasterDataImports.Add(new MasterDataImport
        {
            FileName = name, Sha256 = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, ct))),
            Rows = rows.Count, ImportedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        log.LogInformation("Master-data file {File} applied: {Inserted} inserted, {Updated} updated", name, inserted, updated);
        return new MasterDataFileResult(name, rows.Count, inserted, updated, []);
    }

    private async Task<(int Inserted, int Updated)> UpsertAsync(MasterDataFile spec, List<object> rows, CancellationToken ct)
    {
        var entityType = db.Model.FindEntityType(spec.EntityType)!;
        var shadowId = entityType.FindProperty("Id")?.IsShadowProperty() == true;
        var existing = await LoadExistingAsync(spec, shadowId, ct);
        var accountChanges = spec.EntityType == typeof(Supplier) ? await LoadSuppliersAsync(ct) : null;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        int inserted = 0, updated = 0, pending = 0;
        foreach (var row in rows)
        {
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
                db.Add(row);
                inserted++;
            }
            if (accountChanges is not null) RecordAccountChanges(accountChanges, (Supplier)row);
            if (++pending >= Batch)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                pending = 0;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (inserted, updated);
    }

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
