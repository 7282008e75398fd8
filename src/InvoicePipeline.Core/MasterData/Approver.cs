namespace InvoicePipeline.MasterData;

public enum ApproverRole
{
    Approver,
    Reviewer,
}

/// <summary>A row of approvers.csv: who may attest (or review) for a cost centre, up to an amount.</summary>
public sealed class Approver
{
    /// <summary>The customer organisation whose master data this row is (organisations.md).</summary>
    public string OrganisationId { get; set; } = Organisation.DefaultId;
    public string UserId { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>A cost-centre code, or "*" for all.</summary>
    public string CostCentre { get; set; } = "*";
    /// <summary>Ledger currency, excluding VAT.</summary>
    public decimal MaxAmount { get; set; }
    public ApproverRole Role { get; set; } = ApproverRole.Approver;
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    public bool IsValidOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);

    public bool Covers(string costCentre) =>
        CostCentre == "*" || string.Equals(CostCentre, costCentre, StringComparison.OrdinalIgnoreCase);
}
