namespace InvoicePipeline.Matching;

/// <summary>How far an invoice line may differ from its order line: a percentage of the line's ordered value plus an absolute amount (rounding).</summary>
public sealed record Tolerance(decimal PricePercent, decimal Absolute)
{
    /// <summary>The allowed difference for a line worth <paramref name="orderedValue"/>.</summary>
    public decimal Allowed(decimal orderedValue) => Math.Abs(orderedValue) * PricePercent / 100m + Absolute;
}

/// <summary>
/// One version of the tolerance policy: a default, and overrides per supplier, per cost centre and per category
/// (an order line's account). Versions are effective-dated data, and every decision records the version it used.
/// </summary>
public sealed record TolerancePolicy(
    string Version,
    DateOnly EffectiveFrom,
    Tolerance Default,
    IReadOnlyDictionary<string, Tolerance>? BySupplier = null,
    IReadOnlyDictionary<string, Tolerance>? ByCostCentre = null,
    IReadOnlyDictionary<string, Tolerance>? ByCategory = null)
{
    public static readonly TolerancePolicy Standard = new("2026-01", new DateOnly(2026, 1, 1), new Tolerance(2m, 1m));

    /// <summary>The most specific tolerance: supplier, then cost centre, then category, then the default.</summary>
    public Tolerance For(string? supplierId, string? costCentre, string? category) =>
        (supplierId is not null ? BySupplier?.GetValueOrDefault(supplierId) : null)
        ?? (costCentre is not null ? ByCostCentre?.GetValueOrDefault(costCentre) : null)
        ?? (category is not null ? ByCategory?.GetValueOrDefault(category) : null)
        ?? Default;
}

/// <summary>All versions; the one in force on a date is the latest that took effect on or before it.</summary>
public sealed class PolicyBook(IEnumerable<TolerancePolicy> versions)
{
    private readonly List<TolerancePolicy> _versions = versions.OrderBy(v => v.EffectiveFrom).ToList();

    public TolerancePolicy On(DateOnly date) =>
        _versions.LastOrDefault(v => v.EffectiveFrom <= date) ?? _versions.FirstOrDefault() ?? TolerancePolicy.Standard;
}
