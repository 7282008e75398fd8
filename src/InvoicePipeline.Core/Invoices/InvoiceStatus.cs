namespace InvoicePipeline.Invoices;

/// <summary>Invoice statuses in flow order (../shared/spec/outcomes.md). Names are the contract.</summary>
public enum InvoiceStatus
{
    Received,
    Rejected,
    Duplicate,
    AwaitingReview,
    AwaitingAttestation,
    Attested,
    Posted,
    Paid,
    OnHold,
}
