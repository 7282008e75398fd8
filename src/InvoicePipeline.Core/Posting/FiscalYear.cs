namespace InvoicePipeline.Posting;

/// <summary>
/// A fiscal year (räkenskapsår), named by the calendar year it starts in: with <c>fiscal_year_start</c> 7, fiscal year
/// 2026 runs from 1 July 2026 to 30 June 2027. Voucher numbers run per series and fiscal year (<see cref="VoucherNumbering"/>),
/// SIE's <c>#RAR 0</c> is the year of the exported vouchers and <c>#RAR -1</c> the one before.
/// </summary>
public readonly record struct FiscalYear(int Year, int StartMonth)
{
    public static FiscalYear Of(DateOnly date, int startMonth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        return new FiscalYear(date.Month >= startMonth ? date.Year : date.Year - 1, startMonth);
    }

    public DateOnly Start => new(Year, StartMonth, 1);
    public DateOnly End => Start.AddYears(1).AddDays(-1);
    public FiscalYear Previous => this with { Year = Year - 1 };
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>
    /// The one fiscal year an export of <paramref name="from"/>..<paramref name="to"/> belongs to, or why not: an SIE
    /// file has one #RAR 0, so a period spanning two fiscal years is refused.
    /// </summary>
    public static (FiscalYear? Year, string? Refusal) OfPeriod(DateOnly from, DateOnly to, int startMonth)
    {
        if (to < from) return (null, $"the period ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd})");
        var year = Of(from, startMonth);
        return year.Contains(to)
            ? (year, null)
            : (null, $"{from:yyyy-MM-dd}..{to:yyyy-MM-dd} spans two fiscal years ({year.Start:yyyy-MM-dd}..{year.End:yyyy-MM-dd} and the next): export each fiscal year on its own");
    }
}

/// <summary>
/// Closed periods (<c>period close</c>): nothing posts on or before the last closed day; a posting dated in a closed
/// period takes the first open date instead.
/// </summary>
public static class PostingPeriods
{
    /// <summary>The date a posting asked for <paramref name="requested"/> gets: itself when open, else the day after the last closed one.</summary>
    public static DateOnly OpenDate(DateOnly requested, IEnumerable<DateOnly> closedThrough)
    {
        DateOnly? last = null;
        foreach (var d in closedThrough)
            if (last is null || d > last) last = d;
        return last is { } l && requested <= l ? l.AddDays(1) : requested;
    }

    /// <summary>The last day of a month given as YYYY-MM, or null when it is not one.</summary>
    public static DateOnly? MonthEnd(string month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var first)
            ? first.AddMonths(1).AddDays(-1) : null;
}
