namespace InvoicePipeline.Worker.Persistence;

/// <summary>A pain.001 file handed to the bank. Cancelling it frees its invoices for a new proposal.</summary>
public sealed class PaymentFile
{
    public long Id { get; set; }
    /// <summary>The customer organisation that pays from its account in this file (organisations.md).</summary>
    public string OrganisationId { get; set; } = InvoicePipeline.MasterData.Organisation.DefaultId;
    public string MessageId { get; set; } = "";
    public string Path { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "system";
    public int Transactions { get; set; }
    public decimal ControlSum { get; set; }
    public bool Cancelled { get; set; }
    public string? CancelledBy { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
}

/// <summary>One credit transfer: which invoice, to which registered account, how much, on which day.</summary>
public sealed class Payment
{
    public long Id { get; set; }
    /// <summary>The customer organisation whose ledger this belongs to (organisations.md).</summary>
    public string OrganisationId { get; set; } = InvoicePipeline.MasterData.Organisation.DefaultId;
    public long PaymentFileId { get; set; }
    public long InvoiceId { get; set; }
    /// <summary>The invoice id while the file is not cancelled; unique, so an invoice is never in two live payment files.</summary>
    public long? ActiveInvoiceId { get; set; }
    public string SupplierId { get; set; } = "";
    public string AccountKind { get; set; } = "";
    public string Account { get; set; } = "";
    public decimal Amount { get; set; }
    public string Currency { get; set; } = "SEK";
    public string? Reference { get; set; }
    public DateOnly ExecutionDate { get; set; }
    public string? AttestedBy { get; set; }
    public long? VoucherId { get; set; }
}
