using InvoicePipeline.Posting;

namespace InvoicePipeline.Tests.Posting;

public sealed class PayrollVoucherBuilderFacts
{
    [Fact]
    public void ForBatch_SumsCostPerCostCentreAndAccount_AgainstTheLiabilityAccount()
    {
        PricedPayrollLine[] lines =
        [
            new("t1", "E1", "110", "7210", "100", 160m * 187.255m),
            new("t2", "E2", "110", "7210", "100", 8m * 187.255m),
            new("t3", "E3", "110", "7210", "200", 1234.565m),
            new("t4", "E1", "310", "7285", "100", 500m, "P1"),
        ];

        var voucher = PayrollVoucherBuilder.ForBatch("2026-01", lines, new DateOnly(2026, 1, 25), new PostingOptions());

        Assert.Equal("L", voucher.Series);
        Assert.Equal(0m, voucher.Lines.Sum(l => l.Amount));
        Assert.Equal(Money.Round(168m * 187.255m), voucher.Lines.Single(l => l.Account == "7210" && l.CostCentre == "100").Amount);
        Assert.Equal(1234.57m, voucher.Lines.Single(l => l.Account == "7210" && l.CostCentre == "200").Amount);
        Assert.Equal("P1", voucher.Lines.Single(l => l.Account == "7285").Project);
        Assert.Equal(-voucher.DebitTotal, voucher.Lines.Single(l => l.Account == "2821").Amount);
    }

    [Fact]
    public void ForBatch_UsesTheConfiguredLiabilityAccount()
    {
        var voucher = PayrollVoucherBuilder.ForBatch("b", [new("t", "E", "110", "7010", "1", 100m)], new DateOnly(2026, 1, 25),
            new PostingOptions { PayrollLiabilityAccount = "2820" });

        Assert.Equal(-100m, voucher.Lines.Single(l => l.Account == "2820").Amount);
    }

    [Fact]
    public void ForBatch_OneDebitPerAccountAndCostCentre_InAccountOrder_CorrectionsNegative_AndBalancesAgainstTheLiability()
    {
        // Formerly PayrollCostDistribution's rule, which the product did not use: the voucher builder is the one place.
        PricedPayrollLine[] lines =
        [
            new("t1", "E1", "110", "7010", "CC100", 750m), new("t2", "E1", "110", "7010", "CC100", 300.25m),
            new("t3", "E2", "110", "7010", "CC200", 100m), new("t4", "E1", "120", "7090", "CC100", 1500m),
            new("t5", "E3", "111", "7011", "CC300", -20m),
        ];

        var voucher = PayrollVoucherBuilder.ForBatch("2025-03", lines, new DateOnly(2025, 3, 25), new PostingOptions { PayrollLiabilityAccount = "2820" });

        Assert.Equal(
            [("7010", "CC100", 1050.25m), ("7010", "CC200", 100m), ("7011", "CC300", -20m), ("7090", "CC100", 1500m), ("2820", (string?)null, -2630.25m)],
            voucher.Lines.Select(l => (l.Account, l.CostCentre, l.Amount)));
    }
}
