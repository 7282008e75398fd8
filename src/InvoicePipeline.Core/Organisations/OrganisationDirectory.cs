using InvoicePipeline.Identifiers;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Organisations;

/// <summary>
/// The centre's customer organisations, indexed the ways an incoming document names its buyer: by electronic address
/// (scheme:value), by organisation number and by id. Built once per run; lookups are dictionary reads.
/// </summary>
public sealed class OrganisationDirectory
{
    private readonly Dictionary<string, Organisation> _byId;
    private readonly Dictionary<string, List<Organisation>> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Organisation>> _byOrgNo = new(StringComparer.Ordinal);

    /// <param name="organisations">The organisations of organisations.csv.</param>
    /// <param name="implicitSingle">
    /// True for an installation without organisations.csv: its one organisation receives everything, as before.
    /// </param>
    public OrganisationDirectory(IEnumerable<Organisation> organisations, bool implicitSingle = false)
    {
        All = [.. organisations.OrderBy(o => o.OrganisationId, StringComparer.Ordinal)];
        _byId = All.ToDictionary(o => o.OrganisationId, StringComparer.OrdinalIgnoreCase);
        IsImplicitSingle = implicitSingle && All.Count == 1;
        foreach (var o in All)
        {
            foreach (var address in o.PeppolIds)
                if (ElectronicAddress.Normalise(address) is { } key) Add(_byAddress, key, o);
            if (NormaliseOrgNo(o.OrgNo) is { } n) Add(_byOrgNo, n, o);
        }
    }

    /// <summary>The one organisation of an installation without organisations.csv.</summary>
    public static OrganisationDirectory Single(Organisation organisation) => new([organisation], implicitSingle: true);

    public IReadOnlyList<Organisation> All { get; }
    public bool IsImplicitSingle { get; }

    public Organisation? Find(string? organisationId) =>
        organisationId is not null && _byId.TryGetValue(organisationId.Trim(), out var o) ? o : null;

    public IReadOnlyList<Organisation> ByAddress(string normalisedAddress) =>
        _byAddress.TryGetValue(normalisedAddress, out var list) ? list : [];

    public IReadOnlyList<Organisation> ByOrgNo(string digits) =>
        _byOrgNo.TryGetValue(digits, out var list) ? list : [];

    /// <summary>The digits of a Swedish organisation number (ten) or a Danish CVR number (eight), in any written form.</summary>
    public static string? NormaliseOrgNo(string? value) => OrganisationNumber.Normalise(value) ?? CvrNumber.Normalise(value);

    private static void Add(Dictionary<string, List<Organisation>> index, string key, Organisation o)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        if (!list.Contains(o)) list.Add(o);
    }
}
