using InvoicePipeline.Payroll;

namespace InvoicePipeline.Tests.Payroll;

public sealed class PayrollCostDistributionFacts
{
    private static PayrollOutcome Priced(string account, string costCentre, decimal amount) =>
        new(PayrollStatus.Attested, [], "E1", costCentre, account, null, new(2025, 3), null, null, amount);

    [Fact]
    public void Distribute_SumsPerAccountAndCostCentre_AndBalancesAgainstTheLiability()
    {
        var d = PayrollCostDistribution.Distribute(
            [Priced("7010", "CC100", 750m), Priced("7010", "CC100", 300.25m), Priced("7010", "CC200", 100m), Priced("7090", "CC100", 1500m), Priced("7011", "CC300", -20m)],
            "2820");
        Assert.Equal(
            [new("7010", "CC100", 1050.25m), new("7010", "CC200", 100m), new("7011", "CC300", -20m), new PayrollCostLine("7090", "CC100", 1500m)],
            d.Costs);
        Assert.Equal(2630.25m, d.Liability);
        Assert.Equal(d.Costs.Sum(c => c.Amount), d.Liability);
    }

    [Fact]
    public void Distribute_LeavesOutUnpricedRows() =>
        Assert.Empty(PayrollCostDistribution.Distribute([new PayrollOutcome(PayrollStatus.Rejected, [], null, null, null, null, new(2025, 3), null, null, null)], "2820").Costs);
}
