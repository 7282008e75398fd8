using InvoicePipeline.Travel;

namespace InvoicePipeline.Tests.Travel;

/// <summary>
/// Worked examples of Skatteverket's per diem rules, one rule per test. The amounts are the test's master data
/// (Sweden 2025: 300 full day; Germany 2025: 860 normalbelopp), not the rule's: the rule reads them from the rates.
/// </summary>
public sealed class SwedishPerDiemFacts
{
    private static readonly TravelRates Rates = new(
        [new("SE", 2025, 300m, 150m, 150m), new("SE", 2026, 310m), new("DE", 2025, 860m)],
        []);

    private static TripFacts Trip(string dep, string ret, string country = "SE", bool overnight = true, decimal? km = 120m,
        Dictionary<DateOnly, Meals>? meals = null, bool lodgingPaid = true) =>
        new(DateTime.Parse(dep, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(ret, System.Globalization.CultureInfo.InvariantCulture),
            country, overnight, km, meals ?? [], lodgingPaid);

    [Fact]
    public void IL12_6_WithoutAnOvernightStay_NothingIsTaxFree()
    {
        var r = SwedishPerDiem.Compute(Trip("2025-03-10T07:00", "2025-03-10T21:00", overnight: false), Rates);
        Assert.Equal(0m, r.TaxFree);
        Assert.Contains("overnight", r.NotEligible);
    }

    [Fact]
    public void IL12_6_FiftyKilometresOrLess_NothingIsTaxFree()
    {
        Assert.Contains("50 km", SwedishPerDiem.Compute(Trip("2025-03-10T07:00", "2025-03-11T18:00", km: 50m), Rates).NotEligible);
        Assert.Null(SwedishPerDiem.Compute(Trip("2025-03-10T07:00", "2025-03-11T18:00", km: 50.1m), Rates).NotEligible);
    }

    [Fact]
    public void DepartureBefore12_AndReturnAfter19_AreFullDays()
    {
        // Mon 07:00 – Wed 20:00: three full days of 300.
        var r = SwedishPerDiem.Compute(Trip("2025-03-10T07:00", "2025-03-12T20:00"), Rates);
        Assert.Equal([PerDiemDayKind.Full, PerDiemDayKind.Full, PerDiemDayKind.Full], r.Days.Select(d => d.Kind));
        Assert.Equal(900m, r.TaxFree);
    }

    [Fact]
    public void DepartureAt12OrLater_AndReturnAt19OrEarlier_AreHalfDays()
    {
        // Mon 12:00 – Wed 19:00: half + full + half = 150 + 300 + 150.
        var r = SwedishPerDiem.Compute(Trip("2025-03-10T12:00", "2025-03-12T19:00"), Rates);
        Assert.Equal([PerDiemDayKind.Half, PerDiemDayKind.Full, PerDiemDayKind.Half], r.Days.Select(d => d.Kind));
        Assert.Equal(600m, r.TaxFree);
    }

    [Fact]
    public void MealReduction_Domestic_Breakfast20_LunchOrDinner35_LunchAndDinner70_AllThree90()
    {
        var meals = new Dictionary<DateOnly, Meals>
        {
            [new(2025, 3, 10)] = Meals.Breakfast,                               // 300 − 60
            [new(2025, 3, 11)] = Meals.Lunch,                                   // 300 − 105
            [new(2025, 3, 12)] = Meals.Lunch | Meals.Dinner,                    // 300 − 210
            [new(2025, 3, 13)] = Meals.Breakfast | Meals.Lunch | Meals.Dinner,  // 300 − 270
        };
        var r = SwedishPerDiem.Compute(Trip("2025-03-10T07:00", "2025-03-13T20:00", meals: meals), Rates);
        Assert.Equal([240m, 195m, 90m, 30m], r.Days.Select(d => d.Amount));
    }

    [Fact]
    public void MealReduction_OfAHalfDay_IsOfTheHalfDayAmount()
    {
        var meals = new Dictionary<DateOnly, Meals> { [new(2025, 3, 11)] = Meals.Lunch };
        var r = SwedishPerDiem.Compute(Trip("2025-03-10T07:00", "2025-03-11T15:00", meals: meals), Rates);
        Assert.Equal(150m - 52.5m, r.Days[1].Amount);
    }

    [Fact]
    public void Foreign_UsesTheDestinationsNormalbelopp_AndForeignMealReductions_Breakfast15_AllThree85()
    {
        var meals = new Dictionary<DateOnly, Meals> { [new(2025, 5, 6)] = Meals.Breakfast, [new(2025, 5, 7)] = Meals.Breakfast | Meals.Lunch | Meals.Dinner };
        var r = SwedishPerDiem.Compute(Trip("2025-05-05T06:30", "2025-05-07T21:00", country: "DE", km: 1200m, meals: meals), Rates);
        Assert.All(r.Days, d => Assert.Equal("DE", d.Country));
        Assert.Equal([860m, 860m * 0.85m, 860m * 0.15m], r.Days.Select(d => d.Amount));
    }

    [Fact]
    public void Foreign_ReturnAt19OrEarlier_IsHalfTheNormalbelopp()
    {
        var r = SwedishPerDiem.Compute(Trip("2025-05-05T06:30", "2025-05-06T17:00", country: "DE", km: 1200m), Rates);
        Assert.Equal([860m, 430m], r.Days.Select(d => d.Amount));
    }

    [Fact]
    public void Foreign_ACountryWithoutARateForTheYear_IsReportedMissing()
    {
        var r = SwedishPerDiem.Compute(Trip("2025-05-05T06:30", "2025-05-06T21:00", country: "FR", km: 1500m), Rates);
        Assert.Contains("FR 2025", r.MissingRate);
    }

    [Fact]
    public void EachDayUsesTheRateOfItsYear()
    {
        var r = SwedishPerDiem.Compute(Trip("2025-12-31T08:00", "2026-01-01T20:00"), Rates);
        Assert.Equal([300m, 310m], r.Days.Select(d => d.Amount));
    }

    [Fact]
    public void NightAllowance_WhereNoLodgingWasPaid_PerNightAway()
    {
        var r = SwedishPerDiem.Compute(Trip("2025-03-10T07:00", "2025-03-12T20:00", lodgingPaid: false), Rates);
        Assert.Equal(2, r.Nights);
        Assert.Equal(300m, r.NightAllowance);
        Assert.Equal(1200m, r.TaxFree);
    }

    [Fact]
    public void AfterThreeMonthsInTheSamePlace_70Percent_AndNoTaxFreeHalfDays()
    {
        var r = SwedishPerDiem.Compute(Trip("2025-01-06T07:00", "2025-04-08T15:00"), Rates);
        Assert.Equal(300m, r.Days.Single(d => d.Date == new DateOnly(2025, 4, 6)).Amount);      // day 3 months: still 100 %
        Assert.Equal(210m, r.Days.Single(d => d.Date == new DateOnly(2025, 4, 7)).Amount);      // after three months: 70 %
        var lastHalf = r.Days[^1];
        Assert.Equal((PerDiemDayKind.Half, 0m), (lastHalf.Kind, lastHalf.Amount));
    }

    [Fact]
    public void AfterTwoYearsInTheSamePlace_50Percent()
    {
        var rates = new TravelRates([new("SE", 2025, 300m), new("SE", 2026, 300m), new("SE", 2027, 300m)], []);
        var r = SwedishPerDiem.Compute(Trip("2025-01-06T07:00", "2027-01-10T20:00"), rates);
        Assert.Equal(210m, r.Days.Single(d => d.Date == new DateOnly(2027, 1, 6)).Amount);
        Assert.Equal(150m, r.Days.Single(d => d.Date == new DateOnly(2027, 1, 7)).Amount);
    }
}
