using InvoicePipeline.MasterData;

namespace InvoicePipeline.Posting;

/// <summary>
/// exchange_rates.csv as a lookup: the rate of a date is the one published on that date, or, when none was
/// (weekends, bank holidays), the latest one before it. A rate after the date is never used.
/// </summary>
public sealed class ExchangeRateTable
{
    private readonly Dictionary<string, (DateOnly[] Dates, decimal[] Rates)> _byCurrency;

    public ExchangeRateTable(IEnumerable<ExchangeRate> rates)
    {
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

    /// <summary>
    /// The rates an organisation uses: those quoted in its ledger currency, from its own exchange_rates.csv where it has
    /// one for the currency, else from the centre-wide file (organisations.md: the organisation's folder wins).
    /// </summary>
    public static ExchangeRateTable For(IEnumerable<ExchangeRate> rates, string organisationId, string ledgerCurrency)
    {
        var quoted = rates.Where(r => string.Equals(r.ToCurrency, ledgerCurrency, StringComparison.OrdinalIgnoreCase)
                                      && (r.OrganisationId.Length == 0 || string.Equals(r.OrganisationId, organisationId, StringComparison.Ordinal)))
            .ToList();
        var own = quoted.Where(r => r.OrganisationId.Length > 0).Select(r => r.Currency.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return new(quoted.Where(r => r.OrganisationId.Length > 0 || !own.Contains(r.Currency.ToUpperInvariant())));
    }

    /// <summary>Units of ledger currency per unit of <paramref name="currency"/> on <paramref name="date"/>, or null.</summary>
    public decimal? RateOn(string currency, DateOnly date)
    {
        if (!_byCurrency.TryGetValue(currency.ToUpperInvariant(), out var table)) return null;
        var i = Array.BinarySearch(table.Dates, date);
        if (i < 0) i = ~i - 1;
        return i >= 0 ? table.Rates[i] : null;
    }
}
