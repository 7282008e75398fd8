namespace InvoicePipeline.Scanning;

/// <summary>The names of the fields read from a scan: the keys of <see cref="ScanCapture.Fields"/> and of corrections.</summary>
public static class ScanField
{
    public const string OrgNo = "OrgNo";
    public const string VatId = "VatId";
    public const string InvoiceNumber = "InvoiceNumber";
    public const string IssueDate = "IssueDate";
    public const string DueDate = "DueDate";
    public const string Currency = "Currency";
    public const string Net = "Net";
    public const string Vat = "Vat";
    public const string Total = "Total";
    public const string OcrReference = "OcrReference";
    public const string Bankgiro = "Bankgiro";
    public const string Plusgiro = "Plusgiro";
    public const string Iban = "Iban";
    public const string OrderReference = "OrderReference";
    public const string BuyerReference = "BuyerReference";

    public static readonly IReadOnlyList<string> All =
    [
        OrgNo, VatId, InvoiceNumber, IssueDate, DueDate, Currency, Net, Vat, Total,
        OcrReference, Bankgiro, Plusgiro, Iban, OrderReference, BuyerReference,
    ];

    /// <summary>Fields an invoice cannot be posted or paid without: missing ones are doubtful.</summary>
    public static readonly IReadOnlyList<string> Required = [InvoiceNumber, IssueDate, Currency, Net, Vat, Total];

    /// <summary>Fields where a misread costs money: they are only trusted when a check confirms them.</summary>
    public static readonly IReadOnlyList<string> MoneyCritical = [Net, Vat, Total, OcrReference, Bankgiro, Plusgiro, Iban];
}
