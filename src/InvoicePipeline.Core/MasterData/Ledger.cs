namespace InvoicePipeline.MasterData;

/// <summary>A row of accounts.csv.</summary>
public sealed class Account
{
    /// <summary>The customer organisation whose master data this row is (organisations.md).</summary>
    public string OrganisationId { get; set; } = Organisation.DefaultId;
    public string AccountNumber { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>expense, asset, vat_in, payable, payroll_liability, ...</summary>
    public string? Type { get; set; }
    /// <summary>accounts.csv <c>vat_deductible</c> (default true): false when no VAT is got back on the account (representation at a state agency); its VAT is cost.</summary>
    public bool VatDeductible { get; set; } = true;
}

/// <summary>A row of cost_centres.csv.</summary>
public sealed class CostCentre
{
    /// <summary>The customer organisation whose master data this row is (organisations.md).</summary>
    public string OrganisationId { get; set; } = Organisation.DefaultId;
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ManagerUserId { get; set; }
}

/// <summary>A row of exchange_rates.csv: units of ledger currency per one unit of <see cref="Currency"/>.</summary>
public sealed class ExchangeRate
{
    /// <summary>The organisation whose folder quoted the rate; empty for the centre-wide file.</summary>
    public string OrganisationId { get; set; } = "";
    public DateOnly Date { get; set; }
    public string Currency { get; set; } = "";
    public decimal Rate { get; set; }
    /// <summary>The currency the rate is quoted in (column to_currency, default SEK): an organisation uses its ledger currency's.</summary>
    public string ToCurrency { get; set; } = "SEK";
}

/// <summary>A row of staffing.csv.</summary>
public sealed class Staffing
{
    /// <summary>YYYY-MM.</summary>
    public string Month { get; set; } = "";
    public string Process { get; set; } = "";
    public decimal Fte { get; set; }
}
