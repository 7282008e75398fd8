using InvoicePipeline.Payroll;
using InvoicePipeline.Review;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Travel;

/// <summary>
/// Travel claims after the nightly intake: each manager's queue and attestation with four eyes — the payroll rule
/// (<see cref="PayrollAttestation"/>: the employee's manager, else the cost centre's; never one's own claim, one reported
/// or imported) and the segregation rule over the claim's history (<see cref="Segregation"/>). A claim is attested whole:
/// all its lines awaiting attestation. Posting happens at the payroll cut-off (<see cref="PayrollDesk.PostAsync"/>).
/// </summary>
public sealed class TravelDesk(PipelineDbContext db, BusinessClock clock)
{
    public const string Subject = "travel";

    private static PayrollAttestationCase Case(TravelClaimEntry e) =>
        new(e.ClaimId, e.EmployeeId, e.CostCentre ?? "", e.ReportedBy, e.ImportedBy, e.Status);

    /// <summary>The claim lines awaiting attestation that <paramref name="userId"/> may attest, in claim order.</summary>
    public async Task<List<TravelClaimEntry>> QueueAsync(string userId, CancellationToken ct)
    {
        var master = await PayrollDesk.LoadMasterAsync(db, ct);
        var (employees, centres) = master.ManagedBy(userId);
        var waiting = await db.TravelClaims.AsNoTracking()
            .Where(e => e.Status == PayrollStatus.AwaitingAttestation && (employees.Contains(e.EmployeeId) || (e.CostCentre != null && centres.Contains(e.CostCentre))))
            .OrderBy(e => e.ClaimId).ThenBy(e => e.Id).ToListAsync(ct);
        var history = await HistoryAsync(waiting.Select(e => e.Id).ToList(), ct);
        return PayrollAttestation.QueueFor(new PayrollAttester(userId), waiting, Case, master)
            .Where(e => Segregation.Conflicts(userId, history[e.Id]).Count == 0).ToList();
    }

    /// <summary>Attests (or rejects) the given claims, or the user's whole queue; each refusal is reported with its reason.</summary>
    public async Task<(int Done, List<string> Refused)> ActAsync(string userId, bool attest, IReadOnlyCollection<string>? claimIds, string? reason, CancellationToken ct)
    {
        if (!attest && string.IsNullOrWhiteSpace(reason)) return (0, ["a rejection needs a reason"]);
        var master = await PayrollDesk.LoadMasterAsync(db, ct);
        var query = db.TravelClaims.Where(e => e.Status == PayrollStatus.AwaitingAttestation);
        if (claimIds is not null) query = query.Where(e => claimIds.Contains(e.ClaimId));
        var entries = await query.OrderBy(e => e.ClaimId).ThenBy(e => e.Id).ToListAsync(ct);
        var refused = claimIds?.Except(entries.Select(e => e.ClaimId)).Select(c => $"{c}: no line of the claim is awaiting attestation").ToList() ?? [];
        var history = await HistoryAsync(entries.Select(e => e.Id).ToList(), ct);
        var now = clock.UtcNow;
        var done = 0;
        foreach (var claim in entries.GroupBy(e => e.ClaimId))
        {
            // The claim is decided whole: one line the user may not attest holds back all of it.
            var denied = claim.Select(e => PayrollAttestation.Decide(new PayrollAttester(userId), Case(e), master)).FirstOrDefault(d => !d.Allowed)?.Reason
                         ?? claim.Select(e => Segregation.Conflicts(userId, history[e.Id])).Where(c => c.Count > 0)
                             .Select(c => $"{userId} may not attest claim {claim.Key}: they {Segregation.Describe(c)} it").FirstOrDefault();
            if (denied is not null)
            {
                if (claimIds is not null) refused.Add($"{claim.Key}: {denied}");
                continue;
            }
            var why = PayrollAttestation.Decide(new PayrollAttester(userId), Case(claim.First()), master).Reason;
            foreach (var e in claim)
            {
                var from = e.Status;
                e.Status = attest ? PayrollStatus.Attested : PayrollStatus.Rejected;
                e.AttestedBy = userId;
                e.AttestedAt = now;
                if (!attest) e.Reasons = $"rejected by {userId}: {reason}";
                db.History.Add(new StatusChange { Subject = Subject, SubjectId = e.Id, At = now, Actor = userId, ActorRole = "manager", Action = attest ? "attest" : "reject", FromStatus = from.ToString(), ToStatus = e.Status.ToString(), Reason = reason ?? why });
            }
            done++;
        }
        await db.SaveChangesAsync(ct);
        return (done, refused);
    }

    /// <summary>The employee's claim lines, oldest first, with what became of each (posted, reversed by a correction).</summary>
    public Task<List<TravelClaimEntry>> HistoryOfEmployeeAsync(string employeeId, CancellationToken ct) =>
        db.TravelClaims.AsNoTracking().Where(e => e.EmployeeId == employeeId).OrderBy(e => e.Id).ToListAsync(ct);

    /// <summary>Who did what to each line: who reported and imported it (registered), then its recorded history.</summary>
    private async Task<Dictionary<long, List<PersonAction>>> HistoryAsync(List<long> ids, CancellationToken ct)
    {
        var result = ids.ToDictionary(i => i, _ => new List<PersonAction>());
        foreach (var part in ids.Chunk(1000))
        {
            var rows = await db.TravelClaims.AsNoTracking().Where(e => part.Contains(e.Id)).Select(e => new { e.Id, e.ReportedBy, e.ImportedBy }).ToListAsync(ct);
            foreach (var r in rows)
            {
                if (r.ReportedBy is { } reporter) result[r.Id].Add(new PersonAction(reporter, "registered"));
                if (r.ImportedBy is { } importer) result[r.Id].Add(new PersonAction(importer, "registered"));
            }
            var changes = await db.History.AsNoTracking().Where(h => h.Subject == Subject && part.Contains(h.SubjectId))
                .Select(h => new { h.SubjectId, h.Actor, h.Action, h.At }).ToListAsync(ct);
            foreach (var h in changes) result[h.SubjectId].Add(new PersonAction(h.Actor ?? "", h.Action, h.At));
        }
        return result;
    }
}
