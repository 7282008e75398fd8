using InvoicePipeline.Payroll;

namespace InvoicePipeline.Worker.Payroll;

/// <summary>Where each known column sits in a file's header (-1 = absent).</summary>
internal sealed class PayrollHeader
{
    public int TransactionId { get; private init; } = -1;
    public int EmployeeId { get; private init; } = -1;
    public int PersonId { get; private init; } = -1;
    public int PayCode { get; private init; } = -1;
    public int WorkDate { get; private init; } = -1;
    public int Quantity { get; private init; } = -1;
    public int Amount { get; private init; } = -1;
    public int Period { get; private init; } = -1;
    public int CostCentre { get; private init; } = -1;
    public int ReportedBy { get; private init; } = -1;
    public int Reference { get; private init; } = -1;
    public int CorrectsPeriod { get; private init; } = -1;
    public int CorrectsRate { get; private init; } = -1;

    public static PayrollHeader Parse(IReadOnlyList<string> names, string file)
    {
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            // A BOM the decoder did not strip (e.g. a file read as Latin-1 first) must not hide the first column.
            var name = names[i].Trim().TrimStart('\uFEFF');
            index.TryAdd(name, i);
        }
        int At(string column) => index.TryGetValue(column, out var i) ? i : -1;

        var header = new PayrollHeader
        {
            TransactionId = At(PayrollColumns.TransactionId),
            EmployeeId = At(PayrollColumns.EmployeeId),
            PersonId = At(PayrollColumns.PersonId),
            PayCode = At(PayrollColumns.PayCode),
            WorkDate = At(PayrollColumns.WorkDate),
            Quantity = At(PayrollColumns.Quantity),
            Amount = At(PayrollColumns.Amount),
            Period = At(PayrollColumns.Period),
            CostCentre = At(PayrollColumns.CostCentre),
            ReportedBy = At(PayrollColumns.ReportedBy),
            Reference = At(PayrollColumns.Reference),
            CorrectsPeriod = At(PayrollColumns.CorrectsPeriod),
            CorrectsRate = At(PayrollColumns.CorrectsRate),
        };
        foreach (var (column, at) in new[] { (PayrollColumns.TransactionId, header.TransactionId), (PayrollColumns.PayCode, header.PayCode), (PayrollColumns.WorkDate, header.WorkDate) })
            if (at < 0) throw new PayrollFileFormatException(file, 1, column, $"the required column {column} is missing from the header");
        if (header.EmployeeId < 0 && header.PersonId < 0)
            throw new PayrollFileFormatException(file, 1, PayrollColumns.EmployeeId, "the header has neither employee_id nor person_id");
        return header;
    }
}
