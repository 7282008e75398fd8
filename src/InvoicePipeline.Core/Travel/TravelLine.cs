namespace InvoicePipeline.Travel;

public enum TravelLineType
{
    Trip,
    Expense,
    Mileage,
}

/// <summary>Meals provided (paid by the employer or someone else) on one day of a trip.</summary>
[Flags]
public enum Meals
{
    None = 0,
    Breakfast = 1,
    Lunch = 2,
    Dinner = 4,
}

/// <summary>
/// One row of a travel and expense claim file (../shared/spec/data-formats.md): a trip, an expense or a mileage line.
/// Times are local, as the claim gives them. <see cref="FieldErrors"/> holds cells the reader could not parse.
/// </summary>
public sealed record TravelLine
{
    public string File { get; init; } = "";
    public int Line { get; init; }
    public string ClaimId { get; init; } = "";
    public string EmployeeId { get; init; } = "";
    public TravelLineType Type { get; init; }
    public string? TripId { get; init; }
    public DateTime? Departure { get; init; }
    public DateTime? Return { get; init; }
    /// <summary>ISO 3166-1 alpha-2 of the destination (for a trip).</summary>
    public string? Country { get; init; }
    public bool Overnight { get; init; }
    public decimal? DistanceKm { get; init; }
    public IReadOnlyDictionary<DateOnly, Meals> MealsProvided { get; init; } = new Dictionary<DateOnly, Meals>();
    public decimal? Km { get; init; }
    public string? Vehicle { get; init; }
    /// <summary>For an expense the amount paid incl. VAT; for a trip or mileage, what the agreement pays (optional).</summary>
    public decimal? Amount { get; init; }
    public decimal? VatAmount { get; init; }
    public string? Currency { get; init; }
    public string? Category { get; init; }
    public string? ReceiptRef { get; init; }
    public string? ReportedBy { get; init; }
    /// <summary>The claim id this line corrects.</summary>
    public string? Corrects { get; init; }
    public IReadOnlyList<TravelFieldError> FieldErrors { get; init; } = [];

    public Meals MealsOn(DateOnly day) => MealsProvided.TryGetValue(day, out var m) ? m : Meals.None;
}

public sealed record TravelFieldError(string Column, string Reason);
