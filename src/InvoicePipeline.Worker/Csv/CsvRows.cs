using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace InvoicePipeline.Worker.Csv;

/// <summary>A problem in a CSV file, named by file, line and column so a person can find and fix it.</summary>
public sealed record CsvError(string File, long Line, string? Column, string Reason)
{
    public override string ToString() => Column is null ? $"{File}:{Line}: {Reason}" : $"{File}:{Line}: column '{Column}': {Reason}";
}

/// <summary>
/// Streams the rows of one of our CSV files (UTF-8 with or without BOM, comma separated, one header row, names
/// case-insensitive and in any order, unknown columns ignored) and parses cells with precise errors.
/// </summary>
public sealed class CsvRows
{
    private readonly string _file;
    private readonly Dictionary<string, int> _columns;
    private string[] _cells = [];
    private readonly List<CsvError> _rowErrors = [];

    private CsvRows(string file, Dictionary<string, int> columns)
    {
        _file = file;
        _columns = columns;
    }

    /// <summary>The physical line number of the current row (1 = header).</summary>
    public long Line { get; private set; }
    public IReadOnlyList<CsvError> RowErrors => _rowErrors;
    public bool Has(string column) => _columns.ContainsKey(column);

    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        IncludeValuesInExceptions = false,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>
    /// Reads <paramref name="path"/>; header errors (missing required columns) come back as one error and no rows, and so
    /// do bytes that are not UTF-8 or a record longer than <see cref="CsvBytes.DefaultMaxRecordBytes"/> (<see cref="CsvBytes"/>),
    /// naming the line, before any row is read.
    /// </summary>
    public static IAsyncEnumerable<CsvRows> ReadAsync(string path, IReadOnlyCollection<string> required, List<CsvError> headerErrors,
        CancellationToken ct = default) => ReadAsync(path, Path.GetFileName(path), required, headerErrors, ct);

    /// <param name="name">The name errors give the file (e.g. KAMK/suppliers.csv).</param>
    public static async IAsyncEnumerable<CsvRows> ReadAsync(string path, string name, IReadOnlyCollection<string> required, List<CsvError> headerErrors,
        [EnumeratorCancellation] CancellationToken ct = default)
    {
        await Task.Yield();
        var bytes = await File.ReadAllBytesAsync(path, ct);
        if (CsvBytes.Check(bytes, name, CsvBytes.DefaultMaxRecordBytes, requireFinalNewline: false) is { } bad)
        {
            headerErrors.Add(bad);
            yield break;
        }
        using var csv = CsvReader.Create(new MemoryStream(bytes, writable: false), Options, false);
        csv.ReadHeader();
        if (csv.Headers.Count == 0)
        {
            headerErrors.Add(new CsvError(name, 1, null, "the file is empty: a header row is required"));
            yield break;
        }
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.Headers.Count; i++) columns.TryAdd(csv.Headers[i].Trim().TrimStart('\uFEFF'), i);
        var missing = required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            headerErrors.Add(new CsvError(name, 1, string.Join(", ", missing), "required column missing from the header"));
            yield break;
        }
        var rows = new CsvRows(name, columns);
        while (csv.Read())
        {
            ct.ThrowIfCancellationRequested();
            var cells = new string[columns.Count == 0 ? 0 : columns.Values.Max() + 1];
            for (var i = 0; i < cells.Length; i++) cells[i] = i < csv.FieldCount ? csv.GetString(i) : "";
            rows._cells = cells;
            rows.Line = csv.LineNumber;
            rows._rowErrors.Clear();
            yield return rows;
        }
    }

    public string? Text(string column)
    {
        if (!_columns.TryGetValue(column, out var i) || i >= _cells.Length) return null;
        var v = _cells[i].Trim();
        return v.Length == 0 ? null : v;
    }

    public string Required(string column)
    {
        var v = Text(column);
        if (v is null) Error(column, "a value is required");
        return v ?? "";
    }

    public decimal? Decimal(string column, bool required = false)
    {
        var v = required ? Required(column) : Text(column);
        if (string.IsNullOrEmpty(v)) return null;
        if (decimal.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return d;
        Error(column, $"'{v}' is not a decimal number (use '.' as decimal separator)");
        return null;
    }

    public int? Int(string column)
    {
        var v = Text(column);
        if (v is null) return null;
        if (int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d)) return d;
        Error(column, $"'{v}' is not a whole number");
        return null;
    }

    public DateOnly? Date(string column, bool required = false)
    {
        var v = required ? Required(column) : Text(column);
        if (string.IsNullOrEmpty(v)) return null;
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Error(column, $"'{v}' is not a date YYYY-MM-DD");
        return null;
    }

    public bool? Bool(string column)
    {
        var v = Text(column);
        if (v is null) return null;
        if (string.Equals(v, "true", StringComparison.OrdinalIgnoreCase)) return true;
        if (string.Equals(v, "false", StringComparison.OrdinalIgnoreCase)) return false;
        Error(column, $"'{v}' is not true or false");
        return null;
    }

    public TEnum? Enum<TEnum>(string column, bool required = false) where TEnum : struct, Enum
    {
        var v = required ? Required(column) : Text(column);
        if (string.IsNullOrEmpty(v)) return null;
        if (System.Enum.TryParse<TEnum>(v, ignoreCase: true, out var e) && System.Enum.IsDefined(e) && !char.IsAsciiDigit(v[0])) return e;
        Error(column, $"'{v}' is not one of {string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()))}");
        return null;
    }

    public void Error(string? column, string reason) => _rowErrors.Add(new CsvError(_file, Line, column, reason));
}
