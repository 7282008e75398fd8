using Hangfire;
using InvoicePipeline.Scanning;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Worker.Ingestion.Scanned;
using InvoicePipeline.Worker.Organisations;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Processing;

/// <summary>
/// Processes one chunk of a run's documents in two steps: its invoices (read, validate, identify, check duplicates,
/// match, code, route: <see cref="ChunkDocuments"/>, <see cref="InvoiceRows"/>) and its payroll files
/// (<see cref="PayrollIntake"/>), and its travel claim files (<see cref="Travel.TravelIntake"/>). The whole chunk is one transaction; a chunk that is already done is skipped, so a
/// retry or a resumed run repeats nothing.
/// </summary>
public sealed class ChunkJob(PipelineDbContext db, ScannedInvoiceReader scans, IBackgroundJobClient jobs, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<ChunkJob> log)
{
    [Queue("chunks")]
    [AutomaticRetry(Attempts = HangfireAttempts, DelaysInSeconds = [30])]
    public async Task RunAsync([RunId] string runId, int chunkNo, CancellationToken ct)
    {
        // Only the database steps are retried (Resilience.Database, transient faults); reading the documents (OCR,
        // parsing) runs once per job attempt, between them. At most (1 + HangfireAttempts) OCR passes of a chunk.
        var loaded = await Resilience.Database.ExecuteAsync(async t => await LoadAsync(runId, chunkNo, t), ct);
        if (loaded is not null)
        {
            var clock0 = System.Diagnostics.Stopwatch.StartNew();
            var read = await ChunkDocuments.ReadAsync(loaded.InvoiceDocs, scans, d => LookupFor(loaded, d), options.Value.Intake.MaxFileBytes, ct);
            var readMs = clock0.ElapsedMilliseconds;
            await Resilience.Database.ExecuteAsync(async t => await WriteAsync(runId, chunkNo, loaded, read, readMs, t), ct);
        }
        await ProcessingFlow.ChunkDoneAsync(db, jobs, runId, ct);
    }

    /// <summary>Hangfire's further attempts of a chunk job (the global default is 3): each repeats the chunk's OCR.</summary>
    public const int HangfireAttempts = 1;

    private sealed record Loaded(int Attempts, List<ReceivedDocument> InvoiceDocs, List<ReceivedDocument> PayrollFiles, List<ReceivedDocument> TravelFiles,
        List<InvoicePipeline.MasterData.Supplier> Register, InvoicePipeline.Organisations.OrganisationDirectory Directory);

    private async Task<Loaded?> LoadAsync(string runId, int chunkNo, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var chunk = await db.RunChunks.AsNoTracking().SingleAsync(c => c.RunId == runId && c.ChunkNo == chunkNo, ct);
        if (chunk.Done) return null;
        var docs = await db.Documents.AsNoTracking().Where(d => d.RunId == runId && d.ChunkNo == chunkNo && !d.Processed)
            .OrderBy(d => d.Id).ToListAsync(ct);
        var payrollFiles = docs.Where(d => d.Channel == DocumentChannel.Payroll).ToList();
        var invoiceDocs = docs.Where(d => d.Channel is DocumentChannel.EInvoices or DocumentChannel.Scanned).ToList();
        var travelFiles = docs.Where(d => d.Channel == DocumentChannel.Travel).ToList();
        // Only scans are read against a register (before their organisation's context is loaded); e-invoices need none here.
        var register = invoiceDocs.Any(d => d.Channel == DocumentChannel.Scanned) ? await db.Suppliers.AsNoTracking().ToListAsync(ct) : [];
        var directory = await OrganisationBook.LoadAsync(db, options.Value, ct);
        return new Loaded(chunk.Attempts + 1, invoiceDocs, payrollFiles, travelFiles, register, directory);
    }

    /// <summary>A scan is read against the suppliers of the organisation whose folder it is in, else against the centre's.</summary>
    private static SupplierLookup LookupFor(Loaded loaded, ReceivedDocument d)
    {
        var directory = loaded.Directory;
        var org = directory.IsImplicitSingle ? directory.All[0] : directory.Find(Inbox.OrganisationFolder(d.FileName));
        return SupplierLookups.Over(org is null ? loaded.Register : loaded.Register.Where(s => s.OrganisationId == org.OrganisationId).ToList());
    }

