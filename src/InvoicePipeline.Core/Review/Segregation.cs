using System.Globalization;

namespace InvoicePipeline.Review;

/// <summary>One thing a person did to an invoice, as the history records it (action names as <see cref="ReviewAction"/>, lower case).</summary>
public sealed record PersonAction(string Actor, string Action, DateTimeOffset? At = null);

/// <summary>
/// Segregation of duties over the whole history: whoever registered, ordered, coded, recoded, corrected, picked the
/// match, reviewed, held, released or sent back an invoice has prepared it and may not attest it. Attesting earlier
/// (before a hold or send-back) is not preparing; the system is nobody.
/// </summary>
public static class Segregation
{
    private static readonly Dictionary<string, string> Touching = new(StringComparer.OrdinalIgnoreCase)
    {
        ["registered"] = "registered", ["ordered"] = "ordered", ["coded"] = "coded", ["reviewed"] = "reviewed",
        ["accept"] = "reviewed (accepted)", ["reject"] = "rejected", ["hold"] = "put on hold", ["release"] = "released",
        ["sendback"] = "sent back", ["pickmatch"] = "picked the match of", ["recode"] = "recoded", ["correctscan"] = "corrected the scan of",
    };

    /// <summary>The earlier actions of <paramref name="userId"/> that bar them from attesting, oldest first; empty when none.</summary>
    public static IReadOnlyList<PersonAction> Conflicts(string userId, IEnumerable<PersonAction> history) =>
        [.. history.Where(a => Touching.ContainsKey(a.Action) && IsPerson(a.Actor) && string.Equals(a.Actor.Trim(), userId.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderBy(a => a.At ?? DateTimeOffset.MinValue)];

    /// <summary>"you picked the match of (2026-11-20 10:14 UTC) and reviewed (accepted)": the refusal names what they did.</summary>
    public static string Describe(IReadOnlyList<PersonAction> conflicts) =>
        string.Join(" and ", conflicts.GroupBy(a => Touching[a.Action]).Select(g =>
            g.First().At is { } at ? string.Create(CultureInfo.InvariantCulture, $"{g.Key} ({at.UtcDateTime:yyyy-MM-dd HH:mm} UTC)") : g.Key));

    private static bool IsPerson(string? actor) => !string.IsNullOrWhiteSpace(actor) && !string.Equals(actor, "system", StringComparison.OrdinalIgnoreCase);
}
