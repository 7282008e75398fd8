namespace InvoicePipeline.Posting;

/// <summary>The counter of one voucher series in one fiscal year: the last number handed out (0 before the first).</summary>
public sealed record VoucherCounter(string Series, int FiscalYear, int LastNumber);

/// <summary>
/// Gapless voucher numbers per series and fiscal year (Bokföringslagen 5 kap. 6 §: vouchers are numbered in an
/// unbroken sequence). This is the pure part: given the current counters, it numbers a batch of vouchers in their
/// given order and returns the advanced counters.
/// <para>
/// Concurrency is the caller's: in ONE database transaction, lock the counter rows of the series/years in the batch
/// (<c>SELECT ... FOR UPDATE</c> on PostgreSQL; SQLite serialises writers with <c>BEGIN IMMEDIATE</c>), call
/// <see cref="Assign"/>, insert the vouchers and update the counters, then commit. A rollback returns no numbers, so
/// no gap appears; a second worker waits on the row lock and continues after the first one's last number.
/// </para>
/// </summary>
public static class VoucherNumbering
{
    /// <summary>The fiscal year a date belongs to, named by the calendar year it starts in.</summary>
    public static int FiscalYearOf(DateOnly date, int startMonth = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startMonth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startMonth, 12);
        return date.Month >= startMonth ? date.Year : date.Year - 1;
    }

    /// <summary>The first and last day of the fiscal year.</summary>
    public static (DateOnly Start, DateOnly End) FiscalYearBounds(int fiscalYear, int startMonth = 1)
    {
        var start = new DateOnly(fiscalYear, startMonth, 1);
        return (start, start.AddYears(1).AddDays(-1));
    }

    /// <summary>
    /// Numbers the unnumbered vouchers in order, continuing each (series, fiscal year) counter; counters absent from
    /// <paramref name="counters"/> start at 1. Already numbered vouchers are refused: a number is given once.
    /// </summary>
    public static (IReadOnlyList<Voucher> Numbered, IReadOnlyList<VoucherCounter> Counters) Assign(
        IEnumerable<Voucher> vouchers, IEnumerable<VoucherCounter> counters, int fiscalYearStartMonth = 1)
    {
        var last = counters.ToDictionary(c => (c.Series, c.FiscalYear), c => c.LastNumber);
        var touched = new List<(string, int)>();
        var numbered = new List<Voucher>();
        foreach (var voucher in vouchers)
        {
            if (voucher.Number is not null)
                throw new InvalidOperationException($"Voucher {voucher.Series}{voucher.Number} is already numbered.");
            var key = (voucher.Series, FiscalYearOf(voucher.Date, fiscalYearStartMonth));
            if (!last.TryGetValue(key, out var n)) n = 0;
            if (!touched.Contains(key)) touched.Add(key);
            last[key] = n + 1;
            numbered.Add(voucher.WithNumber(n + 1));
        }
        return (numbered, touched.Select(k => new VoucherCounter(k.Item1, k.Item2, last[k])).ToList());
    }

    /// <summary>The numbers missing from 1..max, for a check of a stored series: empty when gapless.</summary>
    public static IReadOnlyList<int> Gaps(IEnumerable<int> numbers)
    {
        var set = new SortedSet<int>(numbers);
        if (set.Count == 0) return [];
        return Enumerable.Range(1, set.Max).Where(n => !set.Contains(n)).ToList();
    }
}
