using InvoicePipeline.Posting;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// Bulk posting of attested invoices as a two-stage pipeline: the reader (<see cref="ChunkReader"/>, its own
/// connection) reads and builds the next chunk while the writer (<see cref="ChunkWriter"/>) puts the previous one in
/// the ledger, one transaction per chunk. Nothing else is written: an attested invoice with a voucher is posted
/// (<see cref="InvoiceStates"/>), and the voucher (created by, at, run) is the record of that change, shown in the
/// invoice's history like any other. A chunk in which an invoice changed meanwhile is rolled back and read again.
/// The unique index on vouchers.InvoiceId is the last guard: a second poster of the same invoice fails, never doubles.
/// </summary>
public sealed class InvoicePoster(PipelineDbContext db, IServiceScopeFactory scopes, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<InvoicePoster> log)
{
    public async Task<PostingResult> PostAttestedAsync(string runId, DateOnly postingDate, CancellationToken ct)
    {
        var o = options.Value.Posting;
        // Nothing posts into a closed period: the run's date moves to the first open date (recorded in the history).
        postingDate = await PeriodLocks.OpenDateForRunAsync(db, runId, postingDate, clock.GetUtcNow(), ct);
        var rates = o.RateTable(await db.ExchangeRates.AsNoTracking().ToListAsync(ct));
        var rules = await InvoiceVouchers.RulesAsync(db, o, ct);
        var result = new PostingResult();
        var chunks = ChunkReader.ChunksAsync(scopes, o.ChunkSize, postingDate, rates, rules, result, ct);
        result.Waited = await ReadAhead.ConsumeAsync(chunks, async read =>
        {
            // A chunk in which an invoice changed after it was read is read again (now, on the writer's connection).
            for (var (chunk, attempt) = ((BuiltChunk?)read, 1); chunk is not null; attempt++)
            {
                try
                {
                    await Resilience.Database.ExecuteAsync(async t => await ChunkWriter.WriteAsync(db, clock, chunk, runId, postingDate, o, result, t), ct);
                    foreach (var refused in chunk.Refused) log.PostingRefused(refused.Invoice.Id, refused.Code, refused.Reason);
                    return;
                }
                catch (StaleChunkException ex) when (attempt < 5)
                {
                    log.StaleChunkReRead(chunk.Low, chunk.High, ex.Message);
                    chunk = await ChunkReader.ReadAsync(db, chunk.Low - 1, chunk.High, int.MaxValue, postingDate, rates, rules, new PostingResult(), ct);
                }
            }
        }, ct);
        log.PostingFinished(result.Posted, result.Lines, result.Refused, result.Read, result.Build, result.Write, result.Waited);
        return result;
    }
}
