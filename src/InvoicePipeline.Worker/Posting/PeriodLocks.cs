using System.Globalization;
using InvoicePipeline.Posting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// <c>period close</c> and what it means for posting (the rule is the core's <see cref="PostingPeriods"/>): a closed
/// month takes no vouchers; a posting dated in it takes the first open date. The lock, a refused close and every
/// posting moved out of a closed period are in the history (subject "period").
/// </summary>
public static class PeriodLocks
{
    public const string Subject = "period";

    public sealed record CloseResult(bool Closed, string Month, DateOnly Through, string Message);

    /// <summary>Closes <paramref name="month"/> (YYYY-MM) of the organisation's ledger for <paramref name="user"/>; refusals are recorded too.</summary>
    public static async Task<CloseResult> CloseAsync(PipelineDbContext db, string organisation, string month, string user, DateTimeOffset now, CancellationToken ct)
    {
        if (PostingPeriods.MonthEnd(month) is not { } through)
            throw new ConfigurationException($"--month '{month}' is not a month (YYYY-MM)");
        var existing = await db.PeriodLocks.AsNoTracking().FirstOrDefaultAsync(l => l.Organisation == organisation && l.Month == month, ct);
        if (existing is not null)
        {
            var why = $"{month} was already closed by {existing.ClosedBy} on {existing.ClosedAt:yyyy-MM-dd HH:mm} UTC";
            db.History.Add(new StatusChange { Subject = Subject, SubjectId = existing.Id, At = now, Actor = user, Action = "period-close-refused", FromStatus = "Closed", ToStatus = "Closed", Reason = why });
            await db.SaveChangesAsync(ct);
            return new CloseResult(false, month, through, why);
        }
        var entry = new PeriodLock { Organisation = organisation, Month = month, Through = through, ClosedAt = now, ClosedBy = user };
        db.PeriodLocks.Add(entry);
        await db.SaveChangesAsync(ct);
        var message = string.Create(CultureInfo.InvariantCulture, $"{month} closed: nothing is posted on or before {through:yyyy-MM-dd} any more");
        db.History.Add(new StatusChange { Subject = Subject, SubjectId = entry.Id, At = now, Actor = user, Action = "period-close", FromStatus = "Open", ToStatus = "Closed", Reason = message });
        await db.SaveChangesAsync(ct);
        return new CloseResult(true, month, through, message);
    }

    /// <summary>
    /// The date a posting of <paramref name="organisation"/> asked for <paramref name="requested"/> gets: itself when
    /// open, else the first open date. The organisation's own locks count, and centre-wide ones (organisation "").
    /// </summary>
    public static async Task<DateOnly> OpenDateAsync(PipelineDbContext db, string organisation, DateOnly requested, CancellationToken ct)
    {
        var locks = db.PeriodLocks.AsNoTracking().Where(l => l.Organisation == "" || l.Organisation == organisation);
        var closed = await locks.Where(l => l.Through >= requested).Select(l => l.Through).ToListAsync(ct);
        if (closed.Count == 0) return requested;
        var all = await locks.Select(l => l.Through).ToListAsync(ct);
        return PostingPeriods.OpenDate(requested, all);
    }

    /// <summary>
    /// The open date for a run's posting, with the move recorded when the run's date was in a closed period
    /// (who: the system, why: which date was asked for and which was taken).
    /// </summary>
    public static async Task<DateOnly> OpenDateForRunAsync(PipelineDbContext db, string runId, string organisation, DateOnly requested, DateTimeOffset now,
        CancellationToken ct)
    {
        var open = await OpenDateAsync(db, organisation, requested, ct);
        if (open == requested) return open;
        var lockId = await db.PeriodLocks.AsNoTracking().Where(l => (l.Organisation == "" || l.Organisation == organisation) && l.Through >= requested)
            .OrderBy(l => l.Through).Select(l => l.Id).FirstAsync(ct);
        db.History.Add(new StatusChange
        {
            Subject = Subject, SubjectId = lockId, At = now, Action = "post-date-moved", FromStatus = "Closed", ToStatus = "Open", RunId = runId,
            Reason = string.Create(CultureInfo.InvariantCulture, $"posting date {requested:yyyy-MM-dd} is in a closed period: posted on {open:yyyy-MM-dd}, the first open date"),
        });
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return open;
    }
}
