using InvoicePipeline.Invoices;

namespace InvoicePipeline.Duplicates;

/// <summary>
/// The accepted invoices' keys indexed by supplier, kind and number (exact and loose) and by supplier and total, so
/// checking a chunk of n invoices costs O(n), not O(n × accepted). The rule itself stays in <see cref="DuplicateCheck"/>.
/// </summary>
public sealed class DuplicateIndex
{
    private readonly Dictionary<(string, bool, string), List<InvoiceKey>> _byLooseNumber = [];
    private readonly Dictionary<(string, decimal, string), List<InvoiceKey>> _byTotal = [];

    public DuplicateIndex(IEnumerable<InvoiceKey> accepted)
    {
        foreach (var key in accepted) Add(key);
    }

    public void Add(InvoiceKey key)
    {
        var loose = (key.SupplierId, key.Sign < 0, InvoiceNumber.Normalise(key.Number));
        if (!_byLooseNumber.TryGetValue(loose, out var same)) _byLooseNumber[loose] = same = [];
        same.Add(key);
        var total = (key.SupplierId, key.Total, key.Currency);
        if (!_byTotal.TryGetValue(total, out var list)) _byTotal[total] = list = [];
        list.Add(key);
    }

    public InvoiceIssue? Check(InvoiceKey candidate) => Find(candidate)?.Issue;

    public DuplicateFinding? Find(InvoiceKey candidate)
    {
        IEnumerable<InvoiceKey> relevant = _byTotal.GetValueOrDefault((candidate.SupplierId, candidate.Total, candidate.Currency)) ?? [];
        if (_byLooseNumber.TryGetValue((candidate.SupplierId, candidate.Sign < 0, InvoiceNumber.Normalise(candidate.Number)), out var same)) relevant = same.Concat(relevant);
        return DuplicateCheck.Find(candidate, relevant);
    }
}
