namespace InvoicePipeline.Coding;

/// <summary>Where a coding value came from, recorded with every coded line.</summary>
public enum CodingSource
{
    OrderLine,
    Subscription,
    AccountingCostHint,
    SupplierDefault,
    History,
    Person,
}

/// <summary>The ledger coding of an amount: account, cost centre, project.</summary>
public sealed record Coding(string Account, string? CostCentre, string? Project);

/// <summary>
/// One coded invoice line, ready for posting: the net amount in the document currency (signed: negative on
/// credit notes), its VAT, its coding and where the coding came from.
/// </summary>
public sealed record CodedLine(
    string LineId,
    decimal NetAmount,
    string VatCategory,
    decimal VatRate,
    Coding Coding,
    CodingSource Source);
