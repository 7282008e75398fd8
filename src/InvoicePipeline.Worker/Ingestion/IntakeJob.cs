using Hangfire;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Ingestion;

/// <summary>
/// First job of a run: stores every new inbox file (bytes and SHA-256) and splits them into chunks, then fans out
/// one chunk job per chunk. Re-running it for the same run finds its own files again and adds nothing.
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

        var files = Inbox.List(run.Inbox);
        var chunkSize = options.Value.Intake.ChunkSize;
        // Chunks by seller (see SellerKey): about chunkSize documents each, all of one seller's together.
        var chunkCount = Math.Max(1, (files.Count + chunkSize - 1) / chunkSize);
        var alreadySeen = 0;
        var index = 0;
        foreach (var batch in files.Chunk(500))
        {
            var hashes = new Dictionary<string, InboxFile>(StringComparer.Ordinal);
            foreach (var f in batch) hashes.TryAdd(await Inbox.HashAsync(f.Path, ct), f);
            var hashList = hashes.Keys.ToList();
            var known = await db.Documents.AsNoTracking().Where(d => hashList.Contains(d.Sha256))
                .Select(d => new { d.Sha256, d.RunId }).ToListAsync(ct);
            var knownSet = known.ToDictionary(k => k.Sha256, k => k.RunId, StringComparer.Ordinal);
            alreadySeen += batch.Length - hashes.Count; // the same bytes twice in one inbox
            var toStore = new List<ReceivedDocument>();
            foreach (var (sha, file) in hashes)
            {
                if (knownSet.TryGetValue(sha, out var byRun))
                {
                    if (byRun == runId) index++;
                    else alreadySeen++;
                    continue;
                }
                var info = new FileInfo(file.Path);
                var tooLarge = info.Length > options.Value.Intake.LimitFor(file.Channel);
                // Over the size limit the original is not stored; the chunk rejects it with the reason.
                var content = tooLarge ? [] : await File.ReadAllBytesAsync(file.Path, ct);
                // Scans reveal their seller only after OCR: they share one chunk, so two scans of a seller never race.
                // Travel claims share one chunk too: an overlap between trips of two files is then always seen.
                var seller = file.Channel switch { DocumentChannel.EInvoices => SellerKey.Peek(content, sha), DocumentChannel.Scanned => "scanned", DocumentChannel.Travel => "travel", _ => sha };
                toStore.Add(new ReceivedDocument
                {
                    Sha256 = sha, FileName = file.RelativeName, Channel = file.Channel, Size = info.Length, Content = content,
                    ReceivedAt = clock.GetUtcNow(), RunId = runId, ChunkNo = SellerKey.Chunk(seller, chunkCount),
                });
                index++;
            }
            await Resilience.Database.ExecuteAsync(async t => await BulkWriter.InsertAsync(db, toStore, t, keepIdentity: false), ct);
        }

        if (index == 0) chunkCount = 0;
        run = await db.Runs.SingleAsync(r => r.Id == runId, ct);
        run.AlreadySeen = alreadySeen;
        run.ChunkCount = chunkCount;
        var existing = await db.RunChunks.Where(c => c.RunId == runId).Select(c => c.ChunkNo).ToListAsync(ct);
        for (var c = 0; c < chunkCount; c++)
            if (!existing.Contains(c)) db.RunChunks.Add(new RunChunk { RunId = runId, ChunkNo = c });
        run.State = RunState.Processing;
        await db.SaveChangesAsync(ct);
        log.IntakeStored(index, chunkCount, alreadySeen);
        await ProcessingFlow.ContinueAsync(db, jobs, runId, ct);
    }
}
