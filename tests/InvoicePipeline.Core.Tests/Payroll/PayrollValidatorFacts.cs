using InvoicePipeline.Payroll;
using InvoicePipeline.Tests.Support;
using static InvoicePipeline.Payroll.PayrollExceptionCode;
using static InvoicePipeline.Tests.Support.PayrollSome;

namespace InvoicePipeline.Tests.Payroll;

public sealed class PayrollValidatorFacts
{
    private readonly PayrollMasterData _master = Master();
    private readonly PayrollDuplicateKeys _accepted = new();

    private PayrollOutcome Validate(PayrollTransaction tx) => PayrollValidator.Validate(tx, _master, _accepted);

    private static void AssertOnly(PayrollOutcome o, string code, PayrollStatus status = PayrollStatus.Rejected)
    {
        Assert.Equal(code, o.ExceptionCodes);
        Assert.Equal(status, o.Status);
        Assert.Null(o.Amount);
    }

    [Fact]
    public void Validate_AcceptsAndPrices_ACleanOvertimeRow()
    {
        var o = Validate(Tx(quantity: 2.5m));
        Assert.Equal(PayrollStatus.AwaitingAttestation, o.Status);
        Assert.Empty(o.Exceptions);
        Assert.Equal("E100", o.EmployeeId);
        Assert.Equal("CC100", o.CostCentre);
        Assert.Equal("7010", o.Account);
        Assert.Equal(300m, o.Rate);
        Assert.Equal(750m, o.Amount);
        Assert.Equal(new PayrollPeriod(2025, 3), o.Period);
    }

    [Fact]
    public void Validate_ResolvesAFeeRow_ByPersonIdOnly()
    {
        var o = Validate(Tx(employee: null, person: "191212121212", code: "FEE", quantity: null, amount: 1500m));
        Assert.Equal(PayrollStatus.AwaitingAttestation, o.Status);
        Assert.Equal("E100", o.EmployeeId);
        Assert.Equal(1500m, o.Amount);
        Assert.Null(o.Rate);
    }

    [Fact]
    public void Validate_ResolvesADanishEmployee_ByCpr()
    {
        var o = Validate(Tx(employee: null, person: "0707614285", code: "OB1", quantity: 3m));
        Assert.Equal(PayrollStatus.AwaitingAttestation, o.Status);
        Assert.Equal("E300", o.EmployeeId);
        Assert.Equal(163.5m, o.Amount);
    }

    [Fact]
    public void Validate_ACprFailingModulus11ButOtherwiseValid_WaitsForAPerson_WithTheReason()
    {
        // cpr.dk does not promise modulus 11 for every number: E400's number (valid date, 15 March) fails it.
        var master = new PayrollMasterData([Anna(), Bo(), Dane(), new InvoicePipeline.MasterData.Employee
        {
            EmployeeId = "E400", PersonId = "150372-1235", Name = "Mads Modulus", Country = "DK", EmploymentStart = new(2024, 1, 1),
            CostCentre = "CC300", ManagerUserId = "anna.manager", PayGroup = "HOURLY",
        }], PayCodes(), PayRates(), CostCentres());
        Assert.False(InvoicePipeline.Identifiers.PersonalIdentityNumber.PassesModulus11("1503721235"));

        foreach (var tx in new[] { Tx(employee: null, person: "150372-1235", code: "OB1", quantity: 3m), Tx(id: "T2", employee: "E400", person: "1503721235", code: "OB1", quantity: 2m) })
        {
            var o = PayrollValidator.Validate(tx, master, _accepted);
            Assert.Equal(PayrollStatus.AwaitingAttestation, o.Status);
            Assert.Equal("E400", o.EmployeeId);
            Assert.Equal(CprModulus11Unchecked, o.ExceptionCodes);
            Assert.Contains("fails modulus 11", Assert.Single(o.Exceptions).Reason);
            Assert.DoesNotContain("1235", o.Exceptions[0].Reason);
        }
    }

    [Fact]
    public void Validate_AcceptsBothIds_WhenTheyNameTheSameEmployee() =>
        Assert.True(Validate(Tx(employee: "E100", person: "121212+1212")).IsAccepted);

