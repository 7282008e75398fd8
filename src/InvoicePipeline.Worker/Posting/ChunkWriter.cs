using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// The writer's side of posting. One chunk, one transaction: the posting lock (<see cref="PostingLock"/>), refusals
/// sent back, a gapless range of voucher numbers (a row lock on the series counter), the check that each invoice is
/// unchanged since it was read (<see cref="UnchangedCheck"/>), then vouchers and lines copied in bulk. Nothing of it
/// is visible unless all of it is.
/// </summary>
internal static class ChunkWriter
{
    public static async Task WriteAsync(PipelineDbContext db, TimeProvider clock, BuiltChunk chunk, string runId, IReadOnlyDictionary<string, OrganisationLedger> ledgers,
        PostingResult result, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        await PostingLock.HoldAsync(db, shared: false, ct);
        await PostingRefusals.SendBackAsync(db, chunk.Refused, runId, now, ct);
        var built = chunk.Built;
        if (built.Count > 0)
        {
            var vouchers = new List<VoucherEntry>(built.Count);
            var lines = new List<VoucherLineEntry>(built.Count * 5);
            var firstId = await VoucherIds.ReserveAsync(db, built.Count, ct);
            // Gapless per organisation, series and fiscal year: one range per organisation of the chunk, in id order.
            foreach (var group in built.GroupBy(b => b.Invoice.OrganisationId!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                var ledger = ledgers[group.Key];
                var (series, date) = (ledger.Rules.InvoiceSeries, ledger.PostingDate);
                var own = group.ToList();
                var (year, first) = await VoucherNumbers.ReserveAsync(db, group.Key, series, date, ledger.Rules.FiscalYearStartMonth, own.Count, ct);
                for (var i = 0; i < own.Count; i++)
                {
                    var (inv, _, voucher) = own[i];
                    var id = firstId + vouchers.Count;
                    vouchers.Add(new VoucherEntry
                    {
                        Id = id, OrganisationId = group.Key, Series = series, FiscalYear = year, Number = first + i, Date = date,
                        Text = voucher.Text, InvoiceId = inv.Id, RunId = runId, CreatedAt = now,
                    });
                    for (var n = 0; n < voucher.Lines.Count; n++)
                    {
                        var l = voucher.Lines[n];
                        lines.Add(new VoucherLineEntry
                        {
                            Id = VoucherIds.LineId(id, n + 1), VoucherId = id, LineNo = n + 1, Account = l.Account, CostCentre = l.CostCentre,
                            Project = l.Project, Amount = l.Amount, Text = l.Text,
                        });
                    }
                }
            }
            // Checked (under the posting lock) before the COPY, so a changed invoice costs nothing but these statements.
            var ids = built.Select(b => b.Invoice.Id).ToArray(); // in id order, as read and as the versions are
            var checkAt = watch.Elapsed;
            var marked = await UnchangedCheck.CountAsync(db, built, ids, ct);
            result.Check += watch.Elapsed - checkAt;
            if (marked != built.Count) throw new StaleChunkException(built.Count, marked);
            var copyAt = watch.Elapsed;
            await BulkWriter.InsertAsync(db, vouchers, ct);
            await BulkWriter.InsertAsync(db, lines, ct);
            result.Copy += watch.Elapsed - copyAt;
            result.Lines += lines.Count;
        }
        await tx.CommitAsync(ct);
        result.Posted += built.Count;
        result.Refused += chunk.Refused.Count;
        result.Write += watch.Elapsed;
    }
}
