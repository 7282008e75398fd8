using InvoicePipeline.Posting;

namespace InvoicePipeline.Tests.Posting;

public sealed class VoucherNumberingFacts
{
    private static Voucher V(string series, DateOnly date) =>
        Voucher.Create(series, date, "x", [new VoucherLine("5410", 1m), new VoucherLine("2440", -1m)]);

    [Fact]
    public void Assign_ContinuesEachSeriesAndFiscalYear_WithoutGaps()
    {
        var d2025 = new DateOnly(2025, 12, 31);
        var d2026 = new DateOnly(2026, 1, 2);
        var (numbered, counters) = VoucherNumbering.Assign(
            [V("A", d2025), V("A", d2026), V("L", d2026), V("A", d2026), V("A", d2025)],
            [new VoucherCounter("A", 2025, 41)]);

        Assert.Equal([42, 1, 1, 2, 43], numbered.Select(v => v.Number!.Value));
        Assert.Contains(new VoucherCounter("A", 2025, 43), counters);
        Assert.Contains(new VoucherCounter("A", 2026, 2), counters);
        Assert.Contains(new VoucherCounter("L", 2026, 1), counters);
    }

    [Fact]
    public void Assign_Refuses_WhenAVoucherIsAlreadyNumbered() =>
        Assert.Throws<InvalidOperationException>(() => VoucherNumbering.Assign([V("A", new DateOnly(2026, 1, 1)).WithNumber(5)], []));

    [Theory]
    [InlineData(2026, 6, 30, 7, 2025)]
    [InlineData(2026, 7, 1, 7, 2026)]
    [InlineData(2026, 1, 1, 1, 2026)]
    public void FiscalYearOf_NamesTheYearTheFiscalYearStartsIn(int y, int m, int d, int startMonth, int expected) =>
        Assert.Equal(expected, VoucherNumbering.FiscalYearOf(new DateOnly(y, m, d), startMonth));

    [Fact]
    public void Gaps_ListsTheMissingNumbers() =>
        Assert.Equal([3, 5], VoucherNumbering.Gaps([1, 2, 4, 6]));

    [Fact]
    public async Task Assign_StaysGapless_WhenTwoPostersTakeTheCounterUnderALock()
    {
        // The integrator's row lock, modelled by a monitor: each poster reads the counter, numbers its batch and
        // writes the counter back inside the lock, as the database transaction does.
        var counter = new VoucherCounter("A", 2026, 0);
        var gate = new object();
        var all = new System.Collections.Concurrent.ConcurrentBag<int>();
        async Task Poster()
        {
            for (var batch = 0; batch < 50; batch++)
            {
                var vouchers = Enumerable.Range(0, 7).Select(_ => V("A", new DateOnly(2026, 2, 1))).ToList();
                lock (gate)
                {
                    var (numbered, counters) = VoucherNumbering.Assign(vouchers, [counter]);
                    counter = counters.Single();
                    foreach (var v in numbered) all.Add(v.Number!.Value);
                }
                await Task.Yield();
            }
        }

        var ct = TestContext.Current.CancellationToken;
        await Task.WhenAll(Task.Run(Poster, ct), Task.Run(Poster, ct));

        Assert.Equal(700, all.Count);
        Assert.Equal(Enumerable.Range(1, 700), all.Order());
        Assert.Empty(VoucherNumbering.Gaps(all));
    }
}
