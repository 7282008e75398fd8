using System.Globalization;
using InvoicePipeline.Payroll;
using InvoicePipeline.Validation;
using static InvoicePipeline.Travel.TravelExceptionCode;

namespace InvoicePipeline.Travel;

/// <summary>
/// Judges and prices the lines of one claim file: validation with a reason per finding (every finding, not the first),
/// then the per diem (<see cref="SwedishPerDiem"/> or <see cref="DanishPerDiem"/> by the employee's country), mileage
/// and expenses. A bad line is rejected with its reasons; the other lines go on.
/// </summary>
public static class TravelValidator
{
    /// <summary>Expense categories that mean the employer paid the lodging of the trip (then no night allowance).</summary>
    public static readonly IReadOnlySet<string> LodgingCategories = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "lodging", "hotel" };

    public static IReadOnlyList<TravelOutcome> Judge(IReadOnlyList<TravelLine> lines, PayrollMasterData master, TravelRates rates, TravelPolicy policy, AcceptedClaims accepted)
    {
        var trips = lines.Where(l => l.Type == TravelLineType.Trip && l.TripId is not null)
            .GroupBy(l => (l.EmployeeId, l.TripId!)).ToDictionary(g => g.Key, g => g.First());
        var lodging = lines.Where(l => l.Type == TravelLineType.Expense && l.Category is not null && LodgingCategories.Contains(l.Category))
            .Select(l => (l.EmployeeId, l.TripId ?? l.ClaimId)).ToHashSet();
        var outcomes = new List<TravelOutcome>(lines.Count);
        foreach (var line in lines)
        {
            var trip = line.TripId is null ? null : trips.GetValueOrDefault((line.EmployeeId, line.TripId));
            var outcome = Judge(line, trip, lodging.Contains((line.EmployeeId, line.TripId ?? line.ClaimId)), master, rates, policy, accepted);
            if (outcome.IsAccepted)
            {
                accepted.AddClaim(line.ClaimId);
                if (line.Corrects is { } corrects) accepted.AddCorrection(corrects, line.ClaimId);
                if (line.Type == TravelLineType.Trip) accepted.AddTrip(line.EmployeeId, line.Departure!.Value, line.Return!.Value, line.ClaimId, line.TripId);
            }
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    private static TravelOutcome Judge(TravelLine line, TravelLine? trip, bool lodgingPaid, PayrollMasterData master, TravelRates rates, TravelPolicy policy, AcceptedClaims accepted)
    {
        var ex = line.FieldErrors.Select(e => new TravelException(InvalidField, e.Column, e.Reason)).ToList();
        var employee = master.EmployeeById(line.EmployeeId);
        if (employee is null) ex.Add(new(UnknownEmployee, "employee_id", $"no employee with employee_id {line.EmployeeId}"));
        if (line.Corrects is { } corrected)
        {
            if (accepted.CorrectedBy(corrected) is { } by && !string.Equals(by, line.ClaimId, StringComparison.Ordinal))
                ex.Add(new(CorrectsNotAccepted, "corrects", $"claim {corrected} is already corrected by claim {by}: correct {by} instead"));
            else if (!accepted.IsAccepted(corrected))
                ex.Add(new(CorrectsNotAccepted, "corrects", $"claim {corrected} was never accepted: there is nothing to correct"));
        }

        var date = line.Return ?? line.Departure ?? trip?.Return ?? trip?.Departure;
        if (date is { } d && DateOnly.FromDateTime(d) < policy.Today.AddDays(-policy.MaxAgeDays))
            ex.Add(new(ClaimTooOld, line.Type == TravelLineType.Trip ? "return" : "departure", Invariant(
                $"dated {d:yyyy-MM-dd}, more than {policy.MaxAgeDays} days before {policy.Today:yyyy-MM-dd}")));

        return line.Type switch
        {
            TravelLineType.Trip => Trip(line, lodgingPaid, employee?.Country, rates, accepted, ex),
            TravelLineType.Mileage => Mileage(line, trip, rates, ex),
            _ => Expense(line, policy, ex),
        };
    }

    private static TravelOutcome Trip(TravelLine line, bool lodgingPaid, string? employeeCountry, TravelRates rates, AcceptedClaims accepted, List<TravelException> ex)
    {
        if (line.Departure is not { } dep || line.Return is not { } ret)
        {
            if (line.FieldErrors.Count == 0) ex.Add(new(InvalidField, "departure", "a trip needs its departure and return"));
            return Rejected(ex);
        }
        if (ret <= dep) ex.Add(new(ReturnBeforeDeparture, "return", Invariant($"return {ret:yyyy-MM-ddTHH:mm} is not after departure {dep:yyyy-MM-ddTHH:mm}")));
        if (line.Country is not { Length: 2 } c || !char.IsAsciiLetterUpper(c[0]) || !char.IsAsciiLetterUpper(c[1]) || !CodeLists.Countries.Contains(c))
            ex.Add(new(UnknownCountry, "country", $"'{line.Country}' is not an ISO 3166-1 alpha-2 country code"));
        else if (ret > dep && accepted.Overlapping(line.EmployeeId, dep, ret, line.Corrects) is { } other)
            ex.Add(new(OverlappingTrip, "departure", Invariant(
                $"employee {line.EmployeeId} is already on trip {other.TripId ?? "(no trip id)"} of claim {other.ClaimId} from {other.From:yyyy-MM-ddTHH:mm} to {other.To:yyyy-MM-ddTHH:mm}")));
        if (ex.Count > 0) return Rejected(ex);

        var facts = new TripFacts(dep, ret, line.Country!, line.Overnight, line.DistanceKm, line.MealsProvided, lodgingPaid);
        var danish = string.Equals(employeeCountry, "DK", StringComparison.OrdinalIgnoreCase);
        var result = danish ? DanishPerDiem.Compute(facts, rates) : SwedishPerDiem.Compute(facts, rates);
        if (result.MissingRate is { } missing)
        {
            ex.Add(new(NoPerDiemRate, "country", missing));
            return Rejected(ex);
        }
        var maximum = Money.Round(result.TaxFree);
        var paid = line.Amount is { } agreed ? Money.Round(agreed) : maximum;
        var taxFree = Math.Min(paid, maximum);
        var how = result.NotEligible ?? string.Join(" | ", result.Days.Select(day => Invariant($"{day.Date:yyyy-MM-dd} {day.Country} {day.Amount:0.##} ({day.Rule})")))
            + (result.NightAllowance > 0 ? Invariant($" | {result.Nights} night(s) without paid lodging {result.NightAllowance:0.##}") : "");
        return new TravelOutcome(PayrollStatus.AwaitingAttestation, [], paid, taxFree, paid - taxFree, null, null,
            (danish ? "DK rules: " : "SE rules: ") + how);
    }

    private static TravelOutcome Mileage(TravelLine line, TravelLine? trip, TravelRates rates, List<TravelException> ex)
    {
        if (line.Km is not { } km || km < 0) ex.Add(new(InvalidField, "km", "a mileage line needs its km (not negative)"));
        if (string.IsNullOrWhiteSpace(line.Vehicle)) ex.Add(new(InvalidField, "vehicle", "a mileage line needs its vehicle (own, company)"));
        var date = line.Departure ?? trip?.Departure;
        if (date is null) ex.Add(new(InvalidField, "departure", "a mileage line needs a date: its departure or its trip's"));
        if (ex.Count > 0) return Rejected(ex);
        if (rates.Mileage(line.Vehicle!, date!.Value.Year) is not { } rate)
        {
            ex.Add(new(NoMileageRate, "vehicle", $"no mileage rate for {line.Vehicle} {date.Value.Year} in mileage_rates.csv"));
            return Rejected(ex);
        }
        var taxFree = Money.Round(line.Km!.Value * rate.PerKm);
        var taxable = Money.Round(line.Km!.Value * rate.PerKmTaxable);
        return new TravelOutcome(PayrollStatus.AwaitingAttestation, [], taxFree + taxable, taxFree, taxable, null, null,
            Invariant($"{line.Km} km × {rate.PerKm} tax-free + {rate.PerKmTaxable} taxable ({line.Vehicle} {rate.Year})"));
    }

    private static TravelOutcome Expense(TravelLine line, TravelPolicy policy, List<TravelException> ex)
    {
        if (line.Amount is not { } amount) ex.Add(new(InvalidField, "amount", "an expense needs its amount"));
        else if (amount > policy.ReceiptRequiredAbove && string.IsNullOrWhiteSpace(line.ReceiptRef))
            ex.Add(new(ReceiptMissing, "receipt_ref", Invariant($"an expense of {amount} is over {policy.ReceiptRequiredAbove} and has no receipt")));
        if (line.VatAmount is { } vat && line.Amount is { } a && (Math.Abs(vat) > Math.Abs(a) || (vat != 0 && (vat < 0) != (a < 0))))
            ex.Add(new(InvalidField, "vat_amount", Invariant($"VAT {vat} does not fit in the amount {a}")));
        if (ex.Count > 0) return Rejected(ex);
        var gross = Money.Round(line.Amount!.Value);
        var vatAmount = Money.Round(line.VatAmount ?? 0m);
        // An expense paid back on a receipt is no income: neither tax-free allowance nor taxable pay.
        return new TravelOutcome(PayrollStatus.AwaitingAttestation, [], gross, null, null, gross - vatAmount, vatAmount,
            Invariant($"expense {line.Category} {gross} incl. VAT {vatAmount}, receipt {line.ReceiptRef ?? "(none, under the limit)"}"));
    }

    private static TravelOutcome Rejected(List<TravelException> ex) => new(PayrollStatus.Rejected, ex, null, null, null, null, null,
        string.Join("; ", ex.Select(e => $"{e.Code} ({e.Column}): {e.Reason}")));

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
