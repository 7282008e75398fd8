using InvoicePipeline.Decisions;
using InvoicePipeline.Matching;
using InvoicePipeline.Worker.Hosting;

namespace InvoicePipeline.Worker.Processing;

public static class DecisionPolicies
{
    /// <summary>The configured policy, or the configured one with proposed tolerances (`simulate`).</summary>
    public static DecisionPolicy DecisionPolicy(this PipelineOptions options, PolicyBook? tolerances = null) =>
        new(tolerances ?? options.Tolerance.Book(), options.Attestation.AutoAttestMatched, options.Attestation.AutoAttestMaxAmount, options.Posting.LedgerCurrency,
            options.Posting.ChargeAccounts);

    /// <summary>The configured policy for one organisation: its ledger currency decides the rate rule's conversion.</summary>
    public static DecisionPolicy DecisionPolicy(this PipelineOptions options, InvoicePipeline.MasterData.Organisation organisation, PolicyBook? tolerances = null) =>
        options.DecisionPolicy(tolerances) with { LedgerCurrency = organisation.LedgerCurrency };
}
