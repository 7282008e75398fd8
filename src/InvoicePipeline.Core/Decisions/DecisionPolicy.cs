using InvoicePipeline.Matching;

namespace InvoicePipeline.Decisions;

/// <summary>
/// The policy a decision is made under, apart from master data: the tolerance versions, whether (and up to what
/// ledger amount excl. VAT) an invoice matched within tolerance is attested without a person, and the ledger currency
/// whose rate rule converts the invoice's amount.
/// </summary>
public sealed record DecisionPolicy(PolicyBook Tolerances, bool AutoAttestMatched, decimal AutoAttestMaxAmount, string LedgerCurrency)
{
    public static readonly DecisionPolicy Standard = new(new PolicyBook([TolerancePolicy.Standard]), true, 1_000_000m, "SEK");
}
