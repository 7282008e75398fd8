using System.Runtime.CompilerServices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting.Journal;
using InvoicePipeline.Worker.Posting.Sie;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// One organisation's vouchers of a period, streamed from the database in voucher order, for the SIE and journal
/// exports (organisations.md: each export writes one organisation's ledger).
/// </summary>
public sealed class LedgerExport(PipelineDbContext db, PipelineOptions options, BusinessClock clock)
{
    /// <summary>The ledger of an installation without organisations.csv.</summary>
    public Task<SieCounts> SieAsync(DateOnly from, DateOnly to, string path, CancellationToken ct) =>
        SieAsync(Organisations.OrganisationBook.Default(options), from, to, path, ct);

    public async Task<SieCounts> SieAsync(InvoicePipeline.MasterData.Organisation organisation, DateOnly from, DateOnly to, string path, CancellationToken ct)
    {
        // SIE is the Swedish format: a Danish ledger leaves as the journal.
        if (!string.Equals(organisation.Country, "SE", StringComparison.OrdinalIgnoreCase))
            throw new ConfigurationException($"export sie: {organisation.OrganisationId} is a {organisation.Country} organisation; SIE 4 is for Swedish ledgers: use export journal");
        // One file, one #RAR 0: a period spanning two fiscal years is refused with the reason.
        var (year, refusal) = InvoicePipeline.Posting.FiscalYear.OfPeriod(from, to, organisation.FiscalYearStart);
        if (year is not { } fiscalYear) throw new ConfigurationException($"export sie --from {from:yyyy-MM-dd} --to {to:yyyy-MM-dd}: {refusal}");
        var org = organisation.OrganisationId;
        var used = db.VoucherLines.AsNoTracking().Where(l => db.Vouchers.Any(v => v.Id == l.VoucherId && v.OrganisationId == org && v.Date >= from && v.Date <= to));
        var accountNumbers = await used.Select(l => l.Account).Distinct().ToListAsync(ct);
        var names = await db.Accounts.AsNoTracking().Where(a => a.OrganisationId == org && accountNumbers.Contains(a.AccountNumber))
            .ToDictionaryAsync(a => a.AccountNumber, a => a.Name, ct);
        var centreCodes = await used.Where(l => l.CostCentre != null).Select(l => l.CostCentre!).Distinct().ToListAsync(ct);
        var centreNames = await db.CostCentres.AsNoTracking().Where(c => c.OrganisationId == org && centreCodes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var projects = await used.Where(l => l.Project != null).Select(l => l.Project!).Distinct().ToListAsync(ct);
        var header = new SieHeader("InvoicePipeline", Runs.RunStarter.ProgramVersion.Split('+')[0], clock.Today,
            organisation.Name, SieOrgNo(organisation.OrgNo), fiscalYear.Start, fiscalYear.End, organisation.LedgerCurrency);
        return await NewFiles.WriteAsync(path, file => SieWriter.WriteAsync(file, header,
            accountNumbers.ToDictionary(a => a, a => names.GetValueOrDefault(a) ?? a, StringComparer.Ordinal),
            centreCodes.ToDictionary(c => c, c => centreNames.GetValueOrDefault(c) ?? c, StringComparer.Ordinal),
            projects, VouchersAsync(org, from, to, ct), ct), ct);
    }

    public Task<int> JournalAsync(DateOnly from, DateOnly to, string path, CancellationToken ct) =>
        JournalAsync(Organisations.OrganisationBook.Default(options), from, to, path, ct);

    public async Task<int> JournalAsync(InvoicePipeline.MasterData.Organisation organisation, DateOnly from, DateOnly to, string path, CancellationToken ct)
    {
        return await NewFiles.WriteTextAsync(path, writer => JournalWriter.WriteAsync(writer, VouchersAsync(organisation.OrganisationId, from, to, ct), ct), ct);
    }

    /// <summary>NNNNNN-NNNN for a Swedish organisation number stored as ten digits (SIE #ORGNR), else as stored.</summary>
    private static string SieOrgNo(string orgNo) => orgNo.Length == 10 && orgNo.All(char.IsAsciiDigit) ? orgNo[..6] + "-" + orgNo[6..] : orgNo;

    /// <summary>Vouchers with their lines, a thousand at a time, so memory stays flat whatever the period holds.</summary>
    private async IAsyncEnumerable<(VoucherEntry, IReadOnlyList<VoucherLineEntry>)> VouchersAsync(string organisationId, DateOnly from, DateOnly to,
        [EnumeratorCancellation] CancellationToken ct)
    {
        long after = long.MinValue;
        while (true)
        {
            var batch = await db.Vouchers.AsNoTracking().Where(v => v.OrganisationId == organisationId && v.Date >= from && v.Date <= to && v.Id > after)
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
