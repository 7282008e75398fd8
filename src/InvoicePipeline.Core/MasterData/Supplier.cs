using InvoicePipeline.Invoices;

namespace InvoicePipeline.MasterData;

/// <summary>A row of suppliers.csv: the supplier register.</summary>
public sealed class Supplier
{
    /// <summary>The customer organisation whose master data this row is (organisations.md).</summary>
    public string OrganisationId { get; set; } = Organisation.DefaultId;
    public string SupplierId { get; set; } = "";
    public string Name { get; set; } = "";
    public string? OrgNo { get; set; }
    public string? VatId { get; set; }
    /// <summary>scheme:value, e.g. 0007:5560000000.</summary>
    public string? PeppolId { get; set; }
    public string? Country { get; set; }
    public string? Bankgiro { get; set; }
    public string? Plusgiro { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
    public string? DefaultAccount { get; set; }
    public string? DefaultCostCentre { get; set; }
    public int? PaymentTermsDays { get; set; }
    public bool Blocked { get; set; }

    /// <summary>The accounts registered for the supplier, normalised like invoice accounts.</summary>
    public IEnumerable<PaymentAccount> Accounts()
    {
        if (!string.IsNullOrWhiteSpace(Bankgiro)) yield return new PaymentAccount(AccountKind.Bankgiro, Identifiers.AccountNumber.Normalise(Bankgiro));
        if (!string.IsNullOrWhiteSpace(Plusgiro)) yield return new PaymentAccount(AccountKind.Plusgiro, Identifiers.AccountNumber.Normalise(Plusgiro));
        if (!string.IsNullOrWhiteSpace(Iban)) yield return new PaymentAccount(AccountKind.Iban, Identifiers.AccountNumber.Normalise(Iban), Bic);
    }
}
