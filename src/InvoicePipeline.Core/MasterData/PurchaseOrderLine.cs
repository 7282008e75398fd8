namespace InvoicePipeline.MasterData;

/// <summary>A row of purchase_orders.csv: one order line.</summary>
public sealed class PurchaseOrderLine
{
    /// <summary>The customer organisation whose master data this row is (organisations.md).</summary>
    public string OrganisationId { get; set; } = Organisation.DefaultId;
    public string PoNumber { get; set; } = "";
    public string PoLine { get; set; } = "";
    public string SupplierId { get; set; } = "";
    public decimal Quantity { get; set; }
    public decimal UnitPrice { get; set; }
    public string Currency { get; set; } = "SEK";
    public string? Account { get; set; }
    public string? CostCentre { get; set; }
    public string? Project { get; set; }
    public string? ItemId { get; set; }
    public string? Description { get; set; }
    public string? BuyerReference { get; set; }
    public decimal? VatRate { get; set; }
    public string? OrderedBy { get; set; }
    public DateOnly? OrderDate { get; set; }
}

/// <summary>A row of goods_receipts.csv.</summary>
public sealed class GoodsReceipt
{
    /// <summary>The customer organisation whose master data this row is (organisations.md).</summary>
    public string OrganisationId { get; set; } = Organisation.DefaultId;
    public string ReceiptId { get; set; } = "";
    public string PoNumber { get; set; } = "";
    public string PoLine { get; set; } = "";
    public decimal Quantity { get; set; }
    public DateOnly ReceivedDate { get; set; }
}
