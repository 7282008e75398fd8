using InvoicePipeline.MasterData;

namespace InvoicePipeline.Matching;

/// <summary>An order line with what has been invoiced and received against it so far.</summary>
public sealed class OpenOrderLine(PurchaseOrderLine line, decimal invoiced, decimal? received)
{
    public PurchaseOrderLine Line { get; } = line;
    public decimal Invoiced { get; internal set; } = invoiced;
    /// <summary>Null when the order has no goods receipts at all (services): then only the two-way match applies.</summary>
    public decimal? Received { get; } = received;
    public decimal OpenQuantity => Line.Quantity - Invoiced;
    public decimal OpenValue => OpenQuantity * Line.UnitPrice;
}

/// <summary>
/// The open order lines of a batch, indexed by order number and by supplier, built once, with no database query
/// per invoice. Matching consumes quantities as invoices match (credit notes give them back), so invoices later in the
/// batch see what earlier ones used.
/// </summary>
public sealed class OrderBook
{
    private readonly Dictionary<string, List<OpenOrderLine>> _byPo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OpenOrderLine>> _bySupplier = new(StringComparer.Ordinal);

    public OrderBook(IEnumerable<OpenOrderLine> lines)
    {
        foreach (var l in lines)
        {
            Add(_byPo, l.Line.PoNumber, l);
            Add(_bySupplier, l.Line.SupplierId, l);
        }
    }

    private static void Add(Dictionary<string, List<OpenOrderLine>> index, string key, OpenOrderLine line)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(line);
    }

    public IReadOnlyList<OpenOrderLine> Order(string poNumber) => _byPo.GetValueOrDefault(poNumber) ?? [];

    public IReadOnlyList<OpenOrderLine> ForSupplier(string supplierId) => _bySupplier.GetValueOrDefault(supplierId) ?? [];

    public static void Consume(OpenOrderLine line, decimal quantity) => line.Invoiced += quantity;

    public static void Consume(IEnumerable<OrderConsumption> consumed)
    {
        foreach (var c in consumed) Consume(c.Line, c.Quantity);
    }
}
