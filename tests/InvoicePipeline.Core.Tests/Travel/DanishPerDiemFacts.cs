using InvoicePipeline.Travel;

namespace InvoicePipeline.Tests.Travel;

/// <summary>Worked examples of SKAT's rejsegodtgørelse rules (LL § 9 A). Test master data: DK 2025 kost 600, logi 270.</summary>
public sealed class DanishPerDiemFacts
{
    private static readonly TravelRates Rates = new([new("DK", 2025, 600m, Night: 270m)], []);

    private static TripFacts Trip(string dep, string ret, bool overnight = true, Dictionary<DateOnly, Meals>? meals = null, bool lodgingPaid = true) =>
        new(DateTime.Parse(dep, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(ret, System.Globalization.CultureInfo.InvariantCulture),
            "DE", overnight, null, meals ?? [], lodgingPaid);

    [Fact]
    public void LL9A_UnderTwentyFourHours_NothingIsTaxFree()
    {
        var r = DanishPerDiem.Compute(Trip("2025-03-10T08:00", "2025-03-11T07:00"), Rates);
        Assert.Equal(0m, r.TaxFree);
        Assert.Contains("under 24", r.NotEligible);
    }

    [Fact]
    public void LL9A_WithoutAnOvernightStay_NothingIsTaxFree() =>
        Assert.Contains("overnight", DanishPerDiem.Compute(Trip("2025-03-10T08:00", "2025-03-11T09:00", overnight: false), Rates).NotEligible);

    [Fact]
    public void DoegnsatsPerTwentyFourHours_ThenOneTwentyFourthPerStartedHour()
    {
        // 08:00 Mon – 10:30 Tue: one døgn (600) + 3 started hours (3/24 × 600 = 75).
        var r = DanishPerDiem.Compute(Trip("2025-03-10T08:00", "2025-03-11T10:30"), Rates);
        Assert.Equal([PerDiemDayKind.Full, PerDiemDayKind.Hours], r.Days.Select(d => d.Kind));
        Assert.Equal(675m, r.TaxFree);
    }

    [Fact]
    public void MealReduction_Breakfast15_Lunch30_Dinner30_OfTheDoegnsats()
    {
        var meals = new Dictionary<DateOnly, Meals> { [new(2025, 3, 10)] = Meals.Lunch | Meals.Dinner, [new(2025, 3, 11)] = Meals.Breakfast };
        var r = DanishPerDiem.Compute(Trip("2025-03-10T08:00", "2025-03-12T08:00"), Rates);
        Assert.Equal(1200m, r.TaxFree);
        var reduced = DanishPerDiem.Compute(Trip("2025-03-10T08:00", "2025-03-12T08:00", meals: meals), Rates);
        Assert.Equal([600m - 360m, 600m - 90m], reduced.Days.Select(d => d.Amount));
    }

    [Fact]
    public void MealReduction_NeverTakesAnHoursPartBelowZero()
    {
        var meals = new Dictionary<DateOnly, Meals> { [new(2025, 3, 11)] = Meals.Breakfast | Meals.Lunch | Meals.Dinner };
        var r = DanishPerDiem.Compute(Trip("2025-03-10T08:00", "2025-03-11T09:00", meals: meals), Rates);
        Assert.Equal(0m, r.Days[1].Amount);
    }

    [Fact]
    public void Logi_PerNight_WhereNoLodgingWasPaid_FromTheNightColumn()
    {
        var r = DanishPerDiem.Compute(Trip("2025-03-10T08:00", "2025-03-12T08:00", lodgingPaid: false), Rates);
        Assert.Equal(540m, r.NightAllowance);
        Assert.Contains("logi", DanishPerDiem.Compute(Trip("2025-03-10T08:00", "2025-03-12T08:00", lodgingPaid: false),
            new TravelRates([new("DK", 2025, 600m)], [])).MissingRate);
    }
}
