namespace InvoicePipeline.Travel;

/// <summary>
/// A row of per_diem_rates.csv: the tax-free per diem of a country and year in the organisation's ledger currency
/// (Sweden's domestic amount is country <c>SE</c>, Denmark's standard rate <c>DK</c>).
/// </summary>
public sealed record PerDiemRate(string Country, int Year, decimal FullDay, decimal? HalfDay = null, decimal? Night = null)
{
    /// <summary>Half of the full-day amount unless the file says otherwise (Skatteverket: "halvt normalbelopp").</summary>
    public decimal HalfDayAmount => HalfDay ?? FullDay / 2m;

    /// <summary>The night allowance where no lodging was paid; half the full-day amount unless the file says otherwise.</summary>
    public decimal NightAmount => Night ?? FullDay / 2m;
}

/// <summary>A row of mileage_rates.csv: the tax-free amount per km and the excess the agreement pays on top.</summary>
public sealed record MileageRate(string Vehicle, int Year, decimal PerKm, decimal PerKmTaxable = 0m);

/// <summary>The organisation's per diem and mileage rates, looked up by country or vehicle and year. Amounts are data, never code.</summary>
public sealed class TravelRates
{
    private readonly Dictionary<(string, int), PerDiemRate> _perDiem;
    private readonly Dictionary<(string, int), MileageRate> _mileage;

    public TravelRates(IEnumerable<PerDiemRate> perDiem, IEnumerable<MileageRate> mileage)
    {
        _perDiem = perDiem.ToDictionary(r => (r.Country.ToUpperInvariant(), r.Year));
        _mileage = mileage.ToDictionary(r => (r.Vehicle.ToLowerInvariant(), r.Year));
    }

    public PerDiemRate? PerDiem(string country, int year) => _perDiem.GetValueOrDefault((country.ToUpperInvariant(), year));

    public MileageRate? Mileage(string vehicle, int year) => _mileage.GetValueOrDefault((vehicle.ToLowerInvariant(), year));
}
