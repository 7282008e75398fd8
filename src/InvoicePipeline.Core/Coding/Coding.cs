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
    /// <summary>A document-level charge or allowance coded by the account configured for its reason code.</summary>
    ChargeReason,
}

/// <summary>What a stored invoice line is: a line of the document, or a document-level charge or allowance (BG-20/BG-21).</summary>
public enum LineKind
{
    Line,
    Charge,
    Allowance,
}

/// <summary>The ledger coding of an amount: account, cost centre, project.</summary>
public sealed record Coding(string Account, string? CostCentre, string? Project);

/// <summary>
/// One coded invoice line, ready for posting: the net amount in the document currency (signed: negative on
/// credit notes; a document-level allowance is a line of its own with a negative amount, a charge a positive one),
/// its VAT, its coding and where the coding came from. <see cref="VatDeductible"/> is the account's
/// (accounts.csv <c>vat_deductible</c>): false makes the line's VAT a cost.
/// </summary>
public sealed record CodedLine(
    string LineId,
    decimal NetAmount,
    string VatCategory,
    decimal VatRate,
    Coding Coding,
    CodingSource Source,
    bool VatDeductible = true);
