using InvoicePipeline.Payroll;
using InvoicePipeline.Tests.Support;
using InvoicePipeline.Travel;
using static InvoicePipeline.Travel.TravelExceptionCode;

namespace InvoicePipeline.Tests.Travel;

public sealed class TravelValidatorFacts
{
    private static readonly TravelRates Rates = new(
        [new("SE", 2025, 300m), new("DE", 2025, 860m), new("DK", 2025, 600m, Night: 270m)],
        [new("own", 2025, 2.5m, 1.3m), new("company", 2025, 1.2m)]);

    private static readonly TravelPolicy Policy = new(new DateOnly(2025, 6, 30), ReceiptRequiredAbove: 200m, MaxAgeDays: 180);

    private static DateTime At(string s) => DateTime.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static TravelLine Trip(string claim, string dep, string ret, string country = "SE", string employee = "E100", decimal? amount = null, string? corrects = null, int line = 2) => new()
    {
        File = "claims.csv", Line = line, ClaimId = claim, EmployeeId = employee, Type = TravelLineType.Trip, TripId = "T-" + claim,
        Departure = At(dep), Return = At(ret), Country = country, Overnight = true, DistanceKm = 300m, Amount = amount, Corrects = corrects,
    };

    private static IReadOnlyList<TravelOutcome> Judge(params TravelLine[] lines) => Judge(new AcceptedClaims(), lines);

    private static IReadOnlyList<TravelOutcome> Judge(AcceptedClaims accepted, params TravelLine[] lines) =>
        TravelValidator.Judge(lines, PayrollSome.Master(), Rates, Policy, accepted);

    private static void AssertOnly(TravelOutcome o, string code)
    {
        Assert.Equal(PayrollStatus.Rejected, o.Status);
        Assert.Equal(code, Assert.Single(o.Exceptions).Code);
    }

    [Fact]
    public void ADomesticTrip_IsPricedTaxFreeUpToTheMaximum()
    {
        // Two full days of 300 and, with no lodging on the claim, one night at half of 300.
        var o = Judge(Trip("C1", "2025-06-02T07:00", "2025-06-03T20:00")).Single();
        Assert.Equal((PayrollStatus.AwaitingAttestation, 750m, 750m, 0m), (o.Status, o.Amount, o.TaxFree, o.Taxable));
        Assert.StartsWith("SE rules:", o.Explanation);
    }

    [Fact]
    public void AForeignTrip_PaidAboveTheNormalbelopp_KeepsTheExcessTaxable()
    {
        // Tax-free: 2 × 860 and one night at half of 860 = 2150; the agreement pays 2500.
        var o = Judge(Trip("C1", "2025-06-02T07:00", "2025-06-03T20:00", country: "DE", amount: 2500m)).Single();
        Assert.Equal((2500m, 2150m, 350m), (o.Amount, o.TaxFree, o.Taxable));
    }

    [Fact]
    public void ADanishEmployeesTrip_FollowsTheDanishRules()
    {
        var o = Judge(Trip("C1", "2025-06-02T08:00", "2025-06-03T08:00", country: "DE", employee: "E300")).Single();
        // One døgn and one night; no lodging expense on the trip, so the logi rate is added.
        Assert.Equal(870m, o.TaxFree);
        Assert.StartsWith("DK rules:", o.Explanation);
    }

    [Fact]
    public void ADayTrip_PaidPerDiem_IsAllTaxable()
    {
        var line = Trip("C1", "2025-06-02T07:00", "2025-06-02T20:00", amount: 150m) with { Overnight = false };
        var o = Judge(line).Single();
        Assert.Equal((150m, 0m, 150m), (o.Amount, o.TaxFree, o.Taxable));
    }

    [Fact]
    public void ALodgingExpenseOnTheTrip_MeansNoNightAllowance()
    {
        var lodging = new TravelLine { ClaimId = "C1", EmployeeId = "E100", Type = TravelLineType.Expense, TripId = "T-C1", Amount = 1200m, VatAmount = 128.57m, Category = "hotel", ReceiptRef = "R1" };
        var without = Judge(Trip("C1", "2025-06-02T07:00", "2025-06-03T20:00")).Single();
        Assert.Equal(750m, without.TaxFree);   // no lodging line: one night at half of 300 on top
        var with = Judge(Trip("C2", "2025-06-02T07:00", "2025-06-03T20:00") with { TripId = "T-C1" }, lodging)[0];
        Assert.Equal(600m, with.TaxFree);
    }

    [Fact]
    public void Mileage_OwnCar_TaxFreePerKm_AndTheAgreementsExcessTaxable()
    {
        var line = new TravelLine { ClaimId = "M1", EmployeeId = "E100", Type = TravelLineType.Mileage, Departure = At("2025-06-02T07:00"), Km = 123m, Vehicle = "own" };
        var o = Judge(line).Single();
        Assert.Equal((307.5m, 159.9m, 467.4m), (o.TaxFree!.Value, o.Taxable!.Value, o.Amount!.Value));
    }

    [Fact]
    public void Mileage_WithoutARateForTheVehicleAndYear_IsRejected() =>
        AssertOnly(Judge(new TravelLine { ClaimId = "M1", EmployeeId = "E100", Type = TravelLineType.Mileage, Departure = At("2025-06-02T07:00"), Km = 10m, Vehicle = "tractor" }).Single(), NoMileageRate);

