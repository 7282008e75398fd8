using InvoicePipeline.Kpi;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Kpi;

/// <summary>Loads what docs/kpi.md counts from the tables, with a few set-based queries for the month and the 12-month trend.</summary>
public static class KpiData
{
    public static async Task<KpiReport> ComputeAsync(PipelineDbContext db, string month, KpiSettings settings, TimeZoneInfo zone, CancellationToken ct)
    {
        var (start, end) = KpiCalculator.Bounds(month);
        // Everything received from three months before the trend window to the month's end (UTC bounds widened by a day for the zone).
        var windowStart = new DateTimeOffset(start.AddMonths(-14).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var windowEnd = new DateTimeOffset(end.AddDays(2).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var invoices = await (from i in db.Invoices.AsNoTracking()
                              join d in db.Documents.AsNoTracking() on i.DocumentId equals d.Id
                              where i.ReceivedAt >= windowStart && i.ReceivedAt < windowEnd
                              select new { i.Id, d.Channel, i.SupplierId, i.ReceivedAt, i.Exceptions }).ToListAsync(ct);
        var ids = invoices.Select(i => i.Id).ToList();
        var history = new List<StatusChange>();
        foreach (var batch in ids.Chunk(10_000))
            history.AddRange(await db.History.AsNoTracking().Where(h => h.Subject == "invoice" && batch.Contains(h.SubjectId)).ToListAsync(ct));
        // Postings are read from the vouchers (posting writes no history row of its own).
        foreach (var batch in ids.Chunk(10_000))
            history.AddRange((await db.Vouchers.AsNoTracking().Where(v => v.InvoiceId != null && batch.Contains(v.InvoiceId.Value)).ToListAsync(ct))
                .Select(InvoiceStates.PostingEntry));
        var byInvoice = history.ToLookup(h => h.SubjectId);
        var kpiInvoices = invoices.Select(i => new KpiInvoice(i.Id, i.Channel == Ingestion.DocumentChannel.Scanned, i.SupplierId, i.ReceivedAt,
            i.Exceptions.Split(';', StringSplitOptions.RemoveEmptyEntries),
            byInvoice[i.Id].OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new KpiEvent(h.At, h.FromStatus, h.ToStatus, h.Actor, h.ActorRole, h.Action)).ToList())).ToList();
        var payroll = await (from p in db.PayrollEntries.AsNoTracking()
                             join d in db.Documents.AsNoTracking() on p.DocumentId equals d.Id
                             where d.ReceivedAt >= windowStart && d.ReceivedAt < windowEnd
                             select new KpiPayrollRow(d.ReceivedAt, p.Status)).ToListAsync(ct);
        var staffing = await db.Staffing.AsNoTracking().Select(s => new KpiStaffing(s.Month, s.Process, s.Fte)).ToListAsync(ct);
        return KpiCalculator.Compute(month, kpiInvoices, payroll, staffing, settings, zone);
    }
}
