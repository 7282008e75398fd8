using InvoicePipeline.Coding;
using InvoicePipeline.Duplicates;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.MasterData;
using InvoicePipeline.Suppliers;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Processing;

/// <summary>
/// The master data one chunk needs, loaded with a few set-based queries per chunk (never one per invoice): the
/// orders the chunk names and its suppliers' open orders with what was invoiced and received, subscriptions and
/// their invoiced periods, coding history, approvers, rates, and the accepted invoices for duplicate checks.
/// </summary>
public sealed class ProcessingContext
{
    public required OrderBook Orders { get; init; }
    public required ILookup<string, Subscription> Subscriptions { get; init; }
    /// <summary>"subscription id|period" already invoiced by accepted invoices.</summary>
    public required HashSet<string> InvoicedPeriods { get; init; }
    public required IReadOnlyList<Approver> Approvers { get; init; }
    public required InvoicePipeline.Posting.ExchangeRateTable ExchangeRates { get; init; }
    public required DuplicateIndex AcceptedKeys { get; init; }
    public required SupplierIdentification Identification { get; init; }
    public required IReadOnlySet<string> Accounts { get; init; }
    public required CodingHistory History { get; init; }
    public required PolicyBook Policies { get; init; }

    public static async Task<ProcessingContext> LoadAsync(PipelineDbContext db, SupplierIdentification identification, PolicyBook policies,
        IReadOnlyCollection<string> orderNumbers, IReadOnlyCollection<string> supplierIds, CancellationToken ct, IReadOnlyCollection<long>? exclude = null, int maxRateAgeDays = InvoicePipeline.Posting.ExchangeRateTable.DefaultMaxAgeDays)
    {
        // A simulation re-decides invoices that are already stored: they must not count against themselves.
        var excluded = (exclude ?? []).ToList();
        var supplierList = supplierIds.Distinct(StringComparer.Ordinal).ToList();
        var poList = orderNumbers.Distinct(StringComparer.Ordinal).ToList();
        var lines = await db.PurchaseOrderLines.AsNoTracking().Where(l => poList.Contains(l.PoNumber) || supplierList.Contains(l.SupplierId)).ToListAsync(ct);
        var pos = lines.Select(l => l.PoNumber).Distinct(StringComparer.Ordinal).ToList();
        var invoiced = await db.InvoiceLines.AsNoTracking()
            .Where(l => l.PoNumber != null && pos.Contains(l.PoNumber))
            .Join(db.Invoices.Where(i => i.DuplicateKey != null && !excluded.Contains(i.Id)), l => l.InvoiceId, i => i.Id, (l, i) => new { l.PoNumber, l.PoLine, l.Quantity, i.Sign })
            .ToListAsync(ct);
        var invoicedBy = invoiced.GroupBy(x => (x.PoNumber!, x.PoLine!))
            .ToDictionary(g => g.Key, g => g.Sum(x => DocumentSign.Signed(x.Quantity, x.Sign)));
        var receipts = await db.GoodsReceipts.AsNoTracking().Where(r => pos.Contains(r.PoNumber)).ToListAsync(ct);
        var receivedBy = receipts.GroupBy(r => (r.PoNumber, r.PoLine)).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity));
        var receiptedOrders = receipts.Select(r => r.PoNumber).ToHashSet(StringComparer.Ordinal);

        var accepted = await db.Invoices.AsNoTracking().Where(i => i.DuplicateKey != null && i.SupplierId != null && supplierList.Contains(i.SupplierId) && !excluded.Contains(i.Id))
            .Select(i => new { i.Id, i.SupplierId, i.InvoiceNumber, i.Payable, i.Currency, i.IssueDate, i.Match, i.MatchRef, i.SubscriptionPeriod, i.Sign }).ToListAsync(ct);
        var history = await (from l in db.InvoiceLines
                             join i in db.Invoices on l.InvoiceId equals i.Id
                             where db.Vouchers.Any(v => v.InvoiceId == i.Id) && i.SupplierId != null && supplierList.Contains(i.SupplierId) && l.Account != null
                             group l by new { i.SupplierId, l.ItemId, l.Account, l.CostCentre, l.Project } into g
                             select new { g.Key.SupplierId, g.Key.ItemId, g.Key.Account, g.Key.CostCentre, g.Key.Project, Count = g.Count() }).ToListAsync(ct);
        return new ProcessingContext
        {
            Orders = new OrderBook(lines.Select(l => new OpenOrderLine(l, invoicedBy.GetValueOrDefault((l.PoNumber, l.PoLine)),
                receiptedOrders.Contains(l.PoNumber) ? receivedBy.GetValueOrDefault((l.PoNumber, l.PoLine)) : null))),
            Subscriptions = (await db.Subscriptions.AsNoTracking().Where(s => supplierList.Contains(s.SupplierId)).ToListAsync(ct)).ToLookup(s => s.SupplierId, StringComparer.Ordinal),
            InvoicedPeriods = accepted.Where(a => a.Match == "subscription" && a.SubscriptionPeriod != null).Select(a => a.MatchRef + "|" + a.SubscriptionPeriod).ToHashSet(StringComparer.Ordinal),
            Approvers = await db.Approvers.AsNoTracking().ToListAsync(ct),
            ExchangeRates = new InvoicePipeline.Posting.ExchangeRateTable(await db.ExchangeRates.AsNoTracking().ToListAsync(ct), maxRateAgeDays),
            AcceptedKeys = new DuplicateIndex(accepted.Select(i => new InvoiceKey(i.SupplierId!, InvoiceNumber.Key(i.InvoiceNumber), i.Payable, i.Currency, i.IssueDate ?? default, $"invoice {i.Id}", i.Sign, i.Id))),
            Identification = identification,
            Accounts = (await db.Accounts.AsNoTracking().Select(a => a.AccountNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal),
            History = new CodingHistory(history.Select(h => (h.SupplierId!, (string?)h.ItemId, new Coding.Coding(h.Account!, h.CostCentre, h.Project), h.Count))),
            Policies = policies,
        };
    }
}
