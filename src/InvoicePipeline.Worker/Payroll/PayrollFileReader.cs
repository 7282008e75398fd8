using System.Globalization;
using CsvHelper;
using InvoicePipeline.Payroll;

namespace InvoicePipeline.Worker.Payroll;

/// <summary>
/// Streams the rows of a payroll transaction file (data-formats.md): UTF-8 with or without BOM, header names
/// case-insensitive and in any order, unknown columns ignored. A cell that cannot be read becomes a
/// <see cref="PayrollFieldError"/> on its row, which the validator turns into a rejection; the rest of the file goes on.
/// Only a header without the required columns stops the file (<see cref="PayrollFileFormatException"/>).
/// </summary>
public static class PayrollFileReader
{
    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        // Cells may hold person ids: parse errors must not carry values into logs.
        IncludeValuesInExceptions = false,
        // Repeated pay codes, dates and cost centres are allocated once per file.
        PoolStrings = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <param name="importedBy">The user importing the file, stored on every row for the four-eyes rule.</param>
    public static IEnumerable<PayrollTransaction> ReadFile(string path, string? importedBy = null)
    {
        using var csv = CsvReader.FromFile(path, Options);
        foreach (var row in Read(csv, Path.GetFileName(path), importedBy)) yield return row;
    }

    public static IEnumerable<PayrollTransaction> Read(Stream stream, string fileName, string? importedBy = null)
    {
        using var csv = CsvReader.Create(stream, Options, true);
        foreach (var row in Read(csv, fileName, importedBy)) yield return row;
    }

    public static IEnumerable<PayrollTransaction> Read(TextReader reader, string fileName, string? importedBy = null)
    {
        using var csv = CsvReader.Create(reader, Options, true);
        foreach (var row in Read(csv, fileName, importedBy)) yield return row;
    }

    private static IEnumerable<PayrollTransaction> Read(CsvReader csv, string fileName, string? importedBy)
    {
        csv.ReadHeader();
        if (csv.Headers.Count == 0) throw new PayrollFileFormatException(fileName, 1, "", "the file is empty (no header row)");
        var header = PayrollHeader.Parse(csv.Headers, fileName);
        var errors = new List<PayrollFieldError>();
        while (csv.Read())
        {
            errors.Clear();
            yield return ReadRow(csv, header, fileName, importedBy, errors);
        }
    }

    private static PayrollTransaction ReadRow(CsvReader p, PayrollHeader h, string file, string? importedBy, List<PayrollFieldError> errors)
    {
        var transactionId = Required(p, h.TransactionId, PayrollColumns.TransactionId, errors);
        var payCode = Required(p, h.PayCode, PayrollColumns.PayCode, errors);
        var workDate = default(DateOnly);
        if (h.WorkDate >= 0 && !p.IsEmpty(h.WorkDate))
        {
            if (!Utf8Date.TryParse(p.GetSpan(h.WorkDate), out workDate))
                errors.Add(new(PayrollColumns.WorkDate, $"work_date '{p.GetString(h.WorkDate)}' is not a date YYYY-MM-DD"));
        }
        else errors.Add(new(PayrollColumns.WorkDate, "work_date is required"));

        return new PayrollTransaction
        {
            File = file,
            Line = (int)p.LineNumber,
            TransactionId = transactionId,
            EmployeeId = Optional(p, h.EmployeeId),
            PersonId = Optional(p, h.PersonId),
            PayCode = payCode,
            WorkDate = workDate,
            Quantity = Decimal(p, h.Quantity, PayrollColumns.Quantity, errors),
            Amount = Decimal(p, h.Amount, PayrollColumns.Amount, errors),
            Period = Period(p, h.Period, PayrollColumns.Period, errors),
            CostCentre = Optional(p, h.CostCentre),
            ReportedBy = Optional(p, h.ReportedBy),
            Reference = Optional(p, h.Reference),
            CorrectsPeriod = Period(p, h.CorrectsPeriod, PayrollColumns.CorrectsPeriod, errors),
            CorrectsRate = Decimal(p, h.CorrectsRate, PayrollColumns.CorrectsRate, errors),
            ImportedBy = importedBy,
            FieldErrors = errors.Count == 0 ? [] : [.. errors],
        };
    }

    private static string? Optional(CsvReader p, int index) =>
        index < 0 || p.IsEmpty(index) ? null : p.GetString(index);

    private static string Required(CsvReader p, int index, string column, List<PayrollFieldError> errors)
    {
        if (index >= 0 && !p.IsEmpty(index)) return p.GetString(index);
        errors.Add(new(column, $"{column} is required"));
        return "";
    }

    private static decimal? Decimal(CsvReader p, int index, string column, List<PayrollFieldError> errors)
    {
        if (index < 0 || p.IsEmpty(index)) return null;
        // Strict: a sign and a '.' only; "1,5" or "1 000" is an error, not a silently different number.
        if (decimal.TryParse(p.GetSpan(index), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d))
            return d;
        errors.Add(new(column, $"{column} '{p.GetString(index)}' is not a decimal number (use '.')"));
        return null;
    }

    private static PayrollPeriod? Period(CsvReader p, int index, string column, List<PayrollFieldError> errors)
    {
        if (index < 0 || p.IsEmpty(index)) return null;
        var s = p.GetString(index);
        if (PayrollPeriod.TryParse(s, out var period)) return period;
        errors.Add(new(column, $"{column} '{s}' is not a period YYYY-MM"));
        return null;
    }
}
