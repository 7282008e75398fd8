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
    /// <summary>BAS 1480 Förskott till leverantörer: what was paid in advance (BT-113) is credited here, not to payables.</summary>
    public string PrepaymentAccount { get; set; } = "1480";
    /// <summary>BAS 2645 Beräknad ingående moms på förvärv: self-assessed input VAT of reverse charge (AE, K, G).</summary>
    public string VatInReverseAccount { get; set; } = "2645";
    /// <summary>BAS 2614 Utgående moms omvänd betalningsskyldighet: self-assessed output VAT of reverse charge.</summary>
    public string VatOutReverseAccount { get; set; } = "2614";
    /// <summary>The Swedish rate (percent) self-assessed on reverse-charge lines, which state 0 %.</summary>
    public decimal ReverseChargeVatRate { get; set; } = 25m;
    /// <summary>Accounts for document-level charges and allowances by reason code (UNCL 7161 / 5189), e.g. FC freight → 5710.</summary>
    public Dictionary<string, string> ChargeAccounts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Accounts on which no VAT is deducted (accounts.csv <c>vat_deductible</c> false), filled from master data by the host.</summary>
    public HashSet<string> NonDeductibleVatAccounts { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Reverse charge: the buyer accounts for the VAT (AE reverse charge, K intra-community, G export from outside).</summary>
    public static bool IsReverseCharge(string? vatCategory) => vatCategory is "AE" or "K" or "G";

    public string VatAccountFor(decimal ratePercent) =>
        InputVatAccountsByRate.TryGetValue(ratePercent, out var account) ? account : InputVatAccount;
}
