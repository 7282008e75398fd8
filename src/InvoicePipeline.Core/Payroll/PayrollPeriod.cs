using System.Globalization;

namespace InvoicePipeline.Payroll;

/// <summary>A payroll period, written <c>YYYY-MM</c>.</summary>
public readonly record struct PayrollPeriod(int Year, int Month) : IComparable<PayrollPeriod>
{
    public static PayrollPeriod Of(DateOnly date) => new(date.Year, date.Month);

    public PayrollPeriod Next() => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);

    public DateOnly FirstDay => new(Year, Month, 1);

    public DateOnly LastDay => new(Year, Month, DateTime.DaysInMonth(Year, Month));

    public static bool TryParse(string? value, out PayrollPeriod period)
    {
        period = default;
        if (value is null || value.Length != 7 || value[4] != '-') return false;
        if (!int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return false;
        if (!int.TryParse(value.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)) return false;
        if (year < 1 || month is < 1 or > 12) return false;
        period = new PayrollPeriod(year, month);
        return true;
    }

    public static PayrollPeriod Parse(string value) =>
        TryParse(value, out var p) ? p : throw new FormatException($"'{value}' is not a period YYYY-MM.");

    public int CompareTo(PayrollPeriod other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    public static bool operator <(PayrollPeriod a, PayrollPeriod b) => a.CompareTo(b) < 0;
    public static bool operator >(PayrollPeriod a, PayrollPeriod b) => a.CompareTo(b) > 0;
    public static bool operator <=(PayrollPeriod a, PayrollPeriod b) => a.CompareTo(b) <= 0;
    public static bool operator >=(PayrollPeriod a, PayrollPeriod b) => a.CompareTo(b) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}");
}
