using System.Globalization;

namespace InvoicePipeline.Payroll;

/// <summary>
/// What has been accepted already: transaction ids, and (employee, pay code, work date, quantity) — a correction row
/// also keys on the period and rate it corrects, so it never collides with the row it corrects. The caller loads the
/// keys of accepted transactions (status AwaitingAttestation, Attested or Posted) before a run;
/// <see cref="PayrollValidator.Validate"/> adds each row it accepts, so duplicates within one file are caught too.
/// Each key is held as its <see cref="KeyDigest"/>, not as its strings: about 60 bytes per accepted
/// transaction for both sets, so a million accepted rows cost some 60 MB.
/// </summary>
public sealed class PayrollDuplicateKeys
{
    private readonly HashSet<UInt128> _ids = [];
    private readonly HashSet<UInt128> _content = [];

    public int Count => _ids.Count;

    public void Add(string transactionId, string employeeId, string payCode, DateOnly workDate, decimal quantity,
        PayrollPeriod? correctsPeriod = null, decimal? correctsRate = null)
    {
        _ids.Add(KeyDigest.Of(transactionId));
        _content.Add(ContentDigest(employeeId, payCode, workDate, quantity, correctsPeriod, correctsRate));
    }

    public bool ContainsTransactionId(string transactionId) => _ids.Contains(KeyDigest.Of(transactionId));

    public bool ContainsContent(string employeeId, string payCode, DateOnly workDate, decimal quantity,
        PayrollPeriod? correctsPeriod = null, decimal? correctsRate = null) =>
        _content.Contains(ContentDigest(employeeId, payCode, workDate, quantity, correctsPeriod, correctsRate));

    // Decimals by value (8 == 8.00): "G29" of the normalised value; fields separated by a character no id holds.
    private static UInt128 ContentDigest(string employeeId, string payCode, DateOnly workDate, decimal quantity, PayrollPeriod? correctsPeriod, decimal? correctsRate) =>
        KeyDigest.Of(string.Create(CultureInfo.InvariantCulture,
            $"{employeeId}\u001f{payCode}\u001f{workDate.DayNumber}\u001f{Normal(quantity)}\u001f{correctsPeriod?.ToString()}\u001f{(correctsRate is { } r ? Normal(r) : "")}"));

    private static string Normal(decimal d) => (d / 1.0000000000000000000000000000m).ToString("G29", CultureInfo.InvariantCulture);
}
