namespace InvoicePipeline.MasterData;

/// <summary>A row of employees.csv.</summary>
public sealed class Employee
{
    /// <summary>The customer organisation whose master data this row is (organisations.md).</summary>
    public string OrganisationId { get; set; } = Organisation.DefaultId;
    public string EmployeeId { get; set; } = "";
    /// <summary>Personnummer/samordningsnummer or Danish CPR, as given. Never logged.</summary>
    public string PersonId { get; set; } = "";
    public string Name { get; set; } = "";
    public DateOnly EmploymentStart { get; set; }
    public DateOnly? EmploymentEnd { get; set; }
    public string CostCentre { get; set; } = "";
    /// <summary>SE (default) or DK.</summary>
    public string Country { get; set; } = "SE";
    public string? ManagerUserId { get; set; }
    public string? PayGroup { get; set; }
    /// <summary>
    /// The employee's own user id in the dashboard and CLI, when they have one (optional column user_id): the
    /// four-eyes rule refuses them attesting their own transactions, also as a cost centre's manager.
    /// </summary>
    public string? UserId { get; set; }

    public bool IsEmployedOn(DateOnly date) =>
        EmploymentStart <= date && (EmploymentEnd is null || date <= EmploymentEnd);
}

public enum PayUnit
{
    Hour,
    Day,
    Piece,
    Amount,
}

/// <summary>A row of pay_codes.csv.</summary>
public sealed class PayCode
{
    /// <summary>The customer organisation whose master data this row is (organisations.md).</summary>
    public string OrganisationId { get; set; } = Organisation.DefaultId;
    public string Code { get; set; } = "";
    public string Description { get; set; } = "";
    public PayUnit Unit { get; set; }
    public string Account { get; set; } = "";
    /// <summary>Empty = all pay groups.</summary>
    public IReadOnlyList<string> AllowedPayGroups { get; set; } = [];
    public decimal? MaxQuantity { get; set; }
}

/// <summary>A row of pay_rates.csv.</summary>
public sealed class PayRate
{
    /// <summary>The customer organisation whose master data this row is (organisations.md).</summary>
    public string OrganisationId { get; set; } = Organisation.DefaultId;
    public string PayCode { get; set; } = "";
    public decimal Rate { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    /// <summary>Null = all pay groups.</summary>
    public string? PayGroup { get; set; }
    public string? Currency { get; set; }
}
