using InvoicePipeline.Control;

namespace InvoicePipeline.Tests.Control;

public sealed class SamplingFacts
{
    private static List<SampleItem> Population()
    {
        var rng = new SplitMix64(99);
        var items = Enumerable.Range(1, 500).Select(i => new SampleItem(i, Math.Round(10m + (decimal)rng.NextDouble() * 5000m, 2))).ToList();
        items.Add(new SampleItem(1001, 400_000m)); // far above any interval
        items.Add(new SampleItem(1002, 150_000m));
        return items;
    }

    [Fact]
    public void MonetaryUnit_IsReproducibleFromTheSeed_AndDiffersWithAnother()
    {
        var a = Sampling.MonetaryUnit(Population(), 40, 7);
        var b = Sampling.MonetaryUnit(Population(), 40, 7);
        var c = Sampling.MonetaryUnit(Population(), 40, 8);
        Assert.Equal(a.Items.Select(i => i.Item.Id), b.Items.Select(i => i.Item.Id));
        Assert.NotEqual(a.Items.Select(i => i.Item.Id), c.Items.Select(i => i.Item.Id));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(12345UL)]
    [InlineData(ulong.MaxValue)]
    public void MonetaryUnit_AlwaysHoldsEveryItemAtOrAboveTheInterval(ulong seed)
    {
        var population = Population();
        var s = Sampling.MonetaryUnit(population, 30, seed);
        Assert.Equal(population.Sum(i => i.Amount) / 30, s.Interval);
        foreach (var big in population.Where(i => i.Amount >= s.Interval))
            Assert.Contains(s.Items, x => x.Item.Id == big.Id);
        Assert.True(s.Items.Count <= 30);
        Assert.Equal(s.Items.Count, s.Items.Select(i => i.Item.Id).Distinct().Count());
    }

    [Fact]
    public void SizeFor_UsesTheReliabilityFactor()
    {
        Assert.Equal(150, Sampling.SizeFor(1_000_000m, 20_000m, 95, 10_000)); // 1e6 × 3.00 / 2e4
        Assert.Equal(116, Sampling.SizeFor(1_000_000m, 20_000m, 90, 10_000)); // ⌈115.5⌉
        Assert.Equal(7, Sampling.SizeFor(1_000_000m, 20_000m, 95, 7));        // never more than the population
    }

    [Fact]
    public void SimpleRandom_IsReproducible_WithoutRepeats()
    {
        var a = Sampling.SimpleRandom(Population(), 25, 42);
        Assert.Equal(a.Items.Select(i => i.Item.Id), Sampling.SimpleRandom(Population(), 25, 42).Items.Select(i => i.Item.Id));
        Assert.Equal(25, a.Items.Select(i => i.Item.Id).Distinct().Count());
    }

    [Fact]
    public void Project_TaintsSmallItems_AndTakesLargeOnesAsTheyAre()
    {
        var sample = new Sample("mus", 1, 3, 30_000m, 10_000m,
            [new SampledItem(new SampleItem(1, 1_000m), 1, 0), new SampledItem(new SampleItem(2, 20_000m), 2, 10_000m)]);
        var (projected, upper) = Sampling.Project(sample, new Dictionary<long, decimal> { [1] = 100m, [2] = 500m }, 95);
        Assert.Equal(100m / 1_000m * 10_000m + 500m, projected);
        // Stringer: the large item's 500 as it is, plus J × (UF₀ + 0.10 × (UF₁ − UF₀)) = 10,000 × (3.00 + 0.10 × 1.75).
        Assert.Equal(500m + 10_000m * (3.00m + 0.10m * 1.75m), upper);
    }

    /// <summary>
    /// The Poisson upper confidence factors as published (AICPA Audit Guide "Audit Sampling", table of confidence
    /// factors for monetary-unit sampling; the same in Leslie, Teitlebaum &amp; Anderson), k = 0…10 misstatements.
    /// </summary>
    [Theory]
    [InlineData(90, new[] { 2.31, 3.89, 5.33, 6.69, 8.00, 9.28, 10.54, 11.78, 13.00, 14.21, 15.41 })]
    [InlineData(95, new[] { 3.00, 4.75, 6.30, 7.76, 9.16, 10.52, 11.85, 13.15, 14.44, 15.71, 16.97 })]
    [InlineData(99, new[] { 4.61, 6.64, 8.41, 10.05, 11.61, 13.11, 14.58, 16.00, 17.41, 18.79, 20.15 })]
    public void UpperFactors_AreThePublishedTable(int confidence, double[] published)
    {
        for (var k = 0; k < published.Length; k++)
            Assert.Equal((decimal)published[k], Sampling.UpperFactor(k, confidence));
    }

    [Fact]
    public void Bug_18_OneFullTainting_At95Percent_Gives4Point75Intervals_Not4()
    {
        var bound = Sampling.StringerBound([(1_000m, 1_000m)], 10_000m, 95);
        Assert.Equal(47_500m, bound);
        // Two taintings, largest first: J × (3.00 + 0.8 × 1.75 + 0.3 × 1.55).
        Assert.Equal(10_000m * (3.00m + 0.8m * 1.75m + 0.3m * 1.55m), Sampling.StringerBound([(1_000m, 300m), (2_000m, 1_600m)], 10_000m, 95));
        Assert.Equal(10_000m * 3.00m, Sampling.StringerBound([(1_000m, -200m)], 10_000m, 95)); // an understatement does not lower it
    }
}
