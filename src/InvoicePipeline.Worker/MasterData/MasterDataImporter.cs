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

    public Task<MasterDataImportResult> ImportAsync(string folder, CancellationToken ct) => ImportAsync(folder, "system", ct);

    /// <summary>Imports the folder as <paramref name="importedBy"/> (the person on the command line, or the system for the nightly run).</summary>
    public async Task<MasterDataImportResult> ImportAsync(string folder, string importedBy, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) throw new ConfigurationException($"master-data folder '{folder}' does not exist");
        var results = new List<MasterDataFileResult>();
        var organisationsPath = FindFile(folder, OrganisationsFile.FileName);
        if (organisationsPath is null)
        {
            // One organisation, as before: every file in the folder itself, the organisation's settings from configuration.
            foreach (var spec in MasterDataFiles.All)
                if (FindFile(folder, spec.FileName) is { } path)
                    results.Add(await ImportFileAsync(spec, path, spec.FileName, spec.Scope == FileScope.Organisation ? Organisation.DefaultId : "", null,
                        importedBy, ct));
            return new MasterDataImportResult(results);
        }

        var known = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var (rows, errors) = await OrganisationsFile.ReadAsync(folder, organisationsPath, known, ct);
        results.Add(errors.Count > 0
            ? new MasterDataFileResult(OrganisationsFile.FileName, rows.Count, 0, 0, errors)
            : await ApplyOrganisationsAsync(organisationsPath, rows, known, importedBy, ct));
        if (errors.Count > 0) log.MasterDataRejected(OrganisationsFile.FileName, errors.Count);

        foreach (var spec in MasterDataFiles.All.Where(f => f.Scope != FileScope.Organisation))
            if (FindFile(folder, spec.FileName) is { } path)
                results.Add(await ImportFileAsync(spec, path, spec.FileName, "", null, importedBy, ct));

        var knownIds = known.Select(o => o.OrganisationId).ToHashSet(StringComparer.Ordinal);
        var references = new ReferenceIndex(db);
        foreach (var row in rows.Where(r => r.Valid))
        {
            var id = row.Organisation.OrganisationId;
            if (errors.Count > 0 && !knownIds.Contains(id))
            {
                results.Add(new MasterDataFileResult(id + "/", 0, 0, 0,
                    [new CsvError(OrganisationsFile.FileName, row.Line, "organisation_id", $"organisation {id} is new and {OrganisationsFile.FileName} has errors: its folder is not imported")]));
                continue;
            }
            var own = Path.Combine(folder, id);
            foreach (var spec in MasterDataFiles.All.Where(f => f.Scope != FileScope.Centre))
                if (FindFile(own, spec.FileName) is { } path)
                    results.Add(await ImportFileAsync(spec, path, id + "/" + spec.FileName, id, references, importedBy, ct));
        }
        return new MasterDataImportResult(results);
    }

    private static string? FindFile(string folder, string name) =>
        Directory.EnumerateFiles(folder).FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>organisations.csv without errors: each row upserted by its id; organisations not in the file stay.</summary>
    private async Task<MasterDataFileResult> ApplyOrganisationsAsync(string path, List<OrganisationsFile.Row> rows, List<Organisation> known, string importedBy,
        CancellationToken ct)
    {
        var existing = known.Select(o => o.OrganisationId).ToHashSet(StringComparer.Ordinal);
        int inserted = 0, updated = 0;
        foreach (var row in rows)
        {
            if (existing.Contains(row.Organisation.OrganisationId))
            {
                db.Attach(row.Organisation).State = EntityState.Modified;
                updated++;
            }
            else
            {
                db.Organisations.Add(row.Organisation);
                inserted++;
            }
        }
        db.MasterDataImports.Add(new MasterDataImport
        {
            FileName = OrganisationsFile.FileName, Sha256 = await Ingestion.Inbox.HashAsync(path, ct), Rows = rows.Count, ImportedAt = clock.GetUtcNow(),
            ImportedBy = importedBy,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        log.MasterDataApplied(OrganisationsFile.FileName, inserted, updated);
        return new MasterDataFileResult(OrganisationsFile.FileName, rows.Count, inserted, updated, []);
    }

    /// <summary>
    /// Two passes over the file, never the whole file in memory: the first checks every row (and that no key appears
    /// twice), the second, only for a file without errors, applies it in batches inside one transaction.
    /// </summary>
    private async Task<MasterDataFileResult> ImportFileAsync(MasterDataFile spec, string path, string name, string organisationId,
        ReferenceIndex? references, string importedBy, CancellationToken ct)
    {
        var errors = new List<CsvError>();
        var rowCount = 0;
        // Each key as its 128-bit digest instead of the key: a file of millions of order lines stays small in memory.
        var seen = new Dictionary<UInt128, long>();
        await foreach (var row in CsvRows.ReadAsync(path, name, spec.Required, errors, ct))
        {
            var entity = spec.Read(row, organisationId);
            if (references is not null) await CheckOrganisationAsync(spec, row, entity, organisationId, references, ct);
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
        if (errors.Count > 0)
        {
            log.MasterDataRejected(name, errors.Count);
            return new MasterDataFileResult(name, rowCount, 0, 0, errors);
        }

        var (inserted, updated) = await UpsertAsync(spec, path, organisationId, importedBy, ct);
        references?.Changed(spec.EntityType);
        db.MasterDataImports.Add(new MasterDataImport
        {
            FileName = name, Sha256 = await Ingestion.Inbox.HashAsync(path, ct), Rows = rowCount, ImportedAt = clock.GetUtcNow(), ImportedBy = importedBy,
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        log.MasterDataApplied(name, inserted, updated);
        return new MasterDataFileResult(name, rowCount, inserted, updated, []);
    }

    /// <summary>New rows by bulk copy, existing ones updated through EF, a batch at a time, all in one transaction.</summary>
    private async Task<(int Inserted, int Updated)> UpsertAsync(MasterDataFile spec, string path, string organisationId, string importedBy, CancellationToken ct)
    {
        var entityType = db.Model.FindEntityType(spec.EntityType)!;
        var shadowId = entityType.FindProperty("Id")?.IsShadowProperty() == true;
        var existing = await LoadExistingAsync(spec, organisationId, shadowId, ct);
        var accountChanges = spec.EntityType == typeof(Supplier) ? await LoadSuppliersAsync(organisationId, ct) : null;
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
            var row = spec.Read(csvRow, organisationId);
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
            if (accountChanges is not null) RecordAccountChanges(accountChanges, (Supplier)row, importedBy);
            if (++pending >= Batch) await FlushAsync();
        }
        await FlushAsync();
        await tx.CommitAsync(ct);
        return (inserted, updated);
    }

    private async Task InsertAsync<T>(List<object> rows, bool keepIdentity, CancellationToken ct) where T : class =>
        await BulkWriter.InsertAsync(db, rows.Cast<T>(), ct, keepIdentity);

    private async Task<Dictionary<string, long>> LoadExistingAsync(MasterDataFile spec, string organisationId, bool shadowId, CancellationToken ct)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        var set = (IQueryable<object>)typeof(MasterDataImporter).GetMethod(nameof(Query), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
            .MakeGenericMethod(spec.EntityType).Invoke(this, [organisationId])!;
        await foreach (var entity in set.AsAsyncEnumerable().WithCancellation(ct))
        {
            var id = shadowId ? (long)db.Entry(entity).Property("Id").CurrentValue! : 0;
            result[spec.Key(entity)] = id;
        }
        db.ChangeTracker.Clear();
        return result;
    }

    // Shadow ids are only readable from tracked entries, so entities with one are read tracked.
    private IQueryable<object> Query<T>(string organisationId) where T : class
    {
        var type = db.Model.FindEntityType(typeof(T))!;
        IQueryable<T> set = type.FindProperty("Id")?.IsShadowProperty() == true ? db.Set<T>() : db.Set<T>().AsNoTracking();
        return type.FindProperty("OrganisationId") is null ? set : set.Where(e => EF.Property<string>(e, "OrganisationId") == organisationId);
    }

    private async Task<Dictionary<string, Supplier>> LoadSuppliersAsync(string organisationId, CancellationToken ct) =>
        await db.Suppliers.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToDictionaryAsync(s => s.SupplierId, StringComparer.Ordinal, ct);

    /// <summary>
    /// Keys are per organisation (organisations.md): a row in one organisation's file may not name another organisation
    /// (an organisation_id column) nor a supplier or cost centre that only another organisation has.
    /// </summary>
    private static async Task CheckOrganisationAsync(MasterDataFile spec, CsvRows row, object entity, string organisationId,
        ReferenceIndex references, CancellationToken ct)
    {
        if (organisationId.Length == 0) return;
        if (row.Text("organisation_id") is { } named && !string.Equals(named, organisationId, StringComparison.OrdinalIgnoreCase))
            row.Error("organisation_id", $"the row names organisation {named} but is in {organisationId}'s folder");
        foreach (var reference in spec.References ?? [])
        {
            if (reference.Value(entity) is not { } key) continue;
            var owners = await references.OwnersAsync(reference.Target, key, ct);
            if (owners.Count > 0 && !owners.Contains(organisationId))
                row.Error(reference.Column, $"{reference.What} '{key}' is not {organisationId}'s but {string.Join(", ", owners)}'s: keys are per organisation");
        }
    }

    /// <summary>
    /// A changed payee account of an existing supplier, and every account of a supplier new to the register, is recorded
    /// with who imported it; payments to it wait until a finance user who did not import it verifies that number. The
    /// first load of an empty register is the baseline (the register as migrated), not a change.
    /// </summary>
    private void RecordAccountChanges(Dictionary<string, Supplier> before, Supplier now, string importedBy)
    {
        if (before.Count == 0) return;
        var old = before.GetValueOrDefault(now.SupplierId) ?? new Supplier { SupplierId = now.SupplierId };
        void Check(string kind, string? was, string? isNow)
        {
            var a = was is null ? null : Identifiers.AccountNumber.Normalise(was);
            var b = isNow is null ? null : Identifiers.AccountNumber.Normalise(isNow);
            if (b is null || string.Equals(a, b, StringComparison.Ordinal)) return;
            db.SupplierAccountChanges.Add(new SupplierAccountChange
            {
                OrganisationId = now.OrganisationId, SupplierId = now.SupplierId, Kind = kind, OldNumber = a, NewNumber = b, ChangedAt = clock.GetUtcNow(),
                ImportedBy = importedBy,
            });
        }
        Check("bankgiro", old.Bankgiro, now.Bankgiro);
        Check("plusgiro", old.Plusgiro, now.Plusgiro);
        Check("iban", old.Iban, now.Iban);
    }
}
