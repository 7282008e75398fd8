using InvoicePipeline.Invoices;

namespace InvoicePipeline.Duplicates;

/// <summary>
/// The accepted invoices' keys indexed by supplier and number and by supplier and total, so checking a chunk of n
/// invoices costs O(n), not O(n × accepted). The rule itself stays in <see cref="DuplicateCheck"/>.
/// </summary>
public sealed class DuplicateIndex
{
    private readonly Dictionary<(string, string), InvoiceKey> _byNumber = [];
    private readonly Dictionary<(string, decimal, string), List<InvoiceKey>> _byTotal = [];

    public DuplicateIndex(IEnumerable<InvoiceKey> accepted)
    {
        foreach (var key in accepted) Add(key);
    }

    public void Add(InvoiceKey key)
    {
        _byNumber.TryAdd((key.SupplierId, key.NormalisedNumber), key);
        var total = (key.SupplierId, key.Total, key.Currency);
        if (!_byTotal.TryGetValue(total, out var list)) _byTotal[total] = list = [];
        list.Add(key);
    }

    public InvoiceIssue? Check(InvoiceKey candidate)
    {
        IEnumerable<InvoiceKey> relevant = _byTotal.GetValueOrDefault((candidate.SupplierId, candidate.Total, candidate.Currency)) ?? [];
        if (_byNumber.TryGetValue((candidate.SupplierId, candidate.NormalisedNumber), out var same)) relevant = relevant.Prepend(same);
        return DuplicateCheck.Check(candidate, relevant);
    }
}
