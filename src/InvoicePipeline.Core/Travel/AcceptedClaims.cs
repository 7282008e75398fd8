namespace InvoicePipeline.Travel;

/// <summary>
/// What has been accepted already: claim ids (a correction may only name one of these, and only once: then its
/// correction is what a further correction names) and each employee's trips
/// (a new trip may not overlap one). The caller loads the accepted lines before a run; the validator adds what it
/// accepts, so overlaps within one file are caught too.
/// </summary>
public sealed class AcceptedClaims
{
    private readonly HashSet<string> _claims = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(DateTime From, DateTime To, string ClaimId, string? TripId)>> _trips = new(StringComparer.Ordinal);

    private readonly Dictionary<string, string> _correctedBy = new(StringComparer.Ordinal);

    public void AddClaim(string claimId) => _claims.Add(claimId);

    public bool IsAccepted(string claimId) => _claims.Contains(claimId);

    /// <summary>Records that <paramref name="byClaim"/> corrects <paramref name="claimId"/> (the first correction counts).</summary>
    public void AddCorrection(string claimId, string byClaim) => _correctedBy.TryAdd(claimId, byClaim);

    /// <summary>The accepted claim that already corrects <paramref name="claimId"/>, if any: a claim is corrected once.</summary>
    public string? CorrectedBy(string claimId) => _correctedBy.GetValueOrDefault(claimId);

    public void AddTrip(string employeeId, DateTime from, DateTime to, string claimId, string? tripId)
    {
        if (!_trips.TryGetValue(employeeId, out var list)) _trips[employeeId] = list = [];
        list.Add((from, to, claimId, tripId));
    }

    /// <summary>The first accepted trip of the employee that overlaps [from, to), leaving out the claim being corrected.</summary>
    public (string ClaimId, string? TripId, DateTime From, DateTime To)? Overlapping(string employeeId, DateTime from, DateTime to, string? ignoreClaim)
    {
        if (!_trips.TryGetValue(employeeId, out var list)) return null;
        foreach (var t in list)
            if (t.From < to && from < t.To && !string.Equals(t.ClaimId, ignoreClaim, StringComparison.Ordinal))
                return (t.ClaimId, t.TripId, t.From, t.To);
        return null;
    }
}
