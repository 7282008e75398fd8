namespace InvoicePipeline.Posting;

/// <summary>The ledger's posting accounts and rules (BAS defaults). Bound from configuration by the host.</summary>
public sealed class PostingOptions
{
    /// <summary>SEK by default; DKK for a Danish ledger.</summary>
    public string LedgerCurrency { get; set; } = "SEK";
    public string InvoiceSeries { get; set; } = "A";
    public string PayrollSeries { get; set; } = "L";
    /// <summary>BAS 2641 Debiterad ingående moms.</summary>
    public string InputVatAccount { get; set; } = "2641";
    /// <summary>Per-rate overrides of <see cref="InputVatAccount"/>, keyed by the rate in percent (25, 12, 6).</summary>
    public Dictionary<decimal, string> InputVatAccountsByRate { get; set; } = [];
    /// <summary>BAS 2440 Leverantörsskulder.</summary>
    public string PayablesAccount { get; set; } = "2440";
    /// <summary>BAS 3740 Öres- och kronutjämning: takes the difference rounding each converted line leaves.</summary>
    public string RoundingAccount { get; set; } = "3740";
    /// <summary>A larger difference than this (ledger currency) is not rounding but an error: the voucher is refused.</summary>
    public decimal MaxRoundingDifference { get; set; } = 1.00m;
    /// <summary>BAS 2821 Löneskulder: the credit side of the payroll voucher.</summary>
    public string PayrollLiabilityAccount { get; set; } = "2821";
    /// <summary>First month of the fiscal year (1 = calendar year).</summary>
    public int FiscalYearStartMonth { get; set; } = 1;

    public string VatAccountFor(decimal ratePercent) =>
        InputVatAccountsByRate.TryGetValue(ratePercent, out var account) ? account : InputVatAccount;
}
