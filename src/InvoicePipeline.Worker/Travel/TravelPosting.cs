using InvoicePipeline.Payroll;
using InvoicePipeline.Posting;
using InvoicePipeline.Travel;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Travel;

/// <summary>
/// The travel claims' share of a payroll period's cut-off: the attested lines go on the payroll voucher and into the
/// export file, the unattested are carried to the next period, and a correction reverses what it corrects.
/// Per diem and mileage are cost (the tax-free part and the taxable excess on their own accounts) against the payroll
/// liability; an expense is its net cost on its category's account plus its input VAT on the input VAT account.
/// </summary>
public sealed class TravelPosting
{
    private TravelPosting(List<TravelClaimEntry> attested, List<TravelClaimEntry> reversed, List<TravelClaimEntry> replaced, int carried)
    {
        Attested = attested;
        Reversed = reversed;
        Replaced = replaced;
        Carried = carried;
    }

    /// <summary>Lines posted now.</summary>
    public List<TravelClaimEntry> Attested { get; }
    /// <summary>Posted lines of earlier claims that a correction among <see cref="Attested"/> reverses now.</summary>
    public List<TravelClaimEntry> Reversed { get; }
    /// <summary>Accepted but never posted lines a correction replaces: they are not paid.</summary>
    public List<TravelClaimEntry> Replaced { get; }
    public int Carried { get; }
    public bool IsEmpty => Attested.Count == 0;

