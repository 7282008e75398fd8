using System.Globalization;
using InvoicePipeline.Payroll;
using InvoicePipeline.Posting;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Payroll;

/// <param name="TravelPosted">Travel claim lines posted on the same voucher; <paramref name="TravelCarried"/> those carried on.</param>
public sealed record PayrollPostResult(int Posted, decimal Amount, string? Voucher, int Carried, string ExportFile, int TravelPosted = 0, int TravelCarried = 0);

/// <summary>
/// Payroll after the nightly intake: each manager's queue, attestation with four eyes, and the period's posting —
/// one balanced voucher of cost per cost centre against the payroll liability, the export file for the payroll
/// system, and the unattested rows carried to the next period (never holding up the rest). Attested travel claims
/// (<see cref="Travel.TravelPosting"/>) go on the same voucher and into the same export file.
/// </summary>
public sealed class PayrollDesk(PipelineDbContext db, PipelineOptions options, BusinessClock clock)
{
    /// <summary>Employments, pay codes, rates and cost centres, as payroll validation and attestation read them.</summary>
    internal static async Task<PayrollMasterData> LoadMasterAsync(PipelineDbContext db, CancellationToken ct) => new(
        await db.Employees.AsNoTracking().ToListAsync(ct), await db.PayCodes.AsNoTracking().ToListAsync(ct),
        await db.PayRates.AsNoTracking().ToListAsync(ct), await db.CostCentres.AsNoTracking().ToListAsync(ct));

    /// <summary>One organisation's employments, pay codes, rates and cost centres: a payroll file is read against its own only.</summary>
    internal static async Task<PayrollMasterData> LoadMasterAsync(PipelineDbContext db, string organisationId, CancellationToken ct) => new(
        await db.Employees.AsNoTracking().Where(e => e.OrganisationId == organisationId).ToListAsync(ct),
        await db.PayCodes.AsNoTracking().Where(p => p.OrganisationId == organisationId).ToListAsync(ct),
        await db.PayRates.AsNoTracking().Where(r => r.OrganisationId == organisationId).ToListAsync(ct),
        await db.CostCentres.AsNoTracking().Where(c => c.OrganisationId == organisationId).ToListAsync(ct));

    private static PayrollAttestationCase Case(PayrollEntry e) =>
        new(e.TransactionId, e.EmployeeId ?? "", e.CostCentre ?? "", e.ReportedBy, e.ImportedBy, e.Status);

    public async Task<List<PayrollEntry>> QueueAsync(string userId, CancellationToken ct)
    {
        var master = await LoadMasterAsync(db, ct);
        // Only the rows the user could attest at all (as the employee's or the cost centre's manager) leave the database;
        // the rules then decide each. A mass import of a million rows is not read for every look at one manager's queue.
        var (employees, centres) = master.ManagedBy(userId);
        var waiting = await db.PayrollEntries.AsNoTracking()
            .Where(e => e.Status == PayrollStatus.AwaitingAttestation
                        && ((e.EmployeeId != null && employees.Contains(e.EmployeeId)) || (e.CostCentre != null && centres.Contains(e.CostCentre))))
            .OrderBy(e => e.Id).ToListAsync(ct);
        return PayrollAttestation.QueueFor(new PayrollAttester(userId), waiting, Case, master).ToList();
    }

    /// <summary>Attests (or rejects) the given transactions, or the user's whole queue; each refusal is reported with its reason.</summary>
    public async Task<(int Done, List<string> Refused)> ActAsync(string userId, bool attest, IReadOnlyCollection<string>? transactionIds, string? reason, CancellationToken ct)
    {
        if (!attest && string.IsNullOrWhiteSpace(reason)) return (0, ["a rejection needs a reason"]);
        var master = await LoadMasterAsync(db, ct);
        var query = db.PayrollEntries.Where(e => e.Status == PayrollStatus.AwaitingAttestation);
        if (transactionIds is not null) query = query.Where(e => transactionIds.Contains(e.TransactionId));
        var entries = await query.OrderBy(e => e.Id).ToListAsync(ct);
        var refused = transactionIds?.Except(entries.Select(e => e.TransactionId)).Select(t => $"{t}: not awaiting attestation").ToList() ?? [];
        var now = clock.UtcNow;
        var done = 0;
        foreach (var e in entries)
        {
            var decision = PayrollAttestation.Decide(new PayrollAttester(userId), Case(e), master);
            if (!decision.Allowed)
            {
                if (transactionIds is not null) refused.Add($"{e.TransactionId}: {decision.Reason}");
                continue;
            }
            var from = e.Status;
            e.Status = attest ? PayrollStatus.Attested : PayrollStatus.Rejected;
            e.AttestedBy = userId;
            e.AttestedAt = now;
            db.History.Add(new StatusChange { Subject = "payroll", SubjectId = e.Id, At = now, Actor = userId, ActorRole = "manager", Action = attest ? "attest" : "reject", FromStatus = from.ToString(), ToStatus = e.Status.ToString(), Reason = reason ?? decision.Reason });
            done++;
        }
        await db.SaveChangesAsync(ct);
        return (done, refused);
    }

