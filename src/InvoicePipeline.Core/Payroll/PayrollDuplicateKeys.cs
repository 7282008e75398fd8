namespace InvoicePipeline.Payroll;

/// <summary>
/// What has been accepted already: transaction ids, and (employee, pay code, work date, quantity) — a correction row
/// also keys on the period and rate it corrects, so it never collides with the row it corrects. The caller loads the
/// keys of accepted transactions (status AwaitingAttestation, Attested or Posted) before a run;
/// <see cref="PayrollValidator.Validate"/> adds each row it accepts, so duplicates within one file are caught too.
/// </summary>
public sealed class PayrollDuplicateKeys
{
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<ContentKey> _content = [];
    // Corrections are few: their longer key lives apart, so the common key stays small (a million rows are held).
    private readonly HashSet<CorrectionKey> _corrections = [];

    public int Count => _ids.Count;

    public void Add(string transactionId, string employeeId, string payCode, DateOnly workDate, decimal quantity,
        PayrollPeriod? correctsPeriod = null, decimal? correctsRate = null)
    {
        _ids.Add(transactionId);
        var key = new ContentKey(employeeId, payCode, workDate, quantity);
        if (correctsPeriod is null && correctsRate is null) _content.Add(key);
        else _corrections.Add(new CorrectionKey(key, correctsPeriod, correctsRate));
    }

    public bool ContainsTransactionId(string transactionId) => _ids.Contains(transactionId);

    public bool ContainsContent(string employeeId, string payCode, DateOnly workDate, decimal quantity,
        PayrollPeriod? correctsPeriod = null, decimal? correctsRate = null)
    {
        var key = new ContentKey(employeeId, payCode, workDate, quantity);
        return correctsPeriod is null && correctsRate is null ? _content.Contains(key) : _corrections.Contains(new CorrectionKey(key, correctsPeriod, correctsRate));
    }

    // decimal equality is by value (8 == 8.00), and so is its hash code.
    private readonly record struct ContentKey(string EmployeeId, string PayCode, DateOnly WorkDate, decimal Quantity);

    private readonly record struct CorrectionKey(ContentKey Content, PayrollPeriod? CorrectsPeriod, decimal? CorrectsRate);
}