    private async Task WriteAsync(string runId, int chunkNo, Loaded loaded, IReadOnlyList<ReadDocument> read, long readMs, CancellationToken ct)
    {
        var (invoiceDocs, payrollFiles, travelFiles, directory) = (loaded.InvoiceDocs, loaded.PayrollFiles, loaded.TravelFiles, loaded.Directory);
        var now = clock.GetUtcNow();
        var clock0 = System.Diagnostics.Stopwatch.StartNew();
        db.ChangeTracker.Clear();
        // A retry after a commit whose answer was lost finds the chunk done: nothing is written twice.
        if (await db.RunChunks.AnyAsync(c => c.RunId == runId && c.ChunkNo == chunkNo && c.Done, ct)) return;
        var registrations = read.Select(r => ChunkDocuments.Register(r, directory)).ToList();
        // One decision state per organisation of the chunk: nothing crosses organisations.
        var organisations = new Dictionary<string, (InvoicePipeline.Decisions.DecisionContext, InvoicePipeline.Decisions.DecisionPolicy)>(StringComparer.Ordinal);
        foreach (var group in read.Zip(registrations).Where(x => x.First.Result.IsAccepted && x.Second.IsKnown).GroupBy(x => x.Second.Organisation!))
        {
            var context = await DecisionContextLoader.ForInvoicesAsync(db, group.Key, group.Select(x => x.First.Result.Invoice!).ToList(), ct,
                maxRateAgeDays: options.Value.Posting.MaxRateAgeDays);
            organisations[group.Key.OrganisationId] = (context, options.Value.DecisionPolicy(group.Key));
        }
        var loadMs = clock0.ElapsedMilliseconds;
        // Ids come from a block reserved outside the chunk's transaction (so chunks never wait on each other);
        // with them the chunk bulk-copies invoices and their children, instead of one INSERT per row.
        var firstId = read.Count == 0 ? 0 : await IdBlocks.ReserveAsync(db, "invoices", read.Count, ct);
        var rows = InvoiceRows.Decide(read, registrations, organisations, firstId, runId, now);
        var decideMs = clock0.ElapsedMilliseconds - loadMs;

        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkWriter.InsertAsync(db, rows.Invoices, ct);
        await BulkWriter.InsertAsync(db, rows.Invoices.SelectMany(e => e.Lines), ct, keepIdentity: false);
        await BulkWriter.InsertAsync(db, rows.Invoices.SelectMany(e => e.Issues), ct, keepIdentity: false);
        await BulkWriter.InsertAsync(db, rows.History, ct, keepIdentity: false);
        await BulkWriter.InsertAsync(db, rows.Decisions, ct, keepIdentity: false);
        await PayrollIntake.ProcessAsync(db, payrollFiles, runId, ct, maxRecordBytes: options.Value.Intake.MaxCsvRecordBytes,
            organisations: directory.IsImplicitSingle ? null : directory);
        await Travel.TravelIntake.ProcessAsync(db, travelFiles, runId, options.Value.Travel.Policy(BusinessClock.For(options.Value, clock).Today), ct);
        var docIds = invoiceDocs.Concat(payrollFiles).Concat(travelFiles).Select(d => d.Id).ToList();
        await db.Documents.Where(d => docIds.Contains(d.Id)).ExecuteUpdateAsync(u => u.SetProperty(d => d.Processed, true), ct);
        await db.RunChunks.Where(c => c.RunId == runId && c.ChunkNo == chunkNo)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Done, true).SetProperty(c => c.CompletedAt, now).SetProperty(c => c.Attempts, loaded.Attempts), ct);
        await tx.CommitAsync(ct);
        foreach (var r in read)
            if (r.Result.Rejection is { } rejection) log.FileRejected(r.Document.FileName, rejection.Code, rejection.Reason);
        log.ChunkProcessed(chunkNo, invoiceDocs.Count, readMs + clock0.ElapsedMilliseconds, readMs, loadMs, decideMs, clock0.ElapsedMilliseconds - loadMs - decideMs);
    }
}