    /// <summary>The period's cut-off: attested rows are posted and exported, unattested rows move to the next period.</summary>
    public async Task<PayrollPostResult> PostAsync(string period, string exportFolder, CancellationToken ct)
    {
        var p = PayrollPeriod.Parse(period);
        var next = p.Next().ToString();
        var now = clock.UtcNow;
        // Nothing posts into a closed period: a date in one takes the first open date.
        var postingDate = await Posting.PeriodLocks.OpenDateAsync(db, InvoicePipeline.MasterData.Organisation.DefaultId, clock.DateOf(now), ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Serialised: two cut-offs of the same period (or a cut-off and a posting chunk) go one after the other, and the
        // second, reading after the first committed, finds nothing left to post: posting a period twice posts it once.
        await PostingLock.HoldAsync(db, shared: false, ct);
        // The cut-off rule (PayrollCutOff) asked of the database: periods are YYYY-MM, so text order is period order.
        var carriedStatuses = PayrollCutOff.Carried.ToList();
        var includedStatuses = PayrollCutOff.Included.ToList();
        var carried = await db.PayrollEntries.Where(e => string.Compare(e.Period, period) <= 0 && carriedStatuses.Contains(e.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Period, next), ct);
        var attested = await db.PayrollEntries.Where(e => string.Compare(e.Period, period) <= 0 && includedStatuses.Contains(e.Status) && e.VoucherId == null)
            .OrderBy(e => e.Id).ToListAsync(ct);
        // Attested travel claims are paid through payroll: on the same voucher and in the same export file.
        var travel = await Travel.TravelPosting.PrepareAsync(db, period, next, ct);
        var file = Path.GetFullPath(Path.Combine(exportFolder, PayrollExportWriter.FileName(p)));
        if (attested.Count == 0 && travel.IsEmpty)
        {
            await tx.CommitAsync(ct);
            return new PayrollPostResult(0, 0, null, carried, File.Exists(file) ? file : "", 0, travel.Carried);
        }
        // The export is made now, written after commit (temporary file, flushed, renamed): never over an earlier one.
        var export = new MemoryStream();
        await using (var writer = new StreamWriter(export, new System.Text.UTF8Encoding(false), leaveOpen: true))
            PayrollExportWriter.Write(writer, p, attested.Select(e => new PayrollExportRow(e.EmployeeId ?? "", e.PayCode, e.Quantity, e.Rate, e.Amount ?? 0m, p, e.CostCentre ?? "",
                e.TransactionId, e.CorrectsPeriod is null ? null : PayrollPeriod.Parse(e.CorrectsPeriod), e.CorrectedRate)).Concat(travel.ExportRows(options.Travel, p)));
        var rules = options.Posting.Rules();
        var voucher = PayrollVoucherBuilder.ForBatch($"payroll {period}", attested.Select(e => new PricedPayrollLine(e.TransactionId, e.EmployeeId ?? "", e.PayCode, e.Account ?? "", e.CostCentre ?? "", e.Amount ?? 0m))
                .Concat(travel.VoucherLines(options.Travel, options.Posting.InputVatAccount)).ToList(),
            postingDate, rules, $"Lön {period}");
        var (fiscalYear, number) = await VoucherNumbers.ReserveAsync(db, InvoicePipeline.MasterData.Organisation.DefaultId, options.Posting.PayrollSeries,
            postingDate, options.Posting.FiscalYearStartMonth, 1, ct);
        var id = await VoucherIds.ReserveAsync(db, 1, ct);
        db.Vouchers.Add(new VoucherEntry { Id = id, Series = options.Posting.PayrollSeries, FiscalYear = fiscalYear, Number = number, Date = postingDate, Text = voucher.Text, PayrollBatch = period, CreatedAt = now, RunId = "payroll-" + period });
        db.VoucherLines.AddRange(voucher.Lines.Select((l, n) => new VoucherLineEntry { Id = VoucherIds.LineId(id, n + 1), VoucherId = id, LineNo = n + 1, Account = l.Account, CostCentre = l.CostCentre, Project = l.Project, Amount = l.Amount, Text = l.Text }));
        foreach (var e in attested)
        {
            e.Status = PayrollStatus.Posted;
            e.VoucherId = id;
        }
        db.History.AddRange(attested.Select(e => new StatusChange { Subject = "payroll", SubjectId = e.Id, At = now, Action = "post", FromStatus = nameof(PayrollStatus.Attested), ToStatus = nameof(PayrollStatus.Posted), Reason = $"voucher {options.Posting.PayrollSeries}{number}" }));
        travel.Apply(db, id, $"{options.Posting.PayrollSeries}{number}", now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        // A later cut-off of the same period (rows imported after the first) gets its own file, named after its voucher.
        if (File.Exists(file)) file = Path.ChangeExtension(file, null) + string.Create(CultureInfo.InvariantCulture, $"-{options.Posting.PayrollSeries}{number}") + Path.GetExtension(file);
        NewFiles.Write(file, export.ToArray());
        return new PayrollPostResult(attested.Count, voucher.Lines.Where(l => l.Amount > 0).Sum(l => l.Amount), $"{options.Posting.PayrollSeries}{number}", carried, file,
            travel.Attested.Count, travel.Carried);
    }
}
