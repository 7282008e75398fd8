using System.Runtime.CompilerServices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting.Journal;
using InvoicePipeline.Worker.Posting.Sie;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Posting;

/// <summary>The vouchers of a period, streamed from the database in voucher order, for the SIE and journal exports.</summary>
public sealed class LedgerExport(PipelineDbContext db, PipelineOptions options, BusinessClock clock)
{
    public async Task<SieCounts> SieAsync(DateOnly from, DateOnly to, string path, CancellationToken ct)
    {
        // One file, one #RAR 0: a period spanning two fiscal years is refused with the reason.
        var (year, refusal) = InvoicePipeline.Posting.FiscalYear.OfPeriod(from, to, options.Posting.FiscalYearStartMonth);
        if (year is not { } fiscalYear) throw new ConfigurationException($"export sie --from {from:yyyy-MM-dd} --to {to:yyyy-MM-dd}: {refusal}");
        var used = db.VoucherLines.AsNoTracking().Where(l => db.Vouchers.Any(v => v.Id == l.VoucherId && v.Date >= from && v.Date <= to));
        var accountNumbers = await used.Select(l => l.Account).Distinct().ToListAsync(ct);
        var names = await db.Accounts.AsNoTracking().Where(a => accountNumbers.Contains(a.AccountNumber)).ToDictionaryAsync(a => a.AccountNumber, a => a.Name, ct);
        var centreCodes = await used.Where(l => l.CostCentre != null).Select(l => l.CostCentre!).Distinct().ToListAsync(ct);
        var centreNames = await db.CostCentres.AsNoTracking().Where(c => centreCodes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var projects = await used.Where(l => l.Project != null).Select(l => l.Project!).Distinct().ToListAsync(ct);
        var header = new SieHeader("InvoicePipeline", Runs.RunStarter.ProgramVersion.Split('+')[0], clock.Today,
            options.Ledger.CompanyName, options.Ledger.OrgNo, fiscalYear.Start, fiscalYear.End, options.Posting.LedgerCurrency);
        return await NewFiles.WriteAsync(path, file => SieWriter.WriteAsync(file, header,
            accountNumbers.ToDictionary(a => a, a => names.GetValueOrDefault(a) ?? a, StringComparer.Ordinal),
            centreCodes.ToDictionary(c => c, c => centreNames.GetValueOrDefault(c) ?? c, StringComparer.Ordinal),
            projects, VouchersAsync(from, to, ct), ct), ct);
    }

    public async Task<int> JournalAsync(DateOnly from, DateOnly to, string path, CancellationToken ct)
    {
        return await NewFiles.WriteTextAsync(path, writer => JournalWriter.WriteAsync(writer, VouchersAsync(from, to, ct), ct), ct);
    }

    /// <summary>Vouchers with their lines, a thousand at a time, so memory stays flat whatever the period holds.</summary>
    private async IAsyncEnumerable<(VoucherEntry, IReadOnlyList<VoucherLineEntry>)> VouchersAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken ct)
    {
        long after = long.MinValue;
        while (true)
        {
            var batch = await db.Vouchers.AsNoTracking().Where(v => v.Date >= from && v.Date <= to && v.Id > after)
                .OrderBy(v => v.Id).Take(1000).ToListAsync(ct);
            if (batch.Count == 0) yield break;
            var (low, high) = (batch[0].Id, batch[^1].Id);
            var lines = (await db.VoucherLines.AsNoTracking().Where(l => l.VoucherId >= low && l.VoucherId <= high).ToListAsync(ct))
                .ToLookup(l => l.VoucherId);
            foreach (var v in batch) yield return (v, lines[v.Id].OrderBy(l => l.LineNo).ToList());
            after = high;
        }
    }
}
