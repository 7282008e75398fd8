using InvoicePipeline.Invoices;
using InvoicePipeline.Posting;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// The reader's side of posting: the next chunk of attested, unposted invoices by id, each with its row version, its
/// coded lines and its voucher (built by <see cref="InvoiceVouchers"/>) or why not.
/// </summary>
internal static class ChunkReader
{
    /// <summary>Chunk after chunk by id, on a connection of its own (the writer holds the other).</summary>
    public static async IAsyncEnumerable<BuiltChunk> ChunksAsync(IServiceScopeFactory scopes, int size, IReadOnlyDictionary<string, OrganisationLedger> ledgers,
        PostingResult result,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var readerDb = scope.ServiceProvider.GetRequiredService<PipelineDbContext>();
        var after = 0L;
        while (await Resilience.Database.ExecuteAsync(async t => await ReadAsync(readerDb, after, long.MaxValue, size, ledgers, result, t), ct) is { } chunk)
        {
            yield return chunk;
            after = chunk.High;
        }
    }

    /// <summary>
    /// The next attested, unposted invoices with ids in (<paramref name="after"/>, <paramref name="upTo"/>] (keyset, so
    /// a long posting never re-scans what it posted), each with its row version, lines and voucher (or why not).
    /// </summary>
    public static async Task<BuiltChunk?> ReadAsync(PipelineDbContext db, long after, long upTo, int size, IReadOnlyDictionary<string, OrganisationLedger> ledgers,
        PostingResult result, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var attested = nameof(InvoiceStatus.Attested);
        // The version first: a change made while the rest is read then shows as a version that no longer matches.
        // Two plain queries rather than one with NOT EXISTS: the next attested ids by the primary key (a posted invoice
        // stays attested until paid), then which of them already have a voucher; a plan that cannot go quadratic.
        List<InvoiceVersion> keys;
        long low, high;
        while (true)
        {
            var candidates = db is SqlitePipelineDbContext
                ? await db.Database.SqlQuery<InvoiceVersion>($"""SELECT "Id", '' AS "Version" FROM invoices WHERE "Id" > {after} AND "Id" <= {upTo} AND "Status" = {attested} ORDER BY "Id" LIMIT {size}""").ToListAsync(ct)
                : await db.Database.SqlQuery<InvoiceVersion>($"""SELECT "Id", xmin::text AS "Version" FROM invoices WHERE "Id" > {after} AND "Id" <= {upTo} AND "Status" = {attested} ORDER BY "Id" LIMIT {size}""").ToListAsync(ct);
            if (candidates.Count == 0) return null;
            (low, high) = (candidates[0].Id, candidates[^1].Id);
            var posted = (await db.Vouchers.AsNoTracking().Where(v => v.InvoiceId >= low && v.InvoiceId <= high).Select(v => v.InvoiceId!.Value).ToListAsync(ct)).ToHashSet();
            keys = posted.Count == 0 ? candidates : candidates.Where(c => !posted.Contains(c.Id)).ToList();
            if (keys.Count > 0) break;
            after = high;
        }
        low = keys[0].Id;
        var versions = keys.ToDictionary(k => k.Id, k => k.Version);
        // Only the columns posting needs: the parsed document (DocumentJson) stays in the database.
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.Id >= low && i.Id <= high && i.Status == InvoiceStatus.Attested)
            .OrderBy(i => i.Id)
            .Select(i => new SupplierInvoice
            {
                Id = i.Id, OrganisationId = i.OrganisationId, Kind = i.Kind, Sign = i.Sign, Prepaid = i.Prepaid, SupplierId = i.SupplierId, SellerName = i.SellerName, InvoiceNumber = i.InvoiceNumber, Currency = i.Currency,
                IssueDate = i.IssueDate, VatTotal = i.VatTotal, TotalInclVat = i.TotalInclVat, Payable = i.Payable, VatBreakdownJson = i.VatBreakdownJson,
            }).ToListAsync(ct);
        var lines = await db.InvoiceLines.AsNoTracking().Where(l => l.InvoiceId >= low && l.InvoiceId <= high)
                .OrderBy(l => l.InvoiceId).ThenBy(l => l.LineNo)
                .Select(l => new SupplierInvoiceLine
                {
                    InvoiceId = l.InvoiceId, LineNo = l.LineNo, LineId = l.LineId, NetAmount = l.NetAmount, VatCategory = l.VatCategory, VatRate = l.VatRate,
                    Account = l.Account, CostCentre = l.CostCentre, Project = l.Project, CodingSource = l.CodingSource,
                }).ToListAsync(ct);
        var readAt = watch.Elapsed;

        var (built, refused) = InvoiceVouchers.Build(invoices, lines, versions, ledgers);
        result.Read += readAt;
        result.Build += watch.Elapsed - readAt;
        return new BuiltChunk(low, high, built, refused);
    }
}
