using InvoicePipeline.Payroll;

namespace InvoicePipeline.Tests.Payroll;

public sealed class PayrollCutOffFacts
{
    private sealed record Row(string Id, PayrollPeriod Period, PayrollStatus Status);

    private static readonly PayrollPeriod March = new(2025, 3);

    private static PayrollCutOffResult<Row> Close(params Row[] rows) => PayrollCutOff.Close(rows, March, r => r.Period, r => r.Status);

    [Fact]
    public void Close_IncludesAttestedRows_AndCarriesUnattestedOnes_ToTheNextPeriod()
    {
        var result = Close(
            new("A", March, PayrollStatus.Attested),
            new("B", March, PayrollStatus.AwaitingAttestation),
            new("C", new(2025, 2), PayrollStatus.Attested),                 // carried into March before
            new("D", new(2025, 2), PayrollStatus.AwaitingAttestation),
            new("E", March, PayrollStatus.Rejected),
            new("F", March, PayrollStatus.Posted),
            new("G", new(2025, 4), PayrollStatus.Attested));                // a later period: untouched

        Assert.Equal(["A", "C"], result.Included.Select(r => r.Id));
        Assert.Equal(["B", "D"], result.Carried.Select(c => c.Row.Id));
        Assert.All(result.Carried, c => Assert.Equal(new PayrollPeriod(2025, 4), c.To));
        Assert.Equal(new PayrollPeriod(2025, 2), result.Carried[1].From);
    }

    [Fact]
    public void Close_CarriesDecemberIntoJanuary()
    {
        var december = new PayrollPeriod(2025, 12);
        var result = PayrollCutOff.Close([new Row("X", december, PayrollStatus.AwaitingAttestation)], december, r => r.Period, r => r.Status);
        Assert.Equal(new PayrollPeriod(2026, 1), Assert.Single(result.Carried).To);
    }

    [Fact]
    public void Close_OfAPeriodWithNothingAttested_StillReturnsTheCarriedRows()
    {
        var result = Close(new Row("B", March, PayrollStatus.AwaitingAttestation));
        Assert.Empty(result.Included);
        Assert.Single(result.Carried);
    }
}
