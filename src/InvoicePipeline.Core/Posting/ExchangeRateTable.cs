using InvoicePipeline.MasterData;

namespace InvoicePipeline.Posting;

/// <summary>
/// exchange_rates.csv as a lookup, and the one exchange-rate rule that deciding, posting and simulate share: the rate of
/// a date is the latest one published on or before it (weekends and bank holidays take the last banking day's), at
/// most <see cref="MaxAgeDays"/> days old. A rate after the date is never used; an older one is no rate at all.
/// </summary>
public sealed class ExchangeRateTable
{
    /// <summary>The default age limit: a long weekend (Easter: Thursday's rate on Monday) with room to spare.</summary>
    public const int DefaultMaxAgeDays = 7;

    private readonly Dictionary<string, (DateOnly[] Dates, decimal[] Rates)> _byCurrency;

    public ExchangeRateTable(IEnumerable<ExchangeRate> rates, int maxAgeDays = DefaultMaxAgeDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAgeDays);
        MaxAgeDays = maxAgeDays;
        _byCurrency = rates
            .GroupBy(r => r.Currency.ToUpperInvariant(), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g =>
                {
                    var sorted = g.GroupBy(r => r.Date).Select(d => d.Last()).OrderBy(r => r.Date).ToArray();
                    return (sorted.Select(r => r.Date).ToArray(), sorted.Select(r => r.Rate).ToArray());
                },
                StringComparer.Ordinal);
    }

    public static ExchangeRateTable Empty { get; } = new([]);

    public int MaxAgeDays { get; }

    /// <summary>
    /// The rates an organisation uses: those quoted in its ledger currency, from its own exchange_rates.csv where it has
    /// one for the currency, else from the centre-wide file (organisations.md: the organisation's folder wins).
    /// </summary>
    public static ExchangeRateTable For(IEnumerable<ExchangeRate> rates, string organisationId, string ledgerCurrency, int maxAgeDays = DefaultMaxAgeDays)
    {
        var quoted = rates.Where(r => string.Equals(r.ToCurrency, ledgerCurrency, StringComparison.OrdinalIgnoreCase)
                                      && (r.OrganisationId.Length == 0 || string.Equals(r.OrganisationId, organisationId, StringComparison.Ordinal)))
            .ToList();
        var own = quoted.Where(r => r.OrganisationId.Length > 0).Select(r => r.Currency.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return new(quoted.Where(r => r.OrganisationId.Length > 0 || !own.Contains(r.Currency.ToUpperInvariant())), maxAgeDays);
    }

    /// <summary>Units of ledger currency per unit of <paramref name="currency"/> on <paramref name="date"/>, or null.</summary>
    public decimal? RateOn(string currency, DateOnly date) => Find(currency, date)?.Rate;

    /// <summary>The rate that applies on <paramref name="date"/> and the date it was published, or null (none, or too old).</summary>
    public (decimal Rate, DateOnly PublishedOn)? Find(string currency, DateOnly date)
    {
        if (!_byCurrency.TryGetValue(currency.ToUpperInvariant(), out var table)) return null;
        var i = Array.BinarySearch(table.Dates, date);
        if (i < 0) i = ~i - 1;
        if (i < 0 || date.DayNumber - table.Dates[i].DayNumber > MaxAgeDays) return null;
        return (table.Rates[i], table.Dates[i]);
    }

    /// <summary>Why there is no rate: for the MISSING_EXCHANGE_RATE reason.</summary>
    public string Missing(string currency, DateOnly date) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"no {currency} rate on or within {MaxAgeDays} day(s) before {date:yyyy-MM-dd}");
}
