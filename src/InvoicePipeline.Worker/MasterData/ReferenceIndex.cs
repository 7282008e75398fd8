using InvoicePipeline.MasterData;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.MasterData;

/// <summary>Which organisations hold a supplier id or a cost-centre code, read once per import and again after that file is applied.</summary>
internal sealed class ReferenceIndex(PipelineDbContext db)
{
    private readonly Dictionary<Type, Dictionary<string, List<string>>> _owners = [];

    public async Task<IReadOnlyList<string>> OwnersAsync(Type target, string key, CancellationToken ct)
    {
        if (!_owners.TryGetValue(target, out var index)) _owners[target] = index = await LoadAsync(target, ct);
        return index.TryGetValue(key, out var owners) ? owners : [];
    }

    public void Changed(Type entityType) => _owners.Remove(entityType);

    private async Task<Dictionary<string, List<string>>> LoadAsync(Type target, CancellationToken ct)
    {
        var pairs = target == typeof(Supplier)
            ? await db.Suppliers.AsNoTracking().Select(s => new { s.OrganisationId, Key = s.SupplierId }).ToListAsync(ct)
            : target == typeof(CostCentre)
                ? await db.CostCentres.AsNoTracking().Select(c => new { c.OrganisationId, Key = c.Code }).ToListAsync(ct)
                : throw new ArgumentOutOfRangeException(nameof(target), target.Name, "no reference index for this type");
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            if (!index.TryGetValue(p.Key, out var owners)) index[p.Key] = owners = [];
            owners.Add(p.OrganisationId);
        }
        return index;
    }
}
