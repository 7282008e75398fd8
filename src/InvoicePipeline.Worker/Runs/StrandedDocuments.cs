using InvoicePipeline.Worker.Health;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvoicePipeline.Worker.Runs;

/// <summary>
/// A run that did not complete (crashed, failed for good, or never resumed because the next night had a new date or
/// new files) leaves stored documents that no chunk has processed. The next run adopts them all: they move to its
/// chunks (by seller, as its own files), the earlier run is closed as failed with the count in its error, and an
/// alert is raised for each such run until an operator acknowledges it (<see cref="Alerts"/>).
/// </summary>
public static class StrandedDocuments
{
    /// <summary>Earlier runs (started before <paramref name="run"/>) that are not completed, excluding the run itself.</summary>
    private static IQueryable<PipelineRun> Unfinished(PipelineDbContext db, PipelineRun run) =>
        db.Runs.Where(r => r.Id != run.Id && r.State != RunState.Completed && r.StartedAt < run.StartedAt);

    public static async Task<int> CountAsync(PipelineDbContext db, PipelineRun run, CancellationToken ct)
    {
        var runs = await Unfinished(db, run).Select(r => r.Id).ToListAsync(ct);
        return runs.Count == 0 ? 0 : await db.Documents.CountAsync(d => runs.Contains(d.RunId) && !d.Processed, ct);
    }

    /// <summary>Moves the earlier unfinished runs' unprocessed documents into <paramref name="run"/>'s chunks; returns how many.</summary>
    public static async Task<int> AdoptAsync(PipelineDbContext db, PipelineRun run, int chunkCount, DateTimeOffset now, ILogger log, CancellationToken ct)
    {
        var earlier = await Unfinished(db, run).OrderBy(r => r.StartedAt).Select(r => new { r.Id, r.State, r.Error }).ToListAsync(ct);
        var total = 0;
        foreach (var from in earlier)
        {
            var adopted = 0;
            // In batches by id, with the content for the seller key: memory stays bounded however many are stranded.
            var after = 0L;
            while (true)
            {
                var batch = await db.Documents.AsNoTracking().Where(d => d.RunId == from.Id && !d.Processed && d.Id > after).OrderBy(d => d.Id).Take(200)
                    .Select(d => new { d.Id, d.Sha256, d.Channel, d.Content }).ToListAsync(ct);
                if (batch.Count == 0) break;
                foreach (var group in batch.GroupBy(d => SellerKey.Chunk(SellerKey.For(d.Channel, d.Content, d.Sha256), chunkCount)))
                {
                    var ids = group.Select(d => d.Id).ToList();
                    adopted += await db.Documents.Where(d => ids.Contains(d.Id) && d.RunId == from.Id && !d.Processed)
                        .ExecuteUpdateAsync(u => u.SetProperty(d => d.RunId, run.Id).SetProperty(d => d.ChunkNo, group.Key), ct);
                }
                after = batch[^1].Id;
            }
            var why = $"did not complete (stopped at {from.State.ToString().ToLowerInvariant()}{(from.Error is null ? "" : ": " + from.Error)}); "
                + $"{adopted} unprocessed document(s) adopted by run {run.Id}";
            await db.Runs.Where(r => r.Id == from.Id && r.State != RunState.Completed)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.State, RunState.Failed).SetProperty(r => r.Error, why).SetProperty(r => r.FinishedAt, now), ct);
            await Alerts.RaiseAsync(db, Alerts.RunIncomplete, from.Id, $"Run {from.Id} {why}", now, log, ct);
            log.RunAdopted(run.Id, from.Id, adopted);
            total += adopted;
        }
        return total;
    }
}
