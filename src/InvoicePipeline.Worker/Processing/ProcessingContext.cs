using InvoicePipeline.Duplicates;
using InvoicePipeline.MasterData;
using InvoicePipeline.Suppliers;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Processing;

/// <summary>
/// The master data one chunk needs, loaded with a few set-based queries per chunk (never one per invoice).
/// </summary>
public sealed class ProcessingContext
{
    public required IReadOnlyList<Supplier> Suppliers { get; init; }
    public required ILookup<string, PurchaseOrderLine> OrderLines { get; init; }
    /// <summary>(PO number, PO line) → quantity already invoiced by accepted invoices (credit notes give back).</summary>
    public required Dictionary<(string, string), decimal> InvoicedQuantity { get; init; }
    public required Dictionary<(string, string), decimal> ReceivedQuantity { get; init; }
    public required ILookup<string, Subscription> Subscriptions { get; init; }
    public required IReadOnlyList<Approver> Approvers { get; init; }
    public required IReadOnlyList<ExchangeRate> ExchangeRates { get; init; }
    /// <summary>The keys of the chunk's suppliers' already accepted invoices; the chunk adds the ones it accepts.</summary>
    public required DuplicateIndex AcceptedKeys { get; init; }
    public required SupplierIdentification Identification { get; init; }

    public static async Task<ProcessingContext> LoadAsync(PipelineDbContext db, IReadOnlyList<Supplier> suppliers, SupplierIdentification identification, IReadOnlyCollection<string> orderNumbers, IReadOnlyCollection<string> supplierIds, CancellationToken ct)
    {
        var supplierList = supplierIds.Distinct(StringComparer.Ordinal).ToList();
        var poList = orderNumbers.Distinct(StringComparer.Ordinal).ToList();
        var lines = await db.PurchaseOrderLines.AsNoTracking().Where(l => poList.Contains(l.PoNumber)).ToListAsync(ct);
        var invoiced = await db.InvoiceLines.AsNoTracking()
            .Where(l => l.PoNumber != null && poList.Contains(l.PoNumber))
            .Join(db.Invoices.Where(i => i.DuplicateKey != null), l => l.InvoiceId, i => i.Id, (l, i) => new { l.PoNumber, l.PoLine, l.Quantity, i.Kind })
            .ToListAsync(ct);
        var receipts = await db.GoodsReceipts.AsNoTracking().Where(r => poList.Contains(r.PoNumber)).ToListAsync(ct);
        return new ProcessingContext
        {
            Suppliers = suppliers,
            OrderLines = lines.ToLookup(l => l.PoNumber, StringComparer.Ordinal),
            InvoicedQuantity = invoiced.GroupBy(x => (x.PoNumber!, x.PoLine!))
                .ToDictionary(g => g.Key, g => g.Sum(x => x.Kind == Invoices.DocumentKind.CreditNote ? -x.Quantity : x.Quantity)),
            ReceivedQuantity = receipts.GroupBy(r => (r.PoNumber, r.PoLine)).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity)),
            Subscriptions = (await db.Subscriptions.AsNoTracking().Where(s => supplierList.Contains(s.SupplierId)).ToListAsync(ct)).ToLookup(s => s.SupplierId, StringComparer.Ordinal),
            Approvers = await db.Approvers.AsNoTracking().ToListAsync(ct),
            ExchangeRates = await db.ExchangeRates.AsNoTracking().ToListAsync(ct),
            AcceptedKeys = (await db.Invoices.AsNoTracking().Where(i => i.DuplicateKey != null && i.SupplierId != null && supplierList.Contains(i.SupplierId))
                .Select(i => new { i.SupplierId, i.InvoiceNumber, i.Payable, i.Currency, i.IssueDate, i.Id }).ToListAsync(ct))
                .Select(i => new InvoiceKey(i.SupplierId!, InvoiceNumber.Normalise(i.InvoiceNumber), i.Payable, i.Currency, i.IssueDate ?? default, $"invoice {i.Id}"))
                is var keys ? new DuplicateIndex(keys) : null!,
            Identification = identification,
        };
    }
}
