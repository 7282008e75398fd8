namespace InvoicePipeline.Worker.Payroll;

/// <summary>A payroll file that cannot be read at all (its header); the caller rejects the file and goes on with the others.</summary>
public sealed class PayrollFileFormatException(string file, int line, string column, string reason)
    : Exception($"{file}, line {line}, column {column}: {reason}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Column { get; } = column;
    public string Reason { get; } = reason;
}