    [Theory]
    [InlineData("19121212-1213")]   // Luhn
    [InlineData("20010229-1002")]   // date
    [InlineData("070761-4286")]     // neither a Swedish nor a Danish number
    public void Validate_RaisesInvalidPersonId_WhenTheNumberFails(string person)
    {
        var o = Validate(Tx(employee: null, person: person));
        AssertOnly(o, InvalidPersonId);
        Assert.DoesNotContain(person, o.Exceptions[0].Reason, StringComparison.Ordinal);
        Assert.Contains("-****", o.Exceptions[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RaisesInvalidPersonId_WhenTheNumberFailsForTheEmployeesCountry() =>
        AssertOnly(Validate(Tx(employee: "E300", person: "19121212-1212")), InvalidPersonId);

    [Theory]
    [InlineData("E999", null)]
    [InlineData(null, "19811218-9876")]   // valid, but nobody's
    [InlineData("E100", "701063-2391")]   // valid and known, but a different employee
    [InlineData(null, null)]
    public void Validate_RaisesUnknownEmployee(string? employee, string? person) =>
        AssertOnly(Validate(Tx(employee: employee, person: person)), UnknownEmployee);

    [Fact]
    public void Validate_RaisesNotEmployed_AfterTheEmploymentEnds()
    {
        AssertOnly(Validate(Tx(employee: "E200", code: "OB1", date: new(2025, 3, 1))), NotEmployed);
        Assert.True(Validate(Tx(employee: "E200", code: "OB1", date: new(2025, 2, 28))).IsAccepted);
    }

    [Fact]
    public void Validate_RaisesNotEmployed_BeforeTheEmploymentStarts() =>
        AssertOnly(Validate(Tx(employee: "E300", code: "OB1", date: new(2024, 4, 30))), NotEmployed);

    [Fact]
    public void Validate_RaisesUnknownPayCode() => AssertOnly(Validate(Tx(code: "NOPE")), UnknownPayCode);

    [Fact]
    public void Validate_RaisesPayCodeNotAllowed_ForAnotherPayGroup() => AssertOnly(Validate(Tx(code: "OB1")), PayCodeNotAllowed);

    [Fact]
    public void Validate_RaisesNoRate_WhenNoRateIsValidOnTheDate()
    {
        AssertOnly(Validate(Tx(code: "NORATE")), NoRate);
        AssertOnly(Validate(Tx(code: "TRAV", date: new(2023, 12, 31), employee: "E100")), NoRate);
    }

    [Theory]
    [InlineData("OT50", null, null)]      // quantity missing
    [InlineData("OT50", "-1", null)]      // negative
    [InlineData("OT50", "0", null)]
    [InlineData("OT50", "12.5", null)]    // above max_quantity 12
    [InlineData("FEE", null, null)]       // amount missing
    [InlineData("FEE", null, "-100")]     // negative amount outside a correction
    [InlineData("FEE", null, "50000.01")] // above the cap
    public void Validate_RaisesQuantityOutOfRange(string code, string? quantity, string? amount)
    {
        static decimal? D(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        AssertOnly(Validate(Tx(code: code, quantity: D(quantity), amount: D(amount))), QuantityOutOfRange);
    }

    [Fact]
    public void Validate_AcceptsTheMaximumQuantity() => Assert.True(Validate(Tx(quantity: 12m)).IsAccepted);

    [Fact]
    public void Validate_RaisesDuplicate_ForATransactionIdAlreadyAccepted()
    {
        Assert.True(Validate(Tx(id: "T1", quantity: 1m)).IsAccepted);
        AssertOnly(Validate(Tx(id: "T1", quantity: 3m)), DuplicateTransaction, PayrollStatus.Duplicate);
    }

    [Fact]
    public void Validate_RaisesDuplicate_ForTheSameEmployeeCodeDateAndQuantity()
    {
        Assert.True(Validate(Tx(id: "T1", quantity: 2m)).IsAccepted);
        AssertOnly(Validate(Tx(id: "T2", employee: null, person: "19121212-1212", quantity: 2.00m)), DuplicateTransaction, PayrollStatus.Duplicate);
        Assert.True(Validate(Tx(id: "T3", quantity: 2.5m)).IsAccepted);
    }

    [Fact]
    public void Validate_DoesNotCountARejectedRow_AsAccepted()
    {
        Assert.False(Validate(Tx(id: "T1", code: "NOPE")).IsAccepted);
        Assert.True(Validate(Tx(id: "T1")).IsAccepted);
    }

    [Fact]
    public void Validate_ReportsEveryException_AndRejects_WhenADuplicateIsAlsoInvalid()
    {
        Validate(Tx(id: "T1"));
        var o = Validate(Tx(id: "T1", quantity: 99m));
        Assert.Equal(PayrollStatus.Rejected, o.Status);
        Assert.Equal($"{QuantityOutOfRange};{DuplicateTransaction}", o.ExceptionCodes);
    }

    [Fact]
    public void Validate_TurnsUnreadableCells_IntoRejections()
    {
        var tx = new PayrollTransaction
        {
            File = "f.csv", Line = 7, TransactionId = "", EmployeeId = "E100", PayCode = "OT50", WorkDate = Day, Quantity = 1m,
            FieldErrors = [new(PayrollColumns.TransactionId, "transaction_id is required")],
        };
        var o = Validate(tx);
        Assert.Equal(PayrollStatus.Rejected, o.Status);
        Assert.Equal(DuplicateTransaction, o.ExceptionCodes);
        Assert.Equal(0, _accepted.Count);
    }

    [Fact]
    public void Validate_UsesTheRowsCostCentreAndPeriod_WhenGiven()
    {
        var tx = new PayrollTransaction
        {
            TransactionId = "T9", EmployeeId = "E100", PayCode = "OT50", WorkDate = new(2025, 3, 31), Quantity = 1m,
            CostCentre = "CC300", Period = new PayrollPeriod(2025, 4),
        };
        var o = Validate(tx);
        Assert.Equal("CC300", o.CostCentre);
        Assert.Equal(new PayrollPeriod(2025, 4), o.Period);
        Assert.Equal(300m, o.Rate);   // the rate of the work date, not of the period
    }

    [Fact]
    public void Codes_CoverOutcomesMd() => Assert.Equal(8, All.Distinct().Count());
}
