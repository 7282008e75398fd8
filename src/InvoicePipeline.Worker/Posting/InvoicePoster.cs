using InvoicePipeline.Coding;
using InvoicePipeline.Invoices;
using InvoicePipeline.Posting;
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
        var rates = new ExchangeRateTable(await db.ExchangeRates.AsNoTracking().ToListAsync(ct));
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

    private async Task<int> PostChunkAsync(string runId, DateOnly postingDate, Hosting.PostingOptions o, ExchangeRateTable rates, CancellationToken ct)
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
                Id = i.Id, Kind = i.Kind, SupplierId = i.SupplierId, SellerName = i.SellerName, InvoiceNumber = i.InvoiceNumber, Currency = i.Currency,
                IssueDate = i.IssueDate, VatTotal = i.VatTotal, TotalInclVat = i.TotalInclVat, Payable = i.Payable, VatBreakdownJson = i.VatBreakdownJson,
            }).ToListAsync(ct);
        if (invoices.Count == 0) return 0;
        var (low, high) = (invoices[0].Id, invoices[^1].Id);
        var lineLookup = (await db.InvoiceLines.AsNoTracking().Where(l => l.InvoiceId >= low && l.InvoiceId <= high).ToListAsync(ct))
            .ToLookup(l => l.InvoiceId);
        foreach (var inv in invoices) inv.Lines = lineLookup[inv.Id].OrderBy(l => l.LineNo).ToList();
        var readMs = watch.ElapsedMilliseconds;

        var rules = new InvoicePipeline.Posting.PostingOptions
        {
            LedgerCurrency = o.LedgerCurrency, InvoiceSeries = o.InvoiceSeries, PayrollSeries = o.PayrollSeries, InputVatAccount = o.InputVatAccount,
            PayablesAccount = o.PayableAccount, RoundingAccount = o.RoundingAccount,
        };
        var now = clock.GetUtcNow();
        var built = new List<(SupplierInvoice Invoice, InvoicePipeline.Posting.Voucher Voucher)>(invoices.Count);
        var refused = new List<(SupplierInvoice Invoice, string Code, string Reason)>();
        foreach (var inv in invoices)
        {
            try
            {
                built.Add((inv, VoucherBuilder.ForInvoice(ToDocument(inv), $"invoice {inv.Id}", CodedLines(inv), postingDate, rates, rules, inv.SupplierId)));
            }
            catch (PostingRefusedException ex)
            {
                refused.Add((inv, ex.Code, ex.Message));
            }
            catch (UnbalancedVoucherException ex)
            {
                refused.Add((inv, ExceptionCode.MissingCoding, ex.Message));
            }
        }
        await RefuseAsync(refused, runId, now, ct);
        if (built.Count == 0)
        {
            await tx.CommitAsync(ct);
            return refused.Count;
        }

        var year = postingDate.Year;
        var first = await VoucherNumbers.ReserveAsync(db, o.InvoiceSeries, year, built.Count, ct);
        var vouchers = new List<VoucherEntry>(built.Count);
        var lines = new List<VoucherLineEntry>(built.Count * 4);
        var history = new List<StatusChange>(built.Count);
        for (var i = 0; i < built.Count; i++)
        {
            var (inv, voucher) = built[i];
            var number = first + i;
            var id = VoucherIds.VoucherId(o.InvoiceSeries, year, number);
            vouchers.Add(new VoucherEntry
            {
                Id = id, Series = o.InvoiceSeries, FiscalYear = year, Number = number, Date = postingDate,
                Text = voucher.Text, InvoiceId = inv.Id, RunId = runId, CreatedAt = now,
            });
            lines.AddRange(voucher.Lines.Select((l, n) => new VoucherLineEntry
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
        log.LogInformation("Posted {Vouchers} voucher(s) with {Lines} line(s) in {Ms} ms (read {ReadMs}, build {BuildMs}, copy {CopyMs}, update {UpdateMs}); {Refused} refused",
            vouchers.Count, lines.Count, watch.ElapsedMilliseconds, readMs, buildMs, copyMs, watch.ElapsedMilliseconds - readMs - buildMs - copyMs, refused.Count);
        return invoices.Count;
    }

    /// <summary>What posting needs of the document: kind, number, dates, currency, totals and the VAT breakdown.</summary>
    private static Invoice ToDocument(SupplierInvoice inv) => new()
    {
        Kind = inv.Kind, Number = inv.InvoiceNumber, IssueDate = inv.IssueDate ?? default, Currency = inv.Currency,
        Seller = new Party { Name = inv.SellerName },
        Totals = new MonetaryTotals { Payable = inv.Payable, TaxInclusive = inv.TotalInclVat, TaxTotal = inv.VatTotal },
        VatBreakdown = System.Text.Json.JsonSerializer.Deserialize<List<VatBreakdown>>(inv.VatBreakdownJson, Processing.ChunkJob.Json) ?? [],
    };

    /// <summary>Coded lines signed for booking: negative on credit notes.</summary>
    private static List<CodedLine> CodedLines(SupplierInvoice inv)
    {
        var sign = inv.Kind == DocumentKind.CreditNote ? -1 : 1;
        if (inv.Lines.Any(l => l.Account is null))
            throw new PostingRefusedException(ExceptionCode.MissingCoding, $"invoice {inv.Id} has uncoded lines");
        return inv.Lines.Select(l => new CodedLine(l.LineId, l.NetAmount * sign, l.VatCategory, l.VatRate,
            new InvoicePipeline.Coding.Coding(l.Account!, l.CostCentre, l.Project),
            Enum.TryParse<CodingSource>(l.CodingSource, out var source) ? source : CodingSource.Person)).ToList();
    }

    /// <summary>An attested invoice that cannot be posted goes back to review with the reason; it never blocks the rest.</summary>
    private async Task RefuseAsync(List<(SupplierInvoice Invoice, string Code, string Reason)> refused, string runId, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (inv, code, reason) in refused)
        {
            await db.Invoices.Where(i => i.Id == inv.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.Status, InvoiceStatus.AwaitingReview)
                .SetProperty(i => i.Exceptions, i => i.Exceptions == "" ? code : i.Exceptions + ";" + code), ct);
            db.InvoiceExceptions.Add(new InvoiceException { InvoiceId = inv.Id, Code = code, Reason = reason, RaisedAt = now });
            db.History.Add(new StatusChange { SubjectId = inv.Id, At = now, Action = "post-refused", FromStatus = nameof(InvoiceStatus.Attested), ToStatus = nameof(InvoiceStatus.AwaitingReview), RunId = runId, Reason = reason });
        }
        if (refused.Count > 0) await db.SaveChangesAsync(ct);
    }
}
