namespace InvoicePipeline.MasterData;

/// <summary>A row of per_diem_rates.csv (data-formats.md): the tax-free per diem of a country and year.</summary>
public sealed class PerDiemRateRow
{
    /// <summary>ISO 3166-1 alpha-2; <c>SE</c> is Sweden's domestic maximibelopp, <c>DK</c> the Danish standard rate.</summary>
    public string Country { get; set; } = "";
    public int Year { get; set; }
    public decimal FullDay { get; set; }
    public decimal? HalfDay { get; set; }
    public decimal? Night { get; set; }

    public Travel.PerDiemRate ToRate() => new(Country, Year, FullDay, HalfDay, Night);
}

/// <summary>A row of mileage_rates.csv: the tax-free amount per km of a vehicle and year, and the taxable excess on top.</summary>
public sealed class MileageRateRow
{
    /// <summary><c>own</c> or <c>company</c>.</summary>
    public string Vehicle { get; set; } = "";
    public int Year { get; set; }
    public decimal PerKm { get; set; }
    public decimal PerKmTaxable { get; set; }

    public Travel.MileageRate ToRate() => new(Vehicle, Year, PerKm, PerKmTaxable);
}
