namespace InvoicePipeline.Travel;

public enum PerDiemDayKind
{
    Full,
    Half,
    /// <summary>A Danish part-day: the started hours after the last full 24 hours, at 1/24 of the rate each.</summary>
    Hours,
}

/// <summary>One day (or 24-hour period) of a per diem: the amount the rules allow and which rules made it.</summary>
public sealed record PerDiemDay(DateOnly Date, string Country, PerDiemDayKind Kind, decimal Base, decimal Reduction, decimal Amount, string Rule);

/// <summary>
/// The tax-free maximum of a trip's per diem, day by day, plus the night allowance. <see cref="NotEligible"/> says why
/// nothing is tax-free (then anything the agreement pays is taxable); <see cref="MissingRate"/> names a rate the
/// master data lacks (the line cannot be priced).
/// </summary>
public sealed record PerDiemResult(IReadOnlyList<PerDiemDay> Days, int Nights, decimal NightAllowance, string? NotEligible = null, string? MissingRate = null)
{
    /// <summary>At full precision; the claim line rounds once.</summary>
    public decimal TaxFree => Days.Sum(d => d.Amount) + NightAllowance;

    public static PerDiemResult Ineligible(string reason) => new([], 0, 0m, NotEligible: reason);

    public static PerDiemResult NoRate(string reason) => new([], 0, 0m, MissingRate: reason);
}

/// <summary>What the per diem rules need to know of a trip.</summary>
public sealed record TripFacts(DateTime Departure, DateTime Return, string Country, bool Overnight, decimal? DistanceKm,
    IReadOnlyDictionary<DateOnly, Meals> MealsProvided, bool LodgingPaid)
{
    public Meals MealsOn(DateOnly day) => MealsProvided.TryGetValue(day, out var m) ? m : Meals.None;

    /// <summary>
    /// Nights (00:00–06:00) spent away: a night counts when the trip began before its midnight and ended after its 06:00.
    /// </summary>
    public int Nights()
    {
        var n = 0;
        for (var d = DateOnly.FromDateTime(Departure).AddDays(1); d <= DateOnly.FromDateTime(Return); d = d.AddDays(1))
            if (d.ToDateTime(new TimeOnly(6, 0)) <= Return) n++;
        return n;
    }
}
