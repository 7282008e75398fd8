using System.Globalization;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Health;

/// <summary>Healthy, degraded (something is late or short, nothing is broken yet) or unhealthy (a person must act).</summary>
public enum HealthLevel
{
    Healthy,
    Degraded,
    Unhealthy,
}

/// <summary>
/// What <c>/health</c> and <c>status</c> answer, so a standard monitor can watch the pipeline: the database (reached or
/// not), open alerts (unhealthy until an operator acknowledges them), the last run and whether one completed within
/// <see cref="HealthOptions.MaxHoursWithoutCompletedRun"/> (degraded otherwise), and the free space of the folders the
/// pipeline writes to (degraded under <see cref="HealthOptions.MinFreeMegabytes"/>). The first line is the verdict
/// (<c>ok</c>, <c>degraded: …</c>, <c>unhealthy: …</c>); 503 only when unhealthy.
/// </summary>
public static class HealthCheck
{
    public sealed record Answer(HealthLevel Level, string Text)
    {
        public bool Healthy => Level != HealthLevel.Unhealthy;
        public int StatusCode => Healthy ? 200 : 503;
    }

    /// <summary>Alerts and the database only (no configuration at hand).</summary>
    public static Task<Answer> CheckAsync(PipelineDbContext db, CancellationToken ct) => CheckAsync(db, null, null, ct);

    public static async Task<Answer> CheckAsync(PipelineDbContext db, PipelineOptions? options, DateTimeOffset? now, CancellationToken ct)
    {
        var problems = new List<(HealthLevel Level, string Text)>();
        var details = new List<string>();
        List<Alert> open;
        List<(string Id, RunState State, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)> runs;
        try
        {
            open = await Alerts.OpenAsync(db, ct);
            // One row a night: a few hundred a year, read whole (SQLite cannot order DateTimeOffset in SQL).
            runs = (await db.Runs.AsNoTracking().Select(r => new { r.Id, r.State, r.StartedAt, r.FinishedAt }).ToListAsync(ct))
                .Select(r => (r.Id, r.State, r.StartedAt, r.FinishedAt)).ToList();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new Answer(HealthLevel.Unhealthy, $"unhealthy: the database cannot be read ({ex.GetType().Name}: {ex.Message})\n");
        }
        details.Add("database: reachable");
        var last = runs.Count == 0 ? ((string Id, RunState State, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)?)null : runs.MaxBy(r => r.StartedAt);
        var lastCompleted = runs.Where(r => r.State == RunState.Completed).Select(r => r.FinishedAt).Max();
        foreach (var a in open)
            problems.Add((HealthLevel.Unhealthy, string.Create(CultureInfo.InvariantCulture, $"alert {a.Id} {a.Kind} {a.Subject} (raised {a.RaisedAt:u}): {a.Message}")));
        details.Add(last is not { } l ? "last run: none yet"
            : string.Create(CultureInfo.InvariantCulture, $"last run: {l.Id} {l.State}, started {l.StartedAt:u}{(l.FinishedAt is { } f ? $", finished {f:u}" : "")}"));
        if (options is not null && now is { } at)
        {
            var limit = TimeSpan.FromHours(options.Health.MaxHoursWithoutCompletedRun);
            if (lastCompleted is not { } done || at - done > limit)
                problems.Add((HealthLevel.Degraded, lastCompleted is { } d
                    ? string.Create(CultureInfo.InvariantCulture, $"late: no run has completed since {d:u} (more than {options.Health.MaxHoursWithoutCompletedRun} h)")
                    : "late: no run has completed yet"));
            foreach (var (what, folder) in new[] { ("bank outbox", options.Payments.Outbox), ("responses outbox", options.Responses.Outbox) })
            {
                var free = FreeMegabytes(folder);
                if (free is null) continue;
                details.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {Path.GetFullPath(folder)}: {free} MB free"));
                if (free < options.Health.MinFreeMegabytes)
                    problems.Add((HealthLevel.Degraded, string.Create(CultureInfo.InvariantCulture,
                        $"disk: {what} {Path.GetFullPath(folder)} has {free} MB free (less than {options.Health.MinFreeMegabytes} MB)")));
            }
        }
        var level = problems.Count == 0 ? HealthLevel.Healthy : problems.Max(p => p.Level);
        var head = level switch
        {
            HealthLevel.Healthy => "ok",
            HealthLevel.Degraded => $"degraded: {problems.Count} finding(s)",
            _ => $"unhealthy: {open.Count} open alert(s); acknowledge with 'invoicepipeline alerts ack --id N --reason TEXT'",
        };
        var lines = problems.OrderByDescending(p => p.Level).Select(p => p.Text).Concat(details);
        return new Answer(level, head + "\n" + string.Join('\n', lines) + "\n");
    }

    /// <summary>Free megabytes on the volume of <paramref name="folder"/> (or of its nearest existing parent), or null.</summary>
    private static long? FreeMegabytes(string folder)
    {
        try
        {
            var dir = new DirectoryInfo(Path.GetFullPath(folder));
            while (dir is not null && !dir.Exists) dir = dir.Parent;
            return dir is null ? null : new DriveInfo(dir.FullName).AvailableFreeSpace / (1024 * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
