namespace InvoicePipeline.Control;

/// <summary>One item of the population an auditor samples from (a payment, or a posted invoice).</summary>
public sealed record SampleItem(long Id, decimal Amount);

public sealed record SampledItem(SampleItem Item, int SampleNo, decimal? SelectionPoint);

public sealed record Sample(string Method, ulong Seed, int PopulationSize, decimal PopulationValue, decimal? Interval, IReadOnlyList<SampledItem> Items);

/// <summary>
/// Internal-control sampling, reproducible from the seed (our own PRNG, SplitMix64, so the same seed gives the same
/// sample on every machine and .NET version).
/// Monetary-unit sampling: probability proportional to size, systematic: interval J = population value / n, a random
/// start in [0, J), then every J-th monetary unit; an item at or above J always contains a selection point, so it is
/// always in the sample. Sample size when not given: n = ⌈population value × R / tolerable misstatement⌉ with the
/// Poisson reliability factor R for zero expected errors (90 % → 2.31, 95 % → 3.00, 99 % → 4.61).
/// </summary>
public static class Sampling
{
    /// <summary>The reliability factor for no misstatement found: <see cref="UpperFactor"/> for k = 0.</summary>
    public static decimal ReliabilityFactor(int confidencePercent) => UpperFactor(0, confidencePercent);

    /// <summary>
    /// The Poisson upper confidence factor for <paramref name="errors"/> misstatements: the λ with P(X ≤ k; λ) = 1 − confidence,
    /// rounded up to hundredths as the published tables are (AICPA Audit Sampling guide; 95 %: 3.00, 4.75, 6.30, 7.76, …).
    /// </summary>
    public static decimal UpperFactor(int errors, int confidencePercent)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(errors);
        if (confidencePercent is < 50 or > 99) throw new ArgumentOutOfRangeException(nameof(confidencePercent), "confidence must be 50–99 %");
        var risk = 1 - confidencePercent / 100.0;
        double low = 0, high = 10 + 3 * errors + 20;
        for (var i = 0; i < 200; i++)
        {
            var mid = (low + high) / 2;
            if (PoissonCdf(errors, mid) > risk) low = mid; else high = mid;
        }
        return Math.Ceiling((decimal)high * 100m - 0.000001m) / 100m;
    }

    private static double PoissonCdf(int k, double lambda)
    {
        double term = Math.Exp(-lambda), sum = term;
        for (var i = 1; i <= k; i++)
        {
            term *= lambda / i;
            sum += term;
        }
        return sum;
    }

    public static int SizeFor(decimal populationValue, decimal tolerableMisstatement, int confidencePercent, int populationSize)
    {
        if (tolerableMisstatement <= 0) throw new ArgumentOutOfRangeException(nameof(tolerableMisstatement), "must be greater than zero");
        var n = (int)Math.Ceiling(populationValue * ReliabilityFactor(confidencePercent) / tolerableMisstatement);
        return Math.Clamp(n, 1, Math.Max(1, populationSize));
    }

    /// <summary>
    /// The Stringer upper bound on overstatement for a monetary-unit sample with interval <paramref name="interval"/>:
    /// items at or above the interval add their misstatement itself (they were certain to be sampled); the others
    /// are ranked by tainting t (misstatement ÷ amount, at most 1), largest first, and the bound is
    /// J × [UF₀ + Σ tₖ × (UFₖ − UFₖ₋₁)] — basic precision, the projected misstatement and the incremental allowances
    /// in one sum. One 100 % tainting at 95 % gives J × (3.00 + 1.75) = 4.75 J. Understatements do not lower it.
    /// </summary>
    public static decimal StringerBound(IReadOnlyList<(decimal Amount, decimal Misstatement)> found, decimal interval, int confidencePercent)
    {
        var certain = found.Where(f => f.Amount >= interval && f.Misstatement > 0).Sum(f => f.Misstatement);
        var taintings = found.Where(f => f.Amount < interval && f.Amount > 0 && f.Misstatement > 0)
            .Select(f => Math.Min(1m, f.Misstatement / f.Amount)).OrderByDescending(t => t).ToList();
        var bound = UpperFactor(0, confidencePercent);
        for (var k = 1; k <= taintings.Count; k++)
            bound += taintings[k - 1] * (UpperFactor(k, confidencePercent) - UpperFactor(k - 1, confidencePercent));
        return certain + interval * bound;
    }

    public static Sample MonetaryUnit(IReadOnlyList<SampleItem> population, int size, ulong seed)
    {
        var items = population.Where(i => i.Amount > 0).OrderBy(i => i.Id).ToList();
        var total = items.Sum(i => i.Amount);
        if (items.Count == 0 || size <= 0) return new Sample("mus", seed, items.Count, total, null, []);
        var interval = total / size;
        var rng = new SplitMix64(seed);
        var point = (decimal)rng.NextDouble() * interval;
        var picked = new List<SampledItem>();
        decimal cumulative = 0;
        foreach (var item in items)
        {
            var upper = cumulative + item.Amount;
            if (point < upper)
            {
                picked.Add(new SampledItem(item, picked.Count + 1, point));
                while (point < upper) point += interval; // an item can hold several points; it is sampled once
            }
            cumulative = upper;
        }
        return new Sample("mus", seed, items.Count, total, interval, picked);
    }

    public static Sample SimpleRandom(IReadOnlyList<SampleItem> population, int size, ulong seed)
    {
        var items = population.OrderBy(i => i.Id).ToArray();
        var rng = new SplitMix64(seed);
        var n = Math.Min(size, items.Length);
        for (var i = 0; i < n; i++)
        {
            var j = i + (int)(rng.Next() % (ulong)(items.Length - i));
            (items[i], items[j]) = (items[j], items[i]);
        }
        return new Sample("random", seed, items.Length, items.Sum(i => i.Amount), null,
            items.Take(n).OrderBy(i => i.Id).Select((it, k) => new SampledItem(it, k + 1, null)).ToList());
    }

    /// <summary>
    /// The projected misstatement from the reviewer's findings. MUS: for an item below the interval, its tainting
    /// (misstatement ÷ amount) × interval; at or above the interval, the misstatement itself. Random: the mean
    /// misstatement × population size. The MUS upper limit is the Stringer bound (<see cref="StringerBound"/>).
    /// </summary>
    public static (decimal Projected, decimal? UpperLimit) Project(Sample sample, IReadOnlyDictionary<long, decimal> misstatements, int confidencePercent)
    {
        if (sample.Method == "mus" && sample.Interval is { } j)
        {
            var projected = sample.Items.Sum(s => misstatements.TryGetValue(s.Item.Id, out var m)
                ? s.Item.Amount >= j ? m : m / s.Item.Amount * j
                : 0m);
            var found = sample.Items.Where(s => misstatements.ContainsKey(s.Item.Id)).Select(s => (s.Item.Amount, misstatements[s.Item.Id])).ToList();
            return (Money.Round(projected), Money.Round(StringerBound(found, j, confidencePercent)));
        }
        var mean = sample.Items.Count == 0 ? 0 : sample.Items.Sum(s => misstatements.GetValueOrDefault(s.Item.Id)) / sample.Items.Count;
        return (Money.Round(mean * sample.PopulationSize), null);
    }
}

/// <summary>SplitMix64: tiny, fast, fully specified, so samples are reproducible anywhere.</summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A double in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
