using System.Text.Json;
using Hangfire;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion.EInvoices;
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
public sealed class ChunkJob(PipelineDbContext db, IBackgroundJobClient jobs, IOptions<PipelineOptions> options, TimeProvider clock, ILogger<ChunkJob> log)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Queue("chunks")]
    public async Task RunAsync(string runId, int chunkNo, CancellationToken ct)
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
        var docs = await db.Documents.Where(d => d.RunId == runId && d.ChunkNo == chunkNo && !d.Processed && d.Channel == "einvoices")
            .OrderBy(d => d.Id).ToListAsync(ct);
        var now = clock.GetUtcNow();

        var parsed = docs.Select(d => (Doc: d, Result: d.Content.Length == 0 && d.Size > 0
            ? (Invoice: (Invoice?)null, Rejection: (string?)$"{d.FileName}: {d.Size} bytes is over the size limit of {options.Value.Intake.MaxFileBytes} bytes")
            : InterimUblReader.Read(d.Content, d.FileName))).ToList();
        var invoices = parsed.Where(p => p.Result.Invoice is not null).Select(p => p.Result.Invoice!).ToList();
        var ctxSuppliers = await db.Suppliers.AsNoTracking().ToListAsync(ct);
        var supplierIds = invoices.Select(i => InvoiceDecider.FindSupplier(i, ctxSuppliers)?.SupplierId).OfType<string>().ToList();
        var context = await ProcessingContext.LoadAsync(db, invoices.Select(i => i.OrderReference).OfType<string>().ToList(), supplierIds, ct);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (doc, (invoice, rejection)) in parsed)
        {
            var entity = invoice is null ? Rejected(doc, rejection!, runId, now) : Decided(doc, invoice, context, runId, now);
            db.Invoices.Add(entity);
            doc.Processed = true;
        }
        await db.SaveChangesAsync(ct);
        AddHistoryAndDecisions(runId, now);
        chunk.Done = true;
        chunk.CompletedAt = now;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Chunk {Chunk} processed {Documents} document(s)", chunkNo, docs.Count);
    }

    private readonly List<(SupplierInvoice Invoice, InvoiceDecision? Decision, string? Rejection)> _pending = [];

    private SupplierInvoice Rejected(ReceivedDocument doc, string reason, string runId, DateTimeOffset now)
    {
        var entity = new SupplierInvoice
        {
            DocumentId = doc.Id, Kind = DocumentKind.Invoice, InvoiceNumber = "", Status = InvoiceStatus.Rejected,
            Exceptions = ExceptionCode.InvalidDocument, ReceivedAt = doc.ReceivedAt, RunId = runId,
            Issues = [new InvoiceException { Code = ExceptionCode.InvalidDocument, Reason = reason, RaisedAt = now }],
        };
        _pending.Add((entity, null, reason));
        return entity;
    }

    private SupplierInvoice Decided(ReceivedDocument doc, Invoice invoice, ProcessingContext ctx, string runId, DateTimeOffset now)
    {
        var d = InvoiceDecider.Decide(invoice, ctx, options.Value);
        if (d.DuplicateKey is not null) ctx.AcceptedKeys.Add(d.DuplicateKey);
        var entity = new SupplierInvoice
        {
            DocumentId = doc.Id, Kind = invoice.Kind, SupplierId = d.Supplier?.SupplierId, SellerName = invoice.Seller.Name,
            InvoiceNumber = invoice.Number, IssueDate = invoice.IssueDate, DueDate = invoice.DueDate, Currency = invoice.Currency,
            TotalExclVat = invoice.Totals.TaxExclusive, VatTotal = invoice.Totals.TaxTotal ?? invoice.VatBreakdown.Sum(v => v.TaxAmount),
            TotalInclVat = invoice.Totals.TaxInclusive, Payable = invoice.Totals.Payable, LedgerAmountExclVat = d.LedgerAmountExclVat,
            OrderReference = invoice.OrderReference, ContractReference = invoice.ContractReference, BuyerReference = invoice.BuyerReference,
            PaymentReference = invoice.PaymentReference, PayeeAccount = invoice.PayeeAccounts.FirstOrDefault()?.ToString(),
            Status = d.Status, Match = d.Match, MatchRef = d.MatchRef, DuplicateKey = d.DuplicateKey,
            Exceptions = string.Join(';', d.Issues.Select(i => i.Code).Distinct()),
            PolicyVersion = options.Value.Attestation.PolicyVersion, ReceivedAt = doc.ReceivedAt, RunId = runId,
            AttestedBy = d.Status == InvoiceStatus.Attested ? "system" : null, AttestedAt = d.Status == InvoiceStatus.Attested ? now : null,
            DocumentJson = JsonSerializer.Serialize(invoice, Json),
            Lines = d.Lines.Select((l, i) => new SupplierInvoiceLine
            {
                LineNo = i + 1, LineId = l.Line.Id, Description = l.Line.ItemName, ItemId = l.Line.SellersItemId, Quantity = l.Line.Quantity,
                UnitPrice = l.Line.UnitPrice, NetAmount = l.Line.NetAmount, VatCategory = l.Line.VatCategory ?? "S", VatRate = l.Line.VatRate ?? 0,
                OrderLineReference = l.Line.OrderLineReference, PoNumber = l.PoNumber, PoLine = l.PoLine, Account = l.Account,
                CostCentre = l.CostCentre, Project = l.Project, CodingSource = l.Source,
            }).ToList(),
            Issues = d.Issues.Select(i => new InvoiceException { Code = i.Code, Reason = i.Reason, RaisedAt = now }).ToList(),
        };
        _pending.Add((entity, d, null));
        return entity;
    }

    private void AddHistoryAndDecisions(string runId, DateTimeOffset now)
    {
        foreach (var (inv, d, rejection) in _pending)
        {
            db.History.Add(new StatusChange { SubjectId = inv.Id, At = now, Action = "receive", ToStatus = nameof(InvoiceStatus.Received), RunId = runId, Reason = "stored from the inbox" });
            var why = rejection ?? (d!.Issues.Count > 0 ? string.Join("; ", d.Issues.Select(i => i.Code)) : d.Match == "none" ? "no match" : $"matched {d.Match} {d.MatchRef}");
            db.History.Add(new StatusChange { SubjectId = inv.Id, At = now, Action = "process", FromStatus = nameof(InvoiceStatus.Received), ToStatus = inv.Status.ToString(), RunId = runId, Reason = why });
            if (d is null) continue;
            foreach (var (step, rule, text) in d.Explanations)
                db.Decisions.Add(new DecisionRecord { InvoiceId = inv.Id, Step = step, Rule = rule, Explanation = text, PolicyVersion = inv.PolicyVersion, At = now });
        }
        _pending.Clear();
    }
}
