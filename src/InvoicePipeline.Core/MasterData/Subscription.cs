namespace InvoicePipeline.MasterData;

public enum SubscriptionPeriod
{
    Monthly,
    Quarterly,
    Yearly,
}

/// <summary>A row of subscriptions.csv: a recurring contract.</summary>
public sealed class Subscription
{
    /// <summary>The customer organisation whose master data this row is (organisations.md).</summary>
    public string OrganisationId { get; set; } = Organisation.DefaultId;
    public string SubscriptionId { get; set; } = "";
    public string SupplierId { get; set; } = "";
    public SubscriptionPeriod Period { get; set; }
    public decimal AmountExclVat { get; set; }
    public string Currency { get; set; } = "SEK";
    public string? ContractRef { get; set; }
    public string? Description { get; set; }
    public decimal TolerancePct { get; set; } = 5m;
    public string? Account { get; set; }
    public string? CostCentre { get; set; }
    public string? Project { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    public bool IsActiveOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
}
