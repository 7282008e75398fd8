using InvoicePipeline.Coding;
using InvoicePipeline.Decisions;
using InvoicePipeline.Duplicates;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.MasterData;
using InvoicePipeline.Posting;
using InvoicePipeline.Suppliers;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Processing;

/// <summary>
/// Builds the <see cref="DecisionContext"/> of one organisation for a set of invoices, for the chunk job, a person's
/// re-decision, simulation and replay alike, with a few set-based queries (never one per invoice): the orders the
/// invoices name and their suppliers' open orders with what was invoiced and received, subscriptions and their invoiced
/// periods, coding history, approvers, rates, and the accepted invoices for duplicate checks. Every query is limited to
/// the organisation: nothing crosses organisations (organisations.md).
/// </summary>
public static class DecisionContextLoader
{
    /// <summary>
    /// The context for deciding <paramref name="invoices"/> of <paramref name="organisation"/> against its supplier
    /// register. Stored invoices in <paramref name="exclude"/> do not count (a re-decided invoice must not count against
    /// itself; replay leaves out what came after the night).
    /// </summary>
    public static async Task<DecisionContext> ForInvoicesAsync(PipelineDbContext db, Organisation organisation, IReadOnlyCollection<Invoice> invoices,
        CancellationToken ct, IReadOnlyCollection<long>? exclude = null, int maxRateAgeDays = ExchangeRateTable.DefaultMaxAgeDays)
    {
        var register = await RegisterAsync(db, organisation.OrganisationId, ct);
        var identification = new SupplierIdentification(register);
        var supplierIds = invoices.Select(i => identification.Identify(i).Supplier?.SupplierId).OfType<string>().ToList();
        return await LoadAsync(db, organisation, identification, invoices.Select(i => i.OrderReference).OfType<string>().ToList(), supplierIds, ct,
            exclude, maxRateAgeDays);
    }

    /// <summary>
    /// One context per organisation for stored invoices (simulation, replay): each organisation's invoices are decided
    /// against its own state only. Invoices without an organisation (UNKNOWN_BUYER) get none.
    /// </summary>
    public static async Task<Dictionary<string, DecisionContext>> ByOrganisationAsync(PipelineDbContext db, InvoicePipeline.Organisations.OrganisationDirectory directory,
        IEnumerable<(string? OrganisationId, Invoice Invoice)> invoices, IReadOnlyCollection<long>? exclude, int maxRateAgeDays, CancellationToken ct)
    {
        var contexts = new Dictionary<string, DecisionContext>(StringComparer.Ordinal);
        foreach (var group in invoices.Where(x => x.OrganisationId is not null).GroupBy(x => x.OrganisationId!, StringComparer.Ordinal))
            if (directory.Find(group.Key) is { } organisation)
                contexts[group.Key] = await ForInvoicesAsync(db, organisation, group.Select(x => x.Invoice).ToList(), ct, exclude, maxRateAgeDays);
        return contexts;
    }

    /// <summary>The organisation's supplier register.</summary>
    public static Task<List<Supplier>> RegisterAsync(PipelineDbContext db, string organisationId, CancellationToken ct) =>
        db.Suppliers.AsNoTracking().Where(s => s.OrganisationId == organisationId).ToListAsync(ct);

