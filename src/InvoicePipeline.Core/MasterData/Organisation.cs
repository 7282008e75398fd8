namespace InvoicePipeline.MasterData;

/// <summary>
/// A row of organisations.csv: one customer organisation of the service centre, with its own ledger, chart of accounts,
/// fiscal year, voucher series, suppliers, approvers and bank account (organisations.md).
/// </summary>
public sealed class Organisation
{
    /// <summary>
    /// The organisation of an installation without organisations.csv: its settings come from configuration, and a
    /// database of one organisation migrates to it.
    /// </summary>
    public const string DefaultId = "default";

    public string OrganisationId { get; set; } = DefaultId;
    public string Name { get; set; } = "";
    /// <summary>Swedish organisationsnummer (ten digits) or Danish CVR (eight digits), digits only.</summary>
    public string OrgNo { get; set; } = "";
    /// <summary>SE or DK.</summary>
    public string Country { get; set; } = "SE";
    public string LedgerCurrency { get; set; } = "SEK";
    /// <summary>The electronic addresses (scheme:value) that receive invoices for it.</summary>
    public IReadOnlyList<string> PeppolIds { get; set; } = [];
    /// <summary>First month of the fiscal year, 1–12.</summary>
    public int FiscalYearStart { get; set; } = 1;
    public string VoucherSeries { get; set; } = "A";
    public string? PayableAccount { get; set; }
    public string? VatInAccount { get; set; }
    public string? VatOutReverseAccount { get; set; }
    public string? VatInReverseAccount { get; set; }
    public string? RoundingAccount { get; set; }
    public string? DebtorIban { get; set; }
    public string? DebtorBic { get; set; }
    public string? DebtorBankgiro { get; set; }
    /// <summary>Buyer references (BT-10) that name this organisation where several share an org number.</summary>
    public IReadOnlyList<string> BuyerReferences { get; set; } = [];
    /// <summary>Agreed lead time in working days from arrival to posting; null = the configured default.</summary>
    public int? SlaDays { get; set; }
    /// <summary>An inactive organisation receives nothing new.</summary>
    public bool Active { get; set; } = true;
}
