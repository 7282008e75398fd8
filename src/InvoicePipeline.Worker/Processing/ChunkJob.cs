using System.Text.Json;
using Hangfire;
using InvoicePipeline.Invoices;
using InvoicePipeline.Suppliers;
using InvoicePipeline.Validation;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion.EInvoices;
using InvoicePipeline.Worker.Ingestion.Scanned;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Processing;

/// <summary>
/// Processes one chunk of a run's documents: read, validate, identify, check duplicates, match, code, route.
/// The whole chunk is one transaction; a chunk that is already done is skipped, so a retry or a resumed run
/// repeats nothing.
/// </summary>
public sealed class ChunkJob(PipelineDbContext db, ScannedInvoiceReader scans, IBackgroundJobClient jobs, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<ChunkJob> log)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private EInvoiceReaderOptions ReaderOptions => new() { MaxDocumentBytes = options.Value.Intake.MaxFileBytes };

    [Queue("chunks")]
    public async Task RunAsync([RunId] string runId, int chunkNo, CancellationToken ct)
    {
        await Resilience.Database.ExecuteAsync(async t => await ProcessAsync(runId, chunkNo, t), ct);
        await ProcessingFlow.ChunkDoneAsync(db, jobs, runId, ct);
    }

    private async Task ProcessAsync(string runId, int chunkNo, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var chunk = await db.RunChunks.SingleAsync(c => c.RunId == runId && c.ChunkNo == chunkNo, ct);
        if (chunk.Done) return;
        chunk.Attempts++;
        var docs = await db.Documents.Where(d => d.RunId == runId && d.ChunkNo == chunkNo && !d.Processed)
            .OrderBy(d => d.Id).ToListAsync(ct);
        var payrollFiles = docs.Where(d => d.Channel == "payroll").ToList();
        docs = docs.Where(d => d.Channel is "einvoices" or "scanned").ToList();
        var now = clock.GetUtcNow();

        var clock0 = System.Diagnostics.Stopwatch.StartNew();
        var register = await db.Suppliers.AsNoTracking().ToListAsync(ct);
        var parsed = new List<(ReceivedDocument Doc, ReadResult Result)>(docs.Count);
        foreach (var d in docs)
        {
            var read = d.Content.Length == 0 && d.Size > 0
                ? ReadResult.Invalid(d.FileName, $"{d.Size} bytes is over the size limit of {options.Value.Intake.MaxFileBytes} bytes")
                : d.Channel == "scanned" ? await ReadScanAsync(d, register, ct) : EInvoiceReader.Read(d.Content, d.FileName, ReaderOptions);
            parsed.Add((d, read));
        }
        var invoices = parsed.Where(p => p.Result.IsAccepted).Select(p => p.Result.Invoice!).ToList();
        var readMs = clock0.ElapsedMilliseconds;
        var identification = new SupplierIdentification(register);
        var supplierIds = invoices.Select(i => identification.Identify(i).Supplier?.SupplierId).OfType<string>().ToList();
        var context = await ProcessingContext.LoadAsync(db, identification, options.Value.Tolerance.Book(), invoices.Select(i => i.OrderReference).OfType<string>().ToList(), supplierIds, ct);

        var loadMs = clock0.ElapsedMilliseconds - readMs;
        // Ids come from a block reserved outside the chunk's transaction (so chunks never wait on each other);
        // with them the chunk bulk-copies invoices and their children, instead of one INSERT per row.
        var firstId = parsed.Count == 0 ? 0 : await IdBlocks.ReserveAsync(db, "invoices", parsed.Count, ct);
        var entities = new List<SupplierInvoice>(parsed.Count);
        foreach (var (doc, read) in parsed)
        {
            var entity = read.IsAccepted ? Decided(doc, read, context, runId, now) : Rejected(doc, read, runId, now);
            entity.Id = firstId + entities.Count;
            foreach (var line in entity.Lines) line.InvoiceId = entity.Id;
            foreach (var issue in entity.Issues) issue.InvoiceId = entity.Id;
            entities.Add(entity);
        }
        var (history, decisions) = HistoryAndDecisions(runId, now);
        var decideMs = clock0.ElapsedMilliseconds - readMs - loadMs;

        db.ChangeTracker.Clear();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkWriter.InsertAsync(db, entities, ct);
        await BulkWriter.InsertAsync(db, entities.SelectMany(e => e.Lines), ct, keepIdentity: false);
        await BulkWriter.InsertAsync(db, entities.SelectMany(e => e.Issues), ct, keepIdentity: false);
        await BulkWriter.InsertAsync(db, history, ct, keepIdentity: false);
        await BulkWriter.InsertAsync(db, decisions, ct, keepIdentity: false);
        await PayrollIntake.ProcessAsync(db, payrollFiles, runId, ct, maxRecordBytes: options.Value.Intake.MaxCsvRecordBytes);
        var docIds = docs.Concat(payrollFiles).Select(d => d.Id).ToList();
        await db.Documents.Where(d => docIds.Contains(d.Id)).ExecuteUpdateAsync(u => u.SetProperty(d => d.Processed, true), ct);
        await db.RunChunks.Where(c => c.RunId == runId && c.ChunkNo == chunkNo)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Done, true).SetProperty(c => c.CompletedAt, now).SetProperty(c => c.Attempts, chunk.Attempts), ct);
        await tx.CommitAsync(ct);
        foreach (var (doc, read) in parsed)
            if (read.Rejection is { } rejection) log.FileRejected(doc.FileName, rejection.Code, rejection.Reason);
        log.ChunkProcessed(chunkNo, docs.Count, clock0.ElapsedMilliseconds, readMs, loadMs, decideMs, clock0.ElapsedMilliseconds - readMs - loadMs - decideMs);
    }

    private readonly List<(SupplierInvoice Invoice, InvoiceDecision? Decision, string? Rejection, IReadOnlyList<Finding> Findings)> _pending = [];

    private SupplierInvoice Rejected(ReceivedDocument doc, ReadResult read, string runId, DateTimeOffset now)
    {
        var issue = read.Rejection!;
        var inv = read.Invoice;
        var entity = new SupplierInvoice
        {
            DocumentId = doc.Id, Kind = inv?.Kind ?? DocumentKind.Invoice, InvoiceNumber = inv?.Number ?? "", Status = InvoiceStatus.Rejected,
            IssueDate = inv?.IssueDate, Currency = inv?.Currency ?? "", TotalInclVat = inv?.Totals.TaxInclusive ?? 0, SellerName = inv?.Seller.Name,
            Exceptions = issue.Code, ReceivedAt = doc.ReceivedAt, RunId = runId,
            Issues = [new InvoiceException { Code = issue.Code, Reason = issue.Reason, RaisedAt = now }],
        };
        _pending.Add((entity, null, issue.Reason, read.Findings));
        return entity;
    }

    /// <summary>OCR happens here, before the chunk's transaction opens: a slow page never holds database locks.</summary>
    private async Task<ReadResult> ReadScanAsync(ReceivedDocument doc, List<InvoicePipeline.MasterData.Supplier> register, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ip-scan-{doc.Sha256[..16]}{Path.GetExtension(doc.FileName)}");
        await File.WriteAllBytesAsync(path, doc.Content, ct);
        try
        {
            var outcome = await scans.ReadAsync(path, InvoicePipeline.Scanning.SupplierLookups.Over(register), ct);
            if (outcome.Result is null) return ReadResult.Invalid(doc.FileName, outcome.InvalidReason ?? "unreadable scan");
            _scanIssues[outcome.Result.Invoice] = (outcome.Result.Issues, outcome.Result.Capture);
            return new ReadResult(outcome.Result.Invoice, [], null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private readonly Dictionary<Invoice, (IReadOnlyList<InvoiceIssue> Issues, InvoicePipeline.Scanning.ScanCapture Capture)> _scanIssues = [];

    private SupplierInvoice Decided(ReceivedDocument doc, ReadResult read, ProcessingContext ctx, string runId, DateTimeOffset now)
    {
        var invoice = read.Invoice!;
        // What the machine was unsure of in a scan goes to a person, with the doubtful fields named (LOW_CONFIDENCE).
        var scanned = _scanIssues.TryGetValue(invoice, out var scan);
        var d = InvoiceDecider.Decide(invoice, ctx, options.Value, scanned ? scan.Issues : null);
        object stored = scanned ? new { invoice, capture = scan.Capture } : invoice;
        if (d.Key is not null && d.Status is not (InvoiceStatus.Rejected or InvoiceStatus.Duplicate)) ctx.AcceptedKeys.Add(d.Key);
        var entity = new SupplierInvoice
        {
            DocumentId = doc.Id, Kind = invoice.Kind, SupplierId = d.Supplier?.SupplierId, SellerName = invoice.Seller.Name ?? invoice.Seller.LegalName,
            InvoiceNumber = invoice.Number, IssueDate = invoice.IssueDate, DueDate = invoice.DueDate, Currency = invoice.Currency,
            TotalExclVat = invoice.Totals.TaxExclusive, VatTotal = invoice.Totals.TaxTotal ?? invoice.VatBreakdown.Sum(v => v.TaxAmount),
            TotalInclVat = invoice.Totals.TaxInclusive, Payable = invoice.Totals.Payable, LedgerAmountExclVat = d.LedgerAmountExclVat,
            OrderReference = invoice.OrderReference, ContractReference = invoice.ContractReference, BuyerReference = invoice.BuyerReference,
            PaymentReference = invoice.PaymentReference, PayeeAccount = invoice.PayeeAccounts.FirstOrDefault()?.ToString(),
            Status = d.Status, Match = d.Match, MatchRef = d.MatchRef, SubscriptionPeriod = d.SubscriptionPeriod, DuplicateKey = d.DuplicateKey,
            Exceptions = string.Join(';', d.Issues.Select(i => i.Code).Distinct()),
            PolicyVersion = d.PolicyVersion, ReceivedAt = doc.ReceivedAt, RunId = runId,
            AttestedBy = d.Status == InvoiceStatus.Attested ? "system" : null, AttestedAt = d.Status == InvoiceStatus.Attested ? now : null,
            DocumentJson = JsonSerializer.Serialize(stored, Json),
            VatBreakdownJson = JsonSerializer.Serialize(invoice.VatBreakdown, Json),
            Lines = d.Lines.Select((l, i) => new SupplierInvoiceLine
            {
                LineNo = i + 1, LineId = l.Line.Id, Description = l.Line.ItemName, ItemId = l.Line.SellersItemId, Quantity = l.Line.Quantity,
                UnitPrice = l.Line.UnitPrice, NetAmount = l.Line.NetAmount, VatCategory = l.Line.VatCategory ?? "S", VatRate = l.Line.VatRate ?? 0,
                OrderLineReference = l.Line.OrderLineReference, PoNumber = l.PoNumber, PoLine = l.PoLine, Account = l.Account,
                CostCentre = l.CostCentre, Project = l.Project, CodingSource = l.Source,
            }).ToList(),
            Issues = d.Issues.Select(i => new InvoiceException { Code = i.Code, Reason = i.Reason, RaisedAt = now }).ToList(),
        };
        _pending.Add((entity, d, null, read.Findings));
        return entity;
    }

    private (List<StatusChange> History, List<DecisionRecord> Decisions) HistoryAndDecisions(string runId, DateTimeOffset now)
    {
        var history = new List<StatusChange>(_pending.Count * 2);
        var decisions = new List<DecisionRecord>(_pending.Count * 4);
        foreach (var (inv, d, rejection, findings) in _pending)
        {
            // Validation warnings (and the fatal findings of a rejection) stay with the invoice, with their official rule ids.
            foreach (var f in findings)
                decisions.Add(new DecisionRecord { InvoiceId = inv.Id, Step = "validation", Rule = f.RuleId, Explanation = $"{f.Severity}: {f.Message} at {f.Location}", At = now });
            history.Add(new StatusChange { SubjectId = inv.Id, At = now, Action = "receive", ToStatus = nameof(InvoiceStatus.Received), RunId = runId, Reason = "stored from the inbox" });
            var why = rejection ?? (d!.Issues.Count > 0 ? string.Join("; ", d.Issues.Select(i => i.Code)) : d.Match == "none" ? "no match" : $"matched {d.Match} {d.MatchRef}");
            history.Add(new StatusChange { SubjectId = inv.Id, At = now, Action = "process", FromStatus = nameof(InvoiceStatus.Received), ToStatus = inv.Status.ToString(), RunId = runId, Reason = why });
            if (d is null) continue;
            foreach (var (step, rule, text) in d.Explanations)
                decisions.Add(new DecisionRecord { InvoiceId = inv.Id, Step = step, Rule = rule, Explanation = text, PolicyVersion = inv.PolicyVersion, At = now });
        }
        _pending.Clear();
        return (history, decisions);
    }
}