    public static async Task<DecisionContext> LoadAsync(PipelineDbContext db, Organisation organisation, SupplierIdentification identification,
        IReadOnlyCollection<string> orderNumbers, IReadOnlyCollection<string> supplierIds, CancellationToken ct, IReadOnlyCollection<long>? exclude = null,
        int maxRateAgeDays = ExchangeRateTable.DefaultMaxAgeDays)
    {
        var org = organisation.OrganisationId;
        var excluded = (exclude ?? []).ToList();
        var supplierList = supplierIds.Distinct(StringComparer.Ordinal).ToList();
        var poList = orderNumbers.Distinct(StringComparer.Ordinal).ToList();
        var lines = await db.PurchaseOrderLines.AsNoTracking()
            .Where(l => l.OrganisationId == org && (poList.Contains(l.PoNumber) || supplierList.Contains(l.SupplierId))).ToListAsync(ct);
        var pos = lines.Select(l => l.PoNumber).Distinct(StringComparer.Ordinal).ToList();
        var invoiced = await db.InvoiceLines.AsNoTracking()
            .Where(l => l.PoNumber != null && pos.Contains(l.PoNumber))
            .Join(db.Invoices.Where(i => i.OrganisationId == org && i.DuplicateKey != null && !excluded.Contains(i.Id)), l => l.InvoiceId, i => i.Id,
                (l, i) => new { l.PoNumber, l.PoLine, l.Quantity, i.Sign })
            .ToListAsync(ct);
        var invoicedBy = invoiced.GroupBy(x => (x.PoNumber!, x.PoLine!))
            .ToDictionary(g => g.Key, g => g.Sum(x => DocumentSign.Signed(x.Quantity, x.Sign)));
        var receipts = await db.GoodsReceipts.AsNoTracking().Where(r => r.OrganisationId == org && pos.Contains(r.PoNumber)).ToListAsync(ct);
        var receivedBy = receipts.GroupBy(r => (r.PoNumber, r.PoLine)).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity));
        var receiptedOrders = receipts.Select(r => r.PoNumber).ToHashSet(StringComparer.Ordinal);

        var accepted = await db.Invoices.AsNoTracking()
            .Where(i => i.OrganisationId == org && i.DuplicateKey != null && i.SupplierId != null && supplierList.Contains(i.SupplierId) && !excluded.Contains(i.Id))
            .Select(i => new { i.Id, i.SupplierId, i.InvoiceNumber, i.Payable, i.Currency, i.IssueDate, i.Match, i.MatchRef, i.SubscriptionPeriod, i.Sign })
            .ToListAsync(ct);
        var history = await (from l in db.InvoiceLines
                             join i in db.Invoices on l.InvoiceId equals i.Id
                             where i.OrganisationId == org && db.Vouchers.Any(v => v.InvoiceId == i.Id) && i.SupplierId != null
                                   && supplierList.Contains(i.SupplierId) && l.Account != null
                             group l by new { i.SupplierId, l.ItemId, l.Account, l.CostCentre, l.Project } into g
                             select new { g.Key.SupplierId, g.Key.ItemId, g.Key.Account, g.Key.CostCentre, g.Key.Project, Count = g.Count() }).ToListAsync(ct);
        var rates = await db.ExchangeRates.AsNoTracking().Where(r => r.OrganisationId == "" || r.OrganisationId == org).ToListAsync(ct);
        return new DecisionContext
        {
            Orders = new OrderBook(lines.Select(l => new OpenOrderLine(l, invoicedBy.GetValueOrDefault((l.PoNumber, l.PoLine)),
                receiptedOrders.Contains(l.PoNumber) ? receivedBy.GetValueOrDefault((l.PoNumber, l.PoLine)) : null))),
            Subscriptions = (await db.Subscriptions.AsNoTracking().Where(s => s.OrganisationId == org && supplierList.Contains(s.SupplierId)).ToListAsync(ct))
                .ToLookup(s => s.SupplierId, StringComparer.Ordinal),
            InvoicedPeriods = accepted.Where(a => a.Match == MatchKind.Subscription && a.SubscriptionPeriod != null)
                .Select(a => a.MatchRef + "|" + a.SubscriptionPeriod).ToHashSet(StringComparer.Ordinal),
            Approvers = await db.Approvers.AsNoTracking().Where(a => a.OrganisationId == org).ToListAsync(ct),
            ExchangeRates = ExchangeRateTable.For(rates, org, organisation.LedgerCurrency, maxRateAgeDays),
            AcceptedKeys = new DuplicateIndex(accepted.Select(i => new InvoiceKey(i.SupplierId!, InvoiceNumber.Key(i.InvoiceNumber), i.Payable, i.Currency,
                i.IssueDate ?? default, $"invoice {i.Id}", i.Sign, i.Id))),
            Identification = identification,
            Accounts = (await db.Accounts.AsNoTracking().Where(a => a.OrganisationId == org).Select(a => a.AccountNumber).ToListAsync(ct))
                .ToHashSet(StringComparer.Ordinal),
            History = new CodingHistory(history.Select(h => (h.SupplierId!, (string?)h.ItemId, new Coding.Coding(h.Account!, h.CostCentre, h.Project), h.Count))),
        };
    }
}
