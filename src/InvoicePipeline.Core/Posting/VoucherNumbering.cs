namespace InvoicePipeline.Posting;

/// <summary>
/// The one voucher-numbering rule of the product: gapless numbers per series and fiscal year (Bokföringslagen 5 kap.
/// 6 §: vouchers are numbered in an unbroken sequence), the fiscal year being the one the voucher's date falls in
/// (<see cref="FiscalYear"/>, from the configured first month). The counter of a (series, fiscal year) holds the next
/// free number; a batch of n vouchers takes the n numbers from it in order.
/// <para>
/// The host keeps the counters in the database (Worker <c>Posting/VoucherNumbers</c>): in the posting transaction it
/// locks the counter row of the (series, <see cref="FiscalYearOf"/>) and advances it by the batch size, so a rollback
/// returns the numbers and a second poster waits on the row lock and continues after the first one's last number.
/// </para>
/// </summary>
public static class VoucherNumbering
{
    /// <summary>The fiscal year a date belongs to, named by the calendar year it starts in.</summary>
    public static int FiscalYearOf(DateOnly date, int startMonth = 1) => FiscalYear.Of(date, startMonth).Year;

    /// <summary>The first and last day of the fiscal year.</summary>
    public static (DateOnly Start, DateOnly End) FiscalYearBounds(int fiscalYear, int startMonth = 1)
    {
        var year = new FiscalYear(fiscalYear, startMonth);
        return (year.Start, year.End);
    }

    /// <summary>The numbers of a batch of <paramref name="count"/> vouchers taken from a counter whose next free number is <paramref name="next"/>.</summary>
    public static (int First, int Next) Take(int next, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(next, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return (next, next + count);
    }

    /// <summary>The numbers missing from 1..max, for a check of a stored series: empty when gapless.</summary>
    public static IReadOnlyList<int> Gaps(IEnumerable<int> numbers)
    {
        var set = new SortedSet<int>(numbers);
        if (set.Count == 0) return [];
        return Enumerable.Range(1, set.Max).Where(n => !set.Contains(n)).ToList();
    }
}
