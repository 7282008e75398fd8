using InvoicePipeline.Matching;

namespace InvoicePipeline.Decisions;

/// <summary>
/// The policy a decision is made under, apart from master data: the tolerance versions, whether (and up to what
/// ledger amount excl. VAT) an invoice matched within tolerance is attested without a person, and the ledger currency
/// whose rate rule converts the invoice's amount, and the accounts for document-level charges and allowances by reason code.
/// </summary>
public sealed record DecisionPolicy(PolicyBook Tolerances, bool AutoAttestMatched, decimal AutoAttestMaxAmount, string LedgerCurrency,
    IReadOnlyDictionary<string, string>? ChargeAccounts = null)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The charge accounts, empty when none are configured (computed, so <c>with</c> keeps it in step).</summary>
    public IReadOnlyDictionary<string, string> ChargeAccountsByReason => ChargeAccounts ?? None;

    public static readonly DecisionPolicy Standard = new(new PolicyBook([TolerancePolicy.Standard]), true, 1_000_000m, "SEK");
}
