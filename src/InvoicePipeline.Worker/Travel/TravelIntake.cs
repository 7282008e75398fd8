using System.Globalization;
using InvoicePipeline.Payroll;
using InvoicePipeline.Travel;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Travel;

/// <summary>
/// Reads a chunk's travel claim files (data-formats.md), judges and prices every line with the Core rules
/// (<see cref="TravelValidator"/>: Swedish or Danish per diem by the employee's country, mileage, expenses) against the
/// employees, the per diem and mileage rates and the claims accepted before, and stores them in bulk. A bad line is
/// rejected with its reasons; the other lines go on. A file whose header lacks a required column is rejected whole.
/// </summary>
public static class TravelIntake
{
    /// <summary>The statuses of a line that was accepted (a correction may name it; a new trip may not overlap it).</summary>
    public static readonly PayrollStatus[] AcceptedStatuses = [PayrollStatus.AwaitingAttestation, PayrollStatus.Attested, PayrollStatus.Posted];

    public static async Task<int> ProcessAsync(PipelineDbContext db, IReadOnlyList<ReceivedDocument> files, string runId, TravelPolicy policy, CancellationToken ct)
    {
        if (files.Count == 0) return 0;
        var master = await PayrollDesk.LoadMasterAsync(db, ct);
        var rates = await LoadRatesAsync(db, ct);
        var accepted = await LoadAcceptedAsync(db, ct);
        var written = 0;
        foreach (var file in files.OrderBy(f => f.Id))
        {
            var entries = Judge(file, runId, master, rates, policy, accepted);
            await BulkWriter.InsertAsync(db, entries, ct, keepIdentity: false);
            written += entries.Count;
        }
        return written;
    }

    public static async Task<TravelRates> LoadRatesAsync(PipelineDbContext db, CancellationToken ct) => new(
        (await db.PerDiemRates.AsNoTracking().ToListAsync(ct)).Select(r => r.ToRate()),
        (await db.MileageRates.AsNoTracking().ToListAsync(ct)).Select(r => r.ToRate()));

    /// <summary>
    /// The claims and trips accepted before, with what corrects what: a claim already corrected (posted and reversed, or
    /// replaced, or named by an accepted correction not yet posted) may not be corrected again; a reversed or replaced claim's
    /// trip no longer counts for overlaps.
    /// </summary>
    public static async Task<AcceptedClaims> LoadAcceptedAsync(PipelineDbContext db, CancellationToken ct)
    {
        var accepted = new AcceptedClaims();
        await foreach (var e in db.TravelClaims.AsNoTracking().Where(e => AcceptedStatuses.Contains(e.Status) || e.CorrectedBy != null)
                           .Select(e => new { e.ClaimId, e.EmployeeId, e.LineType, e.TripId, e.Departure, e.Return, e.Corrects, e.CorrectedBy })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            accepted.AddClaim(e.ClaimId);
            if (e.CorrectedBy is { } by) accepted.AddCorrection(e.ClaimId, by);
            if (e.Corrects is { } corrects) accepted.AddCorrection(corrects, e.ClaimId);
            if (e.CorrectedBy is null && e.LineType == TravelLineType.Trip && e.Departure is { } from && e.Return is { } to)
                accepted.AddTrip(e.EmployeeId, from, to, e.ClaimId, e.TripId);
        }
        return accepted;
    }

    /// <summary>One file's lines, judged together (a trip's expenses and mileage read the trip), as entities to store.</summary>
    public static List<TravelClaimEntry> Judge(ReceivedDocument file, string runId, PayrollMasterData master, TravelRates rates, TravelPolicy policy, AcceptedClaims accepted)
    {
        if (file.Content.Length == 0 && file.Size > 0)
            return [FileRejected(file, runId, 0, $"{file.FileName}: {file.Size} bytes is over the intake's size limit for travel files (Pipeline:Intake:MaxPayrollFileBytes)")];
        var lines = new List<TravelLine>();
        try
        {
            using var stream = new MemoryStream(file.Content, writable: false);
            lines.AddRange(TravelFileReader.Read(stream, file.FileName));
        }
        catch (PayrollFileFormatException ex)
        {
            return [FileRejected(file, runId, ex.Line, ex.Message)];
        }
        var outcomes = TravelValidator.Judge(lines, master, rates, policy, accepted);
        var trips = lines.Where(l => l.Type == TravelLineType.Trip && l.TripId is not null).GroupBy(l => (l.EmployeeId, l.TripId!)).ToDictionary(g => g.Key, g => g.First());
        var entries = new List<TravelClaimEntry>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var trip = line.TripId is null ? null : trips.GetValueOrDefault((line.EmployeeId, line.TripId));
            entries.Add(Entry(file, runId, line, outcomes[i], master, trip, policy.Today));
        }
        return entries;
    }

    private static TravelClaimEntry Entry(ReceivedDocument file, string runId, TravelLine l, TravelOutcome o, PayrollMasterData master, TravelLine? trip, DateOnly today)
    {
        var date = l.Return ?? l.Departure ?? trip?.Return ?? trip?.Departure;
        var period = date is { } d ? d.ToString("yyyy-MM", CultureInfo.InvariantCulture) : today.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return new TravelClaimEntry
        {
            DocumentId = file.Id, RunId = runId, File = file.FileName, Line = l.Line, ClaimId = l.ClaimId, EmployeeId = l.EmployeeId, LineType = l.Type,
            TripId = l.TripId, Departure = l.Departure, Return = l.Return, Country = l.Country, Overnight = l.Overnight, DistanceKm = l.DistanceKm,
            MealsProvided = l.MealsProvided.Count == 0 ? null : string.Join(';', l.MealsProvided.OrderBy(m => m.Key).Select(m => m.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ":" + MealLetters(m.Value))),
            Km = l.Km, Vehicle = l.Vehicle, ClaimedAmount = l.Amount, ClaimedVat = l.VatAmount, Currency = l.Currency, Category = l.Category,
            ReceiptRef = l.ReceiptRef, ReportedBy = l.ReportedBy, ImportedBy = "system", Corrects = l.Corrects,
            Amount = o.Amount, TaxFree = o.TaxFree, Taxable = o.Taxable, NetAmount = o.NetAmount, VatAmount = o.VatAmount,
            CostCentre = master.EmployeeById(l.EmployeeId)?.CostCentre, Period = period, Status = o.Status, Exceptions = o.ExceptionCodes,
            Reasons = o.Exceptions.Count == 0 ? null : o.Explanation, Explanation = o.IsAccepted ? o.Explanation : null,
        };
    }

    private static string MealLetters(Meals m) =>
        (m.HasFlag(Meals.Breakfast) ? "B" : "") + (m.HasFlag(Meals.Lunch) ? "L" : "") + (m.HasFlag(Meals.Dinner) ? "D" : "");

    private static TravelClaimEntry FileRejected(ReceivedDocument file, string runId, int line, string reason) => new()
    {
        DocumentId = file.Id, RunId = runId, File = file.FileName, Line = line, ClaimId = "", EmployeeId = "", LineType = TravelLineType.Expense,
        Status = PayrollStatus.Rejected, Exceptions = TravelExceptionCode.InvalidField, Reasons = reason, Period = "",
    };
}
