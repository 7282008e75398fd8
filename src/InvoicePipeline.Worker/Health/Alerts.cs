using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace InvoicePipeline.Worker.Health;

/// <summary>
/// The one health model: open alerts make the worker unhealthy (<c>/health</c> answers 503 and lists them) until an
/// operator acknowledges each with a reason (<c>alerts ack</c>). Raised by whatever notices the problem.
/// </summary>
public static class Alerts
{
    /// <summary>A run stopped before its report: its documents are adopted by the next run, its night needs a look.</summary>
    public const string RunIncomplete = "run-incomplete";

    /// <summary>Raises the alert (and logs it) unless one of this kind and subject exists already; true when it is new.</summary>
    public static async Task<bool> RaiseAsync(PipelineDbContext db, string kind, string subject, string message, DateTimeOffset now, ILogger log, CancellationToken ct)
    {
        if (await db.Alerts.AnyAsync(a => a.Kind == kind && a.Subject == subject, ct)) return false;
        db.Alerts.Add(new Alert { Kind = kind, Subject = subject, Message = message, RaisedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Raised at the same moment by someone else (the unique index on kind and subject): one alert it is.
            db.ChangeTracker.Clear();
            return false;
        }
        log.AlertRaised(kind, subject, message);
        return true;
    }

    /// <summary>The same for Hangfire's state filters, which are synchronous.</summary>
    public static bool Raise(PipelineDbContext db, string kind, string subject, string message, DateTimeOffset now, ILogger log)
    {
        if (db.Alerts.Any(a => a.Kind == kind && a.Subject == subject)) return false;
        db.Alerts.Add(new Alert { Kind = kind, Subject = subject, Message = message, RaisedAt = now });
        try
        {
            db.SaveChanges();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
        log.AlertRaised(kind, subject, message);
        return true;
    }

    public static Task<List<Alert>> OpenAsync(PipelineDbContext db, CancellationToken ct) =>
        db.Alerts.AsNoTracking().Where(a => a.AcknowledgedAt == null).OrderBy(a => a.Id).ToListAsync(ct);

    /// <summary>Closes an open alert, recording who (the signed-in or OS user, never a typed name), when and why.</summary>
    public static async Task<Alert> AcknowledgeAsync(PipelineDbContext db, long id, string user, string reason, DateTimeOffset now, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("a reason is required to acknowledge an alert", nameof(reason));
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new ConfigurationException($"no alert with id {id}");
        if (alert.AcknowledgedAt is not null) throw new ConfigurationException($"alert {id} was already acknowledged by {alert.AcknowledgedBy} at {alert.AcknowledgedAt:u}");
        (alert.AcknowledgedBy, alert.AcknowledgedAt, alert.AcknowledgedReason) = (user, now, reason.Trim());
        await db.SaveChangesAsync(ct);
        return alert;
    }
}