    [Fact]
    public void AnExpense_KeepsItsInputVatApart()
    {
        var o = Judge(new TravelLine { ClaimId = "X1", EmployeeId = "E100", Type = TravelLineType.Expense, Departure = At("2025-06-02T07:00"), Amount = 250m, VatAmount = 50m, Category = "taxi", ReceiptRef = "R9" }).Single();
        Assert.Equal((250m, 200m, 50m), (o.Amount!.Value, o.NetAmount!.Value, o.VatAmount!.Value));
        Assert.Null(o.TaxFree);
    }

    [Fact]
    public void AnExpenseOverTheLimit_WithoutAReceipt_IsRejected()
    {
        AssertOnly(Judge(new TravelLine { ClaimId = "X1", EmployeeId = "E100", Type = TravelLineType.Expense, Departure = At("2025-06-02T07:00"), Amount = 200.01m }).Single(), ReceiptMissing);
        Assert.True(Judge(new TravelLine { ClaimId = "X2", EmployeeId = "E100", Type = TravelLineType.Expense, Departure = At("2025-06-02T07:00"), Amount = 200m }).Single().IsAccepted);
    }

    [Fact]
    public void AReturnBeforeTheDeparture_IsRejected() =>
        AssertOnly(Judge(Trip("C1", "2025-06-03T07:00", "2025-06-02T20:00")).Single(), ReturnBeforeDeparture);

    [Fact]
    public void ACountryCodeThatDoesNotExist_IsRejected()
    {
        AssertOnly(Judge(Trip("C1", "2025-06-02T07:00", "2025-06-03T20:00", country: "XX")).Single(), UnknownCountry);
        AssertOnly(Judge(Trip("C2", "2025-06-02T07:00", "2025-06-03T20:00", country: "de")).Single(), UnknownCountry);
    }

    [Fact]
    public void OverlappingTripsOfOneEmployee_TheSecondIsRejected_NamingTheFirst()
    {
        var outcomes = Judge(Trip("C1", "2025-06-02T07:00", "2025-06-04T20:00"), Trip("C2", "2025-06-04T08:00", "2025-06-05T20:00", line: 3),
            Trip("C3", "2025-06-04T08:00", "2025-06-05T20:00", employee: "E300", line: 4));
        Assert.True(outcomes[0].IsAccepted);
        AssertOnly(outcomes[1], OverlappingTrip);
        Assert.Contains("claim C1", outcomes[1].Exceptions[0].Reason);
        Assert.True(outcomes[2].IsAccepted);
    }

    [Fact]
    public void AClaimOlderThanTheAllowedAge_IsRejected() =>
        AssertOnly(Judge(Trip("C1", "2024-12-01T07:00", "2024-12-31T20:00")).Single(), ClaimTooOld);

    [Fact]
    public void ACorrection_OfAnAcceptedClaim_ReplacesItsTrip_WithoutOverlapping()
    {
        var accepted = new AcceptedClaims();
        Assert.True(Judge(accepted, Trip("C1", "2025-06-02T07:00", "2025-06-03T20:00")).Single().IsAccepted);
        var correction = Judge(accepted, Trip("C1b", "2025-06-02T07:00", "2025-06-04T20:00", corrects: "C1")).Single();
        Assert.True(correction.IsAccepted);
        Assert.Equal(900m + 300m, correction.TaxFree);   // three full days, two nights
    }

    [Fact]
    public void AClaimIsCorrectedOnce_ASecondCorrectionOfIt_IsRefusedNamingTheFirst_TheFirstsOwnLinesAllPass()
    {
        var accepted = new AcceptedClaims();
        Assert.True(Judge(accepted, Trip("C1", "2025-06-02T07:00", "2025-06-03T20:00")).Single().IsAccepted);
        // Two lines of one correction: both correct C1.
        var first = Judge(accepted, Trip("C1b", "2025-06-02T07:00", "2025-06-04T20:00", corrects: "C1"),
            Trip("C1b", "2025-06-10T07:00", "2025-06-11T20:00", corrects: "C1", line: 3) with { TripId = "T-C1b-2" });
        Assert.All(first, o => Assert.True(o.IsAccepted));
        var second = Judge(accepted, Trip("C1c", "2025-06-20T07:00", "2025-06-21T20:00", corrects: "C1")).Single();
        AssertOnly(second, CorrectsNotAccepted);
        Assert.Contains("C1 is already corrected by claim C1b: correct C1b instead", second.Exceptions[0].Reason);
    }

    [Fact]
    public void ACorrection_OfSomethingNeverAccepted_IsRefusedWithTheReason()
    {
        var o = Judge(Trip("C2", "2025-06-02T07:00", "2025-06-03T20:00", corrects: "C-unknown")).Single();
        AssertOnly(o, CorrectsNotAccepted);
        Assert.Contains("C-unknown was never accepted", o.Exceptions[0].Reason);
    }

    [Fact]
    public void AnUnknownEmployee_IsRejected() =>
        AssertOnly(Judge(Trip("C1", "2025-06-02T07:00", "2025-06-03T20:00", employee: "E999")).Single(), UnknownEmployee);
}
