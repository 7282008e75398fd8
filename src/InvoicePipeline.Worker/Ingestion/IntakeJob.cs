using Hangfire;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Ingestion;

/// <summary>
/// First job of a run: stores every new, settled inbox file (its bytes read once, the SHA-256 taken of those bytes),
/// adopts the stored, unprocessed documents of earlier runs that did not complete (<see cref="StrandedDocuments"/>),
/// splits them all into chunks, then fans out one chunk job per chunk. Re-running it for the same run finds its own
/// files again and adds nothing.
/// </summary>
public sealed class IntakeJob(PipelineDbContext db, IBackgroundJobClient jobs, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<IntakeJob> log)
{
    [Queue("intake")]
    public async Task RunAsync([RunId] string runId, CancellationToken ct)
    {
        var run = await db.Runs.SingleAsync(r => r.Id == runId, ct);
        if (run.State is not (RunState.Started or RunState.Intake))
        {
            await ProcessingFlow.ContinueAsync(db, jobs, runId, ct);
            return;
        }
        run.State = RunState.Intake;
        await db.SaveChangesAsync(ct);

        var o = options.Value.Intake;
        var refused = new List<InboxRefusal>();
        var listed = Inbox.List(run.Inbox, refused);
        var refusedCount = refused.Count;
        var unsettled = new List<InboxRefusal>();
        var files = await Inbox.SettledAsync(listed, TimeSpan.FromSeconds(o.SettleSeconds), unsettled, ct);
        var stranded = await StrandedDocuments.CountAsync(db, run, ct);
        var chunkSize = o.ChunkSize;
        // Chunks by seller (see SellerKey): about chunkSize documents each, all of one seller's together.
        var chunkCount = Math.Max(1, (files.Count + stranded + chunkSize - 1) / chunkSize);
        var alreadySeen = 0;
        var index = 0;
        // Memory stays bounded: a batch is written when it holds 500 files or MaxBatchBytes of content.
        var batch = new List<(InboxFile File, string Sha, byte[] Content, long Size)>();
        var batchBytes = 0L;
        foreach (var (file, stamp) in files)
        {
            var tooLarge = stamp.Size > o.LimitFor(file.Channel);
            // Read once; the hash is of the bytes stored. Over the size limit the original is not stored (the chunk
            // rejects it with the reason) and the hash is taken as the file streams by.
            var content = tooLarge ? [] : await File.ReadAllBytesAsync(file.Path, ct);
            if (FileStamp.Of(file.Path) != stamp || (!tooLarge && content.Length != stamp.Size))
            {
                unsettled.Add(new InboxRefusal(file.RelativeName, "changed while it was read; taken by a later run once settled"));
                continue;
            }
            var sha = tooLarge ? await Inbox.HashAsync(file.Path, ct) : Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
            batch.Add((file, sha, content, stamp.Size));
            batchBytes += content.Length;
            if (batch.Count >= 500 || batchBytes >= o.MaxBatchBytes)
            {
                (index, alreadySeen) = await StoreAsync(batch, runId, chunkCount, index, alreadySeen, ct);
                (batch, batchBytes) = ([], 0);
            }
        }
        (index, alreadySeen) = await StoreAsync(batch, runId, chunkCount, index, alreadySeen, ct);
        foreach (var r in refused.Concat(unsettled)) log.FileNotTaken(r.RelativeName, r.Reason);

        var adopted = await StrandedDocuments.AdoptAsync(db, run, chunkCount, clock.GetUtcNow(), log, ct);
        index += adopted;
        if (index == 0) chunkCount = 0;
        run = await db.Runs.SingleAsync(r => r.Id == runId, ct);
        run.AlreadySeen = alreadySeen;
        run.Adopted = adopted;
        run.NotTaken = refusedCount + unsettled.Count;
        run.ChunkCount = chunkCount;
        var existing = await db.RunChunks.Where(c => c.RunId == runId).Select(c => c.ChunkNo).ToListAsync(ct);
        for (var c = 0; c < chunkCount; c++)
            if (!existing.Contains(c)) db.RunChunks.Add(new RunChunk { RunId = runId, ChunkNo = c });
        run.State = RunState.Processing;
        await db.SaveChangesAsync(ct);
        log.IntakeStored(index, chunkCount, alreadySeen);
        await ProcessingFlow.ContinueAsync(db, jobs, runId, ct);
    }

    private async Task<(int Index, int AlreadySeen)> StoreAsync(List<(InboxFile File, string Sha, byte[] Content, long Size)> batch, string runId, int chunkCount, int index, int alreadySeen, CancellationToken ct)
    {
        if (batch.Count == 0) return (index, alreadySeen);
        var hashes = new Dictionary<string, (InboxFile File, byte[] Content, long Size)>(StringComparer.Ordinal);
        foreach (var (file, sha, content, size) in batch) hashes.TryAdd(sha, (file, content, size));
        var hashList = hashes.Keys.ToList();
        var known = await db.Documents.AsNoTracking().Where(d => hashList.Contains(d.Sha256))
            .Select(d => new { d.Sha256, d.RunId, d.Processed }).ToListAsync(ct);
        var knownSet = known.ToDictionary(k => k.Sha256, k => (k.RunId, k.Processed), StringComparer.Ordinal);
        alreadySeen += batch.Count - hashes.Count; // the same bytes twice in one inbox
        var toStore = new List<ReceivedDocument>();
        foreach (var (sha, (file, content, size)) in hashes)
        {
            if (knownSet.TryGetValue(sha, out var stored))
            {
                if (stored.RunId == runId) index++;
                else if (stored.Processed) alreadySeen++;
                // else: stored by an earlier run that did not process it; adopted below, not "already seen".
                continue;
            }
            toStore.Add(new ReceivedDocument
            {
                Sha256 = sha, FileName = file.RelativeName, Channel = file.Channel, Size = size, Content = content,
                ReceivedAt = clock.GetUtcNow(), RunId = runId, ChunkNo = SellerKey.Chunk(SellerKey.For(file.Channel, content, sha), chunkCount),
            });
            index++;
        }
        await Resilience.Database.ExecuteAsync(async t => await BulkWriter.InsertAsync(db, toStore, t, keepIdentity: false), ct);
        return (index, alreadySeen);
    }
}
