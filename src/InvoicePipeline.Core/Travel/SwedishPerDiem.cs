using System.Globalization;

namespace InvoicePipeline.Travel;

/// <summary>
/// Tax-free per diem (traktamente) for an employee taxed in Sweden, as Skatteverket states it (inkomstskattelagen
/// 12 kap. 5–6, 8–10 och 18–22 §§; Skatteverket's allmänna råd on ökade levnadskostnader, SKV A 2025:5 from 2026).
/// Each rule below is named in the day's <see cref="PerDiemDay.Rule"/> and has a test named after it. The amounts
/// (maximibelopp for Sweden, normalbelopp per country) come from per_diem_rates.csv, never from here.
/// </summary>
public static class SwedishPerDiem
{
    /// <summary>The distance condition: more than 50 km from both the ordinary place of work and home (IL 12 kap. 6 §).</summary>
    public const decimal MinimumDistanceKm = 50m;

    public static PerDiemResult Compute(TripFacts trip, TravelRates rates)
    {
        // Conditions (IL 12 kap. 6 §): an overnight stay, and the destination more than 50 km from home and work.
        if (!trip.Overnight || trip.Nights() == 0)
            return PerDiemResult.Ineligible("no overnight stay away from home: per diem is taxable (IL 12 kap. 6 §)");
        if (trip.DistanceKm is not { } km || km <= MinimumDistanceKm)
            return PerDiemResult.Ineligible(string.Create(CultureInfo.InvariantCulture,
                $"destination {trip.DistanceKm?.ToString(CultureInfo.InvariantCulture) ?? "(no distance)"} km is not more than 50 km from home and work: per diem is taxable (IL 12 kap. 6 §)"));

        var foreign = !string.Equals(trip.Country, "SE", StringComparison.OrdinalIgnoreCase);
        var first = DateOnly.FromDateTime(trip.Departure);
        var last = DateOnly.FromDateTime(trip.Return);
        var days = new List<PerDiemDay>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            // Foreign days use the destination's normalbelopp for the year of the day; domestic days Sweden's maximibelopp.
            var country = foreign ? trip.Country.ToUpperInvariant() : "SE";
            if (rates.PerDiem(country, day.Year) is not { } rate)
                return PerDiemResult.NoRate($"no per diem rate for {country} {day.Year} in per_diem_rates.csv");

            // Departure before 12:00 and return after 19:00 make whole days; otherwise the day is half (SKV A, 12 kap. 8 §).
            var half = (day == first && trip.Departure.TimeOfDay >= TimeSpan.FromHours(12))
                       || (day == last && trip.Return.TimeOfDay <= TimeSpan.FromHours(19));
            var rules = new List<string> { half ? (day == first ? "departure at or after 12:00: half day" : "return at or before 19:00: half day") : "full day" };

            // Long trips to one place: after three months 70 %, after two years 50 % (IL 12 kap. 9–10 §§, 18–22 §§);
            // after three months no half days are tax-free (RÅ 2006 ref. 59).
            var factor = 1m;
            if (day > first.AddYears(2)) { factor = 0.5m; rules.Add("after two years in the same place: 50 %"); }
            else if (day > first.AddMonths(3)) { factor = 0.7m; rules.Add("after three months in the same place: 70 %"); }
            if (half && factor < 1m)
            {
                days.Add(new PerDiemDay(day, country, PerDiemDayKind.Half, 0m, 0m, 0m, string.Join("; ", rules) + "; no tax-free half day after three months"));
                continue;
            }
            var baseAmount = (half ? rate.HalfDayAmount : rate.FullDay) * factor;

            // Free meals reduce the day's amount: domestic breakfast 20 %, lunch 35 %, dinner 35 % (all three 90 %);
            // foreign breakfast 15 %, lunch 35 %, dinner 35 % (all three 85 %) — SKV A 2025:5.
            var meals = trip.MealsOn(day);
            var percent = MealReductionPercent(meals, foreign);
            if (percent > 0) rules.Add(string.Create(CultureInfo.InvariantCulture, $"meals {meals}: -{percent} %"));
            var reduction = baseAmount * percent / 100m;
            days.Add(new PerDiemDay(day, country, half ? PerDiemDayKind.Half : PerDiemDayKind.Full, baseAmount, reduction,
                Math.Max(0m, baseAmount - reduction), string.Join("; ", rules)));
        }

        // Night allowance where the employer paid no lodging: half the day amount per night (12 kap. 8 § andra stycket).
        var nights = trip.Nights();
        var night = 0m;
        if (!trip.LodgingPaid)
        {
            for (var d = first.AddDays(1); d <= last; d = d.AddDays(1))
            {
                if (d.ToDateTime(new TimeOnly(6, 0)) > trip.Return) continue;
                var country = foreign ? trip.Country.ToUpperInvariant() : "SE";
                if (rates.PerDiem(country, d.Year) is not { } rate)
                    return PerDiemResult.NoRate($"no per diem rate for {country} {d.Year} in per_diem_rates.csv");
                night += rate.NightAmount;
            }
        }
        return new PerDiemResult(days, nights, night);
    }

    /// <summary>The reduction for free meals, in percent of the day's amount (the parts add up to the published totals).</summary>
    public static int MealReductionPercent(Meals meals, bool foreign)
    {
        var p = 0;
        if (meals.HasFlag(Meals.Breakfast)) p += foreign ? 15 : 20;
        if (meals.HasFlag(Meals.Lunch)) p += 35;
        if (meals.HasFlag(Meals.Dinner)) p += 35;
        return p;
    }
}
