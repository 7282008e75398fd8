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
        var ledgers = await LedgersAsync(db, options.Value, clock, runId, postingDate, ct);
        var result = new PostingResult();
        var chunks = ChunkReader.ChunksAsync(scopes, o.ChunkSize, ledgers, result, ct);
        result.Waited = await ReadAhead.ConsumeAsync(chunks, async read =>
        {
            // A chunk in which an invoice changed after it was read is read again (now, on the writer's connection).
            for (var (chunk, attempt) = ((BuiltChunk?)read, 1); chunk is not null; attempt++)
            {
                try
                {
                    await Resilience.Database.ExecuteAsync(async t => await ChunkWriter.WriteAsync(db, clock, chunk, runId, ledgers, result, t), ct);
                    foreach (var refused in chunk.Refused) log.PostingRefused(refused.Invoice.Id, refused.Code, refused.Reason);
                    return;
                }
                catch (StaleChunkException ex) when (attempt < 5)
                {
                    log.StaleChunkReRead(chunk.Low, chunk.High, ex.Message);
                    chunk = await ChunkReader.ReadAsync(db, chunk.Low - 1, chunk.High, int.MaxValue, ledgers, new PostingResult(), ct);
                }
            }
        }, ct);
        log.PostingFinished(result.Posted, result.Lines, result.Refused, result.Read, result.Build, result.Write, result.Waited);
        return result;
    }

    /// <summary>
    /// Each organisation's ledger for this posting: its rules and rates, and its posting date — nothing posts into a
    /// closed period of its ledger: the run's date moves to the first open date (recorded in the history).
    /// </summary>
    internal static async Task<Dictionary<string, OrganisationLedger>> LedgersAsync(PipelineDbContext db, PipelineOptions options, TimeProvider clock, string runId,
        DateOnly postingDate, CancellationToken ct)
    {
        var directory = await Organisations.OrganisationBook.LoadAsync(db, options, ct);
        var rates = await db.ExchangeRates.AsNoTracking().ToListAsync(ct);
        var nonDeductible = (await db.Accounts.AsNoTracking().Where(a => !a.VatDeductible).Select(a => new { a.OrganisationId, a.AccountNumber }).ToListAsync(ct))
            .ToLookup(a => a.OrganisationId, a => a.AccountNumber, StringComparer.Ordinal);
        var ledgers = new Dictionary<string, OrganisationLedger>(StringComparer.Ordinal);
        foreach (var organisation in directory.All)
        {
            var id = organisation.OrganisationId;
            var rules = Organisations.OrganisationBook.Rules(options, organisation);
            rules.NonDeductibleVatAccounts = nonDeductible[id].ToHashSet(StringComparer.Ordinal);
            var date = await PeriodLocks.OpenDateForRunAsync(db, runId, id, postingDate, clock.GetUtcNow(), ct);
            ledgers[id] = new(organisation, rules, ExchangeRateTable.For(rates, id, organisation.LedgerCurrency, options.Posting.MaxRateAgeDays), date);
        }
        return ledgers;
    }
}
