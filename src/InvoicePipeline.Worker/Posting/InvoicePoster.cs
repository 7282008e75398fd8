using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// Bulk posting: attested invoices in chunks, each chunk one transaction that reserves a gapless range of voucher
/// numbers (a row lock on the series counter), copies vouchers and lines in bulk, and marks the invoices posted.
/// The unique index on vouchers.InvoiceId is the last guard: a second poster of the same invoice fails, never doubles.
/// </summary>
public sealed class InvoicePoster(PipelineDbContext db, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<InvoicePoster> log)
{
    public async Task<int> PostAttestedAsync(string runId, DateOnly postingDate, CancellationToken ct)
    {
        var o = options.Value.Posting;
        var rates = await db.ExchangeRates.AsNoTracking().ToListAsync(ct);
        var posted = 0;
        while (true)
        {
            var count = await Resilience.Database.ExecuteAsync(async t => await PostChunkAsync(runId, postingDate, o, rates, t), ct);
            if (count == 0) break;
            posted += count;
        }
        log.LogInformation("Posted {Vouchers} voucher(s)", posted);
        return posted;
    }

    private async Task<int> PostChunkAsync(string runId, DateOnly postingDate, PostingOptions o, List<InvoicePipeline.MasterData.ExchangeRate> rates, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Only the columns posting needs: the parsed document (DocumentJson) stays in the database.
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.Status == InvoiceStatus.Attested && i.VoucherId == null)
            .OrderBy(i => i.Id).Take(o.ChunkSize)
            .Select(i => new SupplierInvoice
            {
                Id = i.Id, Kind = i.Kind, SupplierId = i.SupplierId, InvoiceNumber = i.InvoiceNumber, Currency = i.Currency,
                IssueDate = i.IssueDate, VatTotal = i.VatTotal, TotalInclVat = i.TotalInclVat,
            }).ToListAsync(ct);
        if (invoices.Count == 0) return 0;
        var (low, high) = (invoices[0].Id, invoices[^1].Id);
        var lineLookup = (await db.InvoiceLines.AsNoTracking().Where(l => l.InvoiceId >= low && l.InvoiceId <= high).ToListAsync(ct))
            .ToLookup(l => l.InvoiceId);
        foreach (var inv in invoices) inv.Lines = lineLookup[inv.Id].OrderBy(l => l.LineNo).ToList();
        var readMs = watch.ElapsedMilliseconds;

        var year = postingDate.Year;
        var first = await VoucherNumbers.ReserveAsync(db, o.InvoiceSeries, year, invoices.Count, ct);
        var now = clock.GetUtcNow();
        var vouchers = new List<VoucherEntry>(invoices.Count);
        var lines = new List<VoucherLineEntry>(invoices.Count * 4);
        var history = new List<StatusChange>(invoices.Count);
        for (var i = 0; i < invoices.Count; i++)
        {
            var inv = invoices[i];
            var number = first + i;
            var id = VoucherIds.VoucherId(o.InvoiceSeries, year, number);
            var rate = inv.Currency == o.LedgerCurrency ? 1m
                : rates.First(r => r.Currency == inv.Currency && r.Date == inv.IssueDate).Rate;
            var built = InterimVoucherRules.Build(inv, rate, o);
            vouchers.Add(new VoucherEntry
            {
                Id = id, Series = o.InvoiceSeries, FiscalYear = year, Number = number, Date = postingDate,
                Text = $"{inv.SupplierId} {inv.InvoiceNumber}", InvoiceId = inv.Id, RunId = runId, CreatedAt = now,
            });
            lines.AddRange(built.Select((l, n) => new VoucherLineEntry
            {
                Id = VoucherIds.LineId(id, n + 1), VoucherId = id, LineNo = n + 1, Account = l.Account, CostCentre = l.CostCentre,
                Project = l.Project, Amount = l.Amount, Text = l.Text,
            }));
            history.Add(new StatusChange
            {
                SubjectId = inv.Id, At = now, Action = "post", FromStatus = nameof(InvoiceStatus.Attested), ToStatus = nameof(InvoiceStatus.Posted),
                RunId = runId, Reason = $"voucher {o.InvoiceSeries}{number}",
            });
        }
        var buildMs = watch.ElapsedMilliseconds - readMs;
        await BulkWriter.InsertAsync(db, vouchers, ct);
        await BulkWriter.InsertAsync(db, lines, ct);
        await BulkWriter.InsertAsync(db, history, ct, keepIdentity: false);
        var copyMs = watch.ElapsedMilliseconds - readMs - buildMs;
        // One set-based statement marks the chunk's invoices posted and links their vouchers (UPDATE ... FROM: PostgreSQL and SQLite).
        var (firstVoucher, lastVoucher) = (vouchers[0].Id, vouchers[^1].Id);
        var posted = nameof(InvoiceStatus.Posted);
        var postedAt = db is SqlitePipelineDbContext ? new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(now)! : now;
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE invoices SET \"Status\" = {0}, \"PostedAt\" = {1}, \"VoucherId\" = v.\"Id\" " +
            "FROM vouchers v WHERE v.\"InvoiceId\" = invoices.\"Id\" AND v.\"Id\" BETWEEN {2} AND {3}",
            [posted, postedAt, firstVoucher, lastVoucher], ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Posted {Vouchers} voucher(s) with {Lines} line(s) in {Ms} ms (read {ReadMs}, build {BuildMs}, copy {CopyMs}, update {UpdateMs})",
            vouchers.Count, lines.Count, watch.ElapsedMilliseconds, readMs, buildMs, copyMs, watch.ElapsedMilliseconds - readMs - buildMs - copyMs);
        return invoices.Count;
    }
}

public sealed record PostingLine(string Account, string? CostCentre, string? Project, decimal Amount, string? Text);

/// <summary>Interim posting rules of the foundation (replaced by the core's voucher builder).</summary>
public static class InterimVoucherRules
{
    public static List<PostingLine> Build(SupplierInvoice inv, decimal rate, PostingOptions o)
    {
        var sign = inv.Kind == DocumentKind.CreditNote ? -1 : 1;
        var lines = inv.Lines.Select(l => new PostingLine(l.Account ?? throw new InvalidOperationException($"invoice {inv.Id} line {l.LineNo} has no account"),
            l.CostCentre, l.Project, sign * Money.Round(l.NetAmount * rate), l.Description)).ToList();
        if (inv.VatTotal != 0) lines.Add(new PostingLine(o.InputVatAccount, null, null, sign * Money.Round(inv.VatTotal * rate), "Input VAT"));
        lines.Add(new PostingLine(o.PayableAccount, null, null, -sign * Money.Round(inv.TotalInclVat * rate), $"{inv.SupplierId} {inv.InvoiceNumber}"));
        var diff = lines.Sum(l => l.Amount);
        if (diff != 0) lines.Add(new PostingLine(o.RoundingAccount, null, null, -diff, "Rounding"));
        return lines;
    }
}
