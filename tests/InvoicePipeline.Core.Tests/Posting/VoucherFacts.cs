using InvoicePipeline.Posting;

namespace InvoicePipeline.Tests.Posting;

public sealed class VoucherFacts
{
    private static readonly DateOnly Day = new(2026, 1, 31);

    [Fact]
    public void Create_Throws_WhenLinesDoNotSumToZero() =>
        Assert.Throws<UnbalancedVoucherException>(() =>
            Voucher.Create("A", Day, "x", [new VoucherLine("5410", 100m), new VoucherLine("2440", -99.99m)]));

    [Fact]
    public void Create_Throws_WhenAnAmountIsNotRoundedToOre() =>
        Assert.Throws<UnbalancedVoucherException>(() =>
            Voucher.Create("A", Day, "x", [new VoucherLine("5410", 100.005m), new VoucherLine("2440", -100.005m)]));

    [Fact]
    public void Create_DropsZeroLines_AndKeepsTheRest()
    {
        var voucher = Voucher.Create("A", Day, "x", [new VoucherLine("5410", 100m), new VoucherLine("3740", 0m), new VoucherLine("2440", -100m)]);

        Assert.Equal(["5410", "2440"], voucher.Lines.Select(l => l.Account));
        Assert.Equal(100m, voucher.DebitTotal);
        Assert.Null(voucher.Number);
    }
}
