using System.Globalization;

namespace InvoicePipeline.Travel;

/// <summary>
/// Tax-free travel allowance (rejsegodtgørelse) for an employee taxed in Denmark, as SKAT states it (ligningsloven
/// § 9 A; Den juridiske vejledning C.A.7.1–C.A.7.2): the kost rate per 24 hours once the trip has lasted 24 hours,
/// then 1/24 of the rate for each started hour; free meals reduce the rate (breakfast 15 %, lunch 30 %, dinner 30 %);
/// the logi rate per night where no lodging was paid. Rates are the <c>DK</c> row of per_diem_rates.csv for the year
/// (the Danish standard rate is the same in Denmark and abroad).
/// </summary>
public static class DanishPerDiem
{
    public static PerDiemResult Compute(TripFacts trip, TravelRates rates)
    {
        var duration = trip.Return - trip.Departure;
        if (!trip.Overnight || trip.Nights() == 0)
            return PerDiemResult.Ineligible("no overnight stay: no tax-free rejsegodtgørelse (LL § 9 A, stk. 1)");
        if (duration < TimeSpan.FromHours(24))
            return PerDiemResult.Ineligible(string.Create(CultureInfo.InvariantCulture,
                $"the trip lasted {duration.TotalHours:0.##} hours, under 24: no tax-free kostgodtgørelse (LL § 9 A, stk. 2)"));

        var days = new List<PerDiemDay>();
        var start = trip.Departure;
        while (start < trip.Return)
        {
            var date = DateOnly.FromDateTime(start);
            if (rates.PerDiem("DK", date.Year) is not { } rate)
                return PerDiemResult.NoRate($"no per diem rate for DK {date.Year} in per_diem_rates.csv");
            var remaining = trip.Return - start;
            PerDiemDayKind kind;
            decimal baseAmount;
            string rule;
            if (remaining >= TimeSpan.FromHours(24))
            {
                kind = PerDiemDayKind.Full;
                baseAmount = rate.FullDay;
                rule = "24 hours: the døgnsats";
            }
            else
            {
                var hours = (int)Math.Ceiling(remaining.TotalMinutes / 60d);
                kind = PerDiemDayKind.Hours;
                baseAmount = rate.FullDay * hours / 24m;
                rule = string.Create(CultureInfo.InvariantCulture, $"{hours} started hour(s) after the last 24: 1/24 of the døgnsats each");
            }
            // Free meals on the calendar day the period starts reduce by a share of the full døgnsats (not of the hours part).
            var meals = trip.MealsOn(date);
            var percent = MealReductionPercent(meals);
            var reduction = Math.Min(baseAmount, rate.FullDay * percent / 100m);
            if (percent > 0) rule += string.Create(CultureInfo.InvariantCulture, $"; meals {meals}: -{percent} % of the døgnsats");
            days.Add(new PerDiemDay(date, "DK", kind, baseAmount, reduction, baseAmount - reduction, rule));
            start = start.AddHours(24);
        }

        var nights = trip.Nights();
        var night = 0m;
        if (!trip.LodgingPaid)
        {
            for (var d = DateOnly.FromDateTime(trip.Departure).AddDays(1); d <= DateOnly.FromDateTime(trip.Return); d = d.AddDays(1))
            {
                if (d.ToDateTime(new TimeOnly(6, 0)) > trip.Return) continue;
                // The logi rate is its own amount in Denmark (not half the kost rate): the file must give it.
                if (rates.PerDiem("DK", d.Year) is not { Night: { } logi })
                    return PerDiemResult.NoRate($"no night (logi) rate for DK {d.Year} in per_diem_rates.csv");
                night += logi;
            }
        }
        return new PerDiemResult(days, nights, night);
    }

    /// <summary>Fri morgenmad 15 %, fri frokost 30 %, fri aftensmad 30 % of the døgnsats (fri kost 75 %).</summary>
    public static int MealReductionPercent(Meals meals)
    {
        var p = 0;
        if (meals.HasFlag(Meals.Breakfast)) p += 15;
        if (meals.HasFlag(Meals.Lunch)) p += 30;
        if (meals.HasFlag(Meals.Dinner)) p += 30;
        return p;
    }
}
