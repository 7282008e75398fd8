using InvoicePipeline.MasterData;
using InvoicePipeline.Payroll;
using InvoicePipeline.Tests.Support;
using static InvoicePipeline.Tests.Support.PayrollSome;

namespace InvoicePipeline.Tests.Payroll;

public sealed class PayrollPricerFacts
{
    private readonly PayrollMasterData _master = Master();

    private decimal? RateOn(string? payGroup, DateOnly date) => PayrollPricer.FindRate(_master.RatesFor("OT50"), payGroup, date)?.Rate;

    [Theory]
    [InlineData("2024-01-01", 300)]   // first day of the general rate
    [InlineData("2025-03-31", 300)]   // its valid_to, inclusive
    [InlineData("2025-04-01", 320)]   // the next general rate takes over
    [InlineData("2023-12-31", null)]  // before any rate
    public void FindRate_IsEffectiveDated_WithInclusiveBoundaries(string date, int? expected) =>
        Assert.Equal(expected, RateOn("MONTHLY", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2024-12-31", 300)]   // the pay group's own rate is not yet valid: the general one applies
    [InlineData("2025-01-01", 350)]   // from its valid_from the pay group's rate comes before the general one
    [InlineData("2025-06-01", 350)]   // ... also over a newer general rate
    public void FindRate_PrefersThePayGroupsRate_OverTheGeneralOne(string date, int expected) =>
        Assert.Equal(expected, RateOn("hourly", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void FindRate_TakesTheLatestValidFrom_WhenOpenRatesOverlap()
    {
        IReadOnlyList<PayRate> rates = [new() { PayCode = "X", Rate = 2m, ValidFrom = new(2025, 2, 1) }, new() { PayCode = "X", Rate = 1m, ValidFrom = new(2025, 1, 1) }];
        Assert.Equal(1m, PayrollPricer.FindRate(rates, null, new(2025, 1, 31))!.Rate);
        Assert.Equal(2m, PayrollPricer.FindRate(rates, null, new(2025, 2, 1))!.Rate);
    }

    [Fact]
    public void Price_RoundsQuantityTimesRate_Once()
    {
        var code = new PayCode { Code = "OB1", Unit = PayUnit.Hour, Account = "7011" };
        var rate = new PayRate { PayCode = "OB1", Rate = 54.555m, ValidFrom = Day };
        var price = PayrollPricer.Price(code, Tx(code: "OB1", quantity: 1.5m), rate)!;
        Assert.Equal(54.555m, price.Rate);     // the rate is stored as the table has it
        Assert.Equal(81.83m, price.Amount);    // 81.8325 rounded half away from zero
    }

    [Fact]
    public void Price_UsesTheStatedAmount_ForAmountCodes()
    {
        var code = new PayCode { Code = "FEE", Unit = PayUnit.Amount, Account = "7090" };
        var price = PayrollPricer.Price(code, Tx(code: "FEE", quantity: null, amount: 1234.5m), null)!;
        Assert.Null(price.Rate);
        Assert.Equal(1234.5m, price.Amount);
    }

    [Fact]
    public void Price_PaysTheDelta_ForARetroactiveCorrection()
    {
        var code = new PayCode { Code = "OT50", Unit = PayUnit.Hour, Account = "7010" };
        var rate = new PayRate { PayCode = "OT50", Rate = 320m, ValidFrom = Day };
        var tx = new PayrollTransaction { TransactionId = "C1", EmployeeId = "E100", PayCode = "OT50", WorkDate = Day, Quantity = 10m, CorrectsPeriod = new(2025, 2), CorrectsRate = 300m };
        var price = PayrollPricer.Price(code, tx, rate)!;
        Assert.Equal(200m, price.Amount);
        Assert.Equal(320m, price.Rate);
        Assert.Equal(300m, price.CorrectedRate);
    }

    [Fact]
    public void Validate_AcceptsACorrection_NextToTheRowItCorrects()
    {
        var keys = new PayrollDuplicateKeys();
        var master = Master();
        Assert.True(PayrollValidator.Validate(Tx(id: "T1", employee: "E300", code: "OT50", date: new(2025, 1, 20), quantity: 4m), master, keys).IsAccepted);
        var correction = new PayrollTransaction
        {
            TransactionId = "T1-C", EmployeeId = "E300", PayCode = "OT50", WorkDate = new(2025, 1, 20), Quantity = 4m,
            Period = new(2025, 4), CorrectsPeriod = new(2025, 1), CorrectsRate = 300m,
        };
        var o = PayrollValidator.Validate(correction, master, keys);
        Assert.True(o.IsAccepted);
        Assert.Equal(200m, o.Amount);   // 4 h x (350 - 300)
        Assert.Equal(300m, o.CorrectedRate);
        Assert.Equal(new PayrollPeriod(2025, 4), o.Period);
    }

    [Fact]
    public void Validate_RejectsACorrection_ThatDoesNotNameWhatItCorrects()
    {
        var tx = new PayrollTransaction { TransactionId = "C2", EmployeeId = "E100", PayCode = "OT50", WorkDate = Day, Quantity = 1m, CorrectsPeriod = new(2025, 2) };
        var o = PayrollValidator.Validate(tx, _master, new());
        Assert.Equal(PayrollExceptionCode.NoRate, o.ExceptionCodes);
        var late = new PayrollTransaction { TransactionId = "C3", EmployeeId = "E100", PayCode = "OT50", WorkDate = Day, Quantity = 1m, CorrectsPeriod = new(2025, 3), CorrectsRate = 1m };
        Assert.Equal(PayrollExceptionCode.QuantityOutOfRange, PayrollValidator.Validate(late, _master, new()).ExceptionCodes);
    }
}