    /// <summary>Carries the period's unattested lines on and loads what the cut-off posts (inside the caller's transaction).</summary>
    public static async Task<TravelPosting> PrepareAsync(PipelineDbContext db, string period, string next, CancellationToken ct)
    {
        var carriedStatuses = PayrollCutOff.Carried.ToList();
        var includedStatuses = PayrollCutOff.Included.ToList();
        var carried = await db.TravelClaims.Where(e => string.Compare(e.Period, period) <= 0 && e.Period != "" && carriedStatuses.Contains(e.Status))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Period, next), ct);
        var attested = await db.TravelClaims.Where(e => string.Compare(e.Period, period) <= 0 && includedStatuses.Contains(e.Status) && e.VoucherId == null)
            .OrderBy(e => e.Id).ToListAsync(ct);
        var corrected = attested.Where(e => e.Corrects is not null).Select(e => e.Corrects!).Distinct(StringComparer.Ordinal).ToList();
        var earlier = corrected.Count == 0 ? [] : await db.TravelClaims
            .Where(e => corrected.Contains(e.ClaimId) && e.CorrectedBy == null && TravelIntake.AcceptedStatuses.Contains(e.Status)).ToListAsync(ct);
        // A correction and the claim it corrects in the same cut-off: the earlier one is replaced, not posted.
        var earlierIds = earlier.Select(e => e.Id).ToHashSet();
        attested.RemoveAll(e => earlierIds.Contains(e.Id));
        return new TravelPosting(attested, earlier.Where(e => e.Status == PayrollStatus.Posted).ToList(), earlier.Where(e => e.Status != PayrollStatus.Posted).ToList(), carried);
    }

    /// <summary>The voucher lines: the attested lines as cost, the reversed ones negated.</summary>
    public IEnumerable<PricedPayrollLine> VoucherLines(TravelOptions travel, string inputVatAccount) =>
        Attested.SelectMany(e => Lines(e, 1m, travel, inputVatAccount)).Concat(Reversed.SelectMany(e => Lines(e, -1m, travel, inputVatAccount)));

    /// <summary>The export rows: what the payroll system pays (tax-free and taxable apart), the reversals negated.</summary>
    public IEnumerable<PayrollExportRow> ExportRows(TravelOptions travel, PayrollPeriod period) =>
        Attested.SelectMany(e => Export(e, 1m, travel, period, e.Corrects)).Concat(Reversed.SelectMany(e => Export(e, -1m, travel, period, null)));

    /// <summary>Marks what the cut-off did: posted on the voucher, reversed by it, or replaced by a correction.</summary>
    public void Apply(PipelineDbContext db, long voucherId, string voucherNumber, DateTimeOffset now)
    {
        foreach (var e in Attested)
        {
            e.Status = PayrollStatus.Posted;
            e.VoucherId = voucherId;
            db.History.Add(new StatusChange { Subject = TravelDesk.Subject, SubjectId = e.Id, At = now, Action = "post", FromStatus = nameof(PayrollStatus.Attested), ToStatus = nameof(PayrollStatus.Posted), Reason = $"voucher {voucherNumber}" });
        }
        var by = Attested.Where(e => e.Corrects is not null).GroupBy(e => e.Corrects!).ToDictionary(g => g.Key, g => g.First().ClaimId, StringComparer.Ordinal);
        foreach (var e in Reversed)
        {
            e.ReversedByVoucherId = voucherId;
            e.CorrectedBy = by[e.ClaimId];
            db.History.Add(new StatusChange { Subject = TravelDesk.Subject, SubjectId = e.Id, At = now, Action = "reverse", FromStatus = nameof(PayrollStatus.Posted), ToStatus = nameof(PayrollStatus.Posted), Reason = $"corrected by claim {e.CorrectedBy}: reversed on voucher {voucherNumber}" });
        }
        foreach (var e in Replaced)
        {
            var from = e.Status;
            e.Status = PayrollStatus.Rejected;
            e.CorrectedBy = by[e.ClaimId];
            e.Reasons = $"replaced by correction {e.CorrectedBy} before it was posted";
            db.History.Add(new StatusChange { Subject = TravelDesk.Subject, SubjectId = e.Id, At = now, Action = "replace", FromStatus = from.ToString(), ToStatus = nameof(PayrollStatus.Rejected), Reason = e.Reasons });
        }
    }

    private static IEnumerable<PricedPayrollLine> Lines(TravelClaimEntry e, decimal sign, TravelOptions t, string inputVatAccount)
    {
        var cc = e.CostCentre ?? "";
        var id = e.ClaimId;
        switch (e.LineType)
        {
            case TravelLineType.Trip:
                var domestic = e.Country is "SE" or "DK";
                if (e.TaxFree is { } free and not 0) yield return new(id, e.EmployeeId, t.PerDiemTaxFreePayCode, domestic ? t.PerDiemTaxFreeAccount : t.PerDiemTaxFreeForeignAccount, cc, sign * free);
                if (e.Taxable is { } taxable and not 0) yield return new(id, e.EmployeeId, t.PerDiemTaxablePayCode, t.PerDiemTaxableAccount, cc, sign * taxable);
                break;
            case TravelLineType.Mileage:
                if (e.TaxFree is { } mfree and not 0) yield return new(id, e.EmployeeId, t.MileageTaxFreePayCode, t.MileageTaxFreeAccount, cc, sign * mfree);
                if (e.Taxable is { } mtaxable and not 0) yield return new(id, e.EmployeeId, t.MileageTaxablePayCode, t.MileageTaxableAccount, cc, sign * mtaxable);
                break;
            default:
                if (e.NetAmount is { } net and not 0) yield return new(id, e.EmployeeId, t.ExpensePayCode, t.ExpenseAccountFor(e.Category), cc, sign * net);
                if (e.VatAmount is { } vat and not 0) yield return new(id, e.EmployeeId, t.ExpensePayCode, inputVatAccount, "", sign * vat);
                break;
        }
    }

    private static IEnumerable<PayrollExportRow> Export(TravelClaimEntry e, decimal sign, TravelOptions t, PayrollPeriod period, string? corrects)
    {
        var cc = e.CostCentre ?? "";
        // The transaction id names the claim and its line, so the payroll system traces each row; a correction names what it corrects.
        var id = e.ClaimId + "/" + e.Line.ToString(System.Globalization.CultureInfo.InvariantCulture) + (sign < 0 ? "/reversed" : corrects is null ? "" : "/corrects " + corrects);
        switch (e.LineType)
        {
            case TravelLineType.Trip:
                if (e.TaxFree is { } free and not 0) yield return new(e.EmployeeId, t.PerDiemTaxFreePayCode, null, null, sign * free, period, cc, id, null, null);
                if (e.Taxable is { } taxable and not 0) yield return new(e.EmployeeId, t.PerDiemTaxablePayCode, null, null, sign * taxable, period, cc, id, null, null);
                break;
            case TravelLineType.Mileage:
                if (e.TaxFree is { } mfree and not 0) yield return new(e.EmployeeId, t.MileageTaxFreePayCode, sign * e.Km, null, sign * mfree, period, cc, id, null, null);
                if (e.Taxable is { } mtaxable and not 0) yield return new(e.EmployeeId, t.MileageTaxablePayCode, sign * e.Km, null, sign * mtaxable, period, cc, id, null, null);
                break;
            default:
                if (e.Amount is { } gross and not 0) yield return new(e.EmployeeId, t.ExpensePayCode, null, null, sign * gross, period, cc, id, null, null);
                break;
        }
    }
}
