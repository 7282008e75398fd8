namespace InvoicePipeline.Worker.Persistence;

/// <summary>
/// A pain.001 payment file: proposed by one finance user (the XML stored here, in the proposal's transaction), released
/// to the bank channel by another (only then are its invoices paid). Cancelling it frees its invoices for a new proposal.
/// </summary>
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
    /// <summary>The pain.001 document as proposed, byte for byte (UTF-8): every export of the file is this, with the same MsgId.</summary>
    public string Xml { get; set; } = "";
    public string? ReleasedBy { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
    /// <summary>Where the released file was written in the bank channel (Pipeline:Payments:Outbox).</summary>
    public string? OutboxPath { get; set; }

    public InvoicePipeline.Payments.PaymentFileState State =>
        Cancelled ? InvoicePipeline.Payments.PaymentFileState.Cancelled : ReleasedBy is null ? InvoicePipeline.Payments.PaymentFileState.Proposed : InvoicePipeline.Payments.PaymentFileState.Released;
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
    /// <summary>The invoice whose credit transfer settles this row (itself, or the invoice a credit note was netted against): the bank quotes its end-to-end id.</summary>
    public long? TransferInvoiceId { get; set; }
    /// <summary>What the bank last said of the payment (Accepted, Booked, Rejected), from pain.002 or camt.054; null before any bank file.</summary>
    public string? BankStatus { get; set; }
    /// <summary>The bank's reason for a rejection or return (ISO code and text).</summary>
    public string? BankReason { get; set; }
    public DateOnly? BookingDate { get; set; }
    /// <summary>The bank's own reference of the booking (AcctSvcrRef).</summary>
    public string? BankReference { get; set; }
    /// <summary>The bank return file that said it last.</summary>
    public long? BankFileId { get; set; }
}
