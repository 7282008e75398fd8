using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>
/// The one clock of the business: the process's <see cref="TimeProvider"/> (fixed to a date by `--as-of`, fake in tests)
/// read in the configured time zone (Pipeline:TimeZone). Posting dates, due dates, quarantine windows, authority
/// validity, KPI months and queue ages all take "today" from here, so a page, a job and a command agree on the date.
/// </summary>
public sealed class BusinessClock(TimeProvider time, TimeZoneInfo zone)
{
    public BusinessClock(TimeProvider time, string zoneId) : this(time, FindZone(zoneId))
    {
    }

    /// <summary>The clock of a configuration: its time zone, the given time source.</summary>
    public static BusinessClock For(PipelineOptions options, TimeProvider time) => new(time, options.TimeZone);

    public TimeProvider Time => time;
    public TimeZoneInfo Zone => zone;

    /// <summary>The instant, for timestamps (who/when records, durations).</summary>
    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <summary>Today's date in the business's time zone.</summary>
    public DateOnly Today => DateOf(time.GetUtcNow());

    /// <summary>The business date an instant falls on.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    /// <summary>The current month in the business's time zone, as YYYY-MM.</summary>
    public string Month => Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    public static TimeZoneInfo FindZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { throw new ConfigurationException($"Pipeline:TimeZone: unknown time zone '{id}'"); }
        catch (InvalidTimeZoneException) { throw new ConfigurationException($"Pipeline:TimeZone: invalid time zone '{id}'"); }
    }
}

/// <summary>A clock whose date is fixed (from --as-of) while the time of day still runs, so durations stay real.</summary>
public sealed class FixedDateTimeProvider(DateOnly date) : TimeProvider
{
    private readonly TimeSpan _offset = date.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc) - System.GetUtcNow().UtcDateTime;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;
}
