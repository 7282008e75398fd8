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
    public static async Task WriteAsync(PipelineDbContext db, TimeProvider clock, BuiltChunk chunk, string runId, DateOnly postingDate, Hosting.PostingOptions o, PostingResult result, CancellationToken ct)
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
            var (year, first) = await VoucherNumbers.ReserveAsync(db, o.InvoiceSeries, postingDate, o.FiscalYearStartMonth, built.Count, ct);
            var vouchers = new List<VoucherEntry>(built.Count);
            var lines = new List<VoucherLineEntry>(built.Count * 5);
            for (var i = 0; i < built.Count; i++)
            {
                var (inv, _, voucher) = built[i];
                var number = first + i;
                var id = VoucherIds.VoucherId(o.InvoiceSeries, year, number);
                vouchers.Add(new VoucherEntry
                {
                    Id = id, Series = o.InvoiceSeries, FiscalYear = year, Number = number, Date = postingDate,
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
            // Checked (under the posting lock) before the COPY, so a changed invoice costs nothing but these statements.
            var ids = vouchers.Select(v => v.InvoiceId!.Value).ToArray();
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
