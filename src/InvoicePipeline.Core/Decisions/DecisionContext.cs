using InvoicePipeline.Coding;
using InvoicePipeline.Duplicates;
using InvoicePipeline.Matching;
using InvoicePipeline.MasterData;
using InvoicePipeline.Posting;
using InvoicePipeline.Suppliers;

namespace InvoicePipeline.Decisions;

/// <summary>
/// A chunk's state for deciding its invoices: the master data it needs (orders with what was invoiced and received,
/// subscriptions, approvers, rates, accounts, coding history, the supplier register) and what the invoices accepted
/// so far hold (their keys for duplicates, their subscription periods, the order quantities they used).
/// <see cref="InvoiceDecider"/> only reads it; <see cref="Accept"/> is the one place it changes, so the next invoice of
/// the chunk is decided against the ones before it.
/// </summary>
public sealed class DecisionContext
{
    private readonly HashSet<string> _invoicedPeriods = new(StringComparer.Ordinal);

    public required OrderBook Orders { get; init; }
    public required ILookup<string, Subscription> Subscriptions { get; init; }
    /// <summary>"subscription id|period" already invoiced by accepted invoices.</summary>
    public required IReadOnlySet<string> InvoicedPeriods
    {
        get => _invoicedPeriods;
        init => _invoicedPeriods.UnionWith(value);
    }
    public required IReadOnlyList<Approver> Approvers { get; init; }
    /// <summary>The one exchange-rate rule (latest rate on or before the date, at most N days old), shared with posting.</summary>
    public required ExchangeRateTable ExchangeRates { get; init; }
    public required DuplicateIndex AcceptedKeys { get; init; }
    public required SupplierIdentification Identification { get; init; }
    public required IReadOnlySet<string> Accounts { get; init; }
    public required CodingHistory History { get; init; }

    /// <summary>
    /// Takes a decided invoice into the chunk: its order quantities are used and its subscription period invoiced
    /// (whatever its status, as matching saw them), and unless it was rejected or is a duplicate, later invoices with
    /// its number or total are checked against it.
    /// </summary>
    public void Accept(InvoiceDecision decision)
    {
        OrderBook.Consume(decision.Consumed);
        if (decision.InvoicedPeriod is { } period) _invoicedPeriods.Add(period);
        if (decision.CountsForDuplicates) AcceptedKeys.Add(decision.Key!);
    }
}
