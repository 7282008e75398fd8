using System.Globalization;
using CsvHelper;
using InvoicePipeline.Travel;
using InvoicePipeline.Worker.Payroll;

namespace InvoicePipeline.Worker.Travel;

/// <summary>
/// Streams the lines of a travel and expense claim file (data-formats.md): UTF-8 with or without BOM, header names
/// case-insensitive and in any order, unknown columns ignored. A cell that cannot be read becomes a
/// <see cref="TravelFieldError"/> on its line, which the validator reports as INVALID_FIELD; the rest of the file goes on.
/// Only a header without the required columns stops the file (<see cref="PayrollFileFormatException"/>, as for payroll).
/// </summary>
public static class TravelFileReader
{
    public static readonly IReadOnlyList<string> RequiredColumns = ["claim_id", "employee_id", "line_type"];

    private static readonly string[] Known =
    [
        "claim_id", "employee_id", "line_type", "trip_id", "departure", "return", "country", "overnight", "distance_km", "meals_provided",
        "km", "vehicle", "amount", "vat_amount", "currency", "category", "receipt_ref", "reported_by", "corrects",
    ];

    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = true,
        TrimWhitespace = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        IncludeValuesInExceptions = false,
        PoolStrings = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static IEnumerable<TravelLine> Read(Stream stream, string fileName)
    {
        using var csv = CsvReader.Create(stream, Options, true);
        foreach (var line in Read(csv, fileName)) yield return line;
    }

    public static IEnumerable<TravelLine> Read(TextReader reader, string fileName)
    {
        using var csv = CsvReader.Create(reader, Options, true);
        foreach (var line in Read(csv, fileName)) yield return line;
    }

    private static IEnumerable<TravelLine> Read(CsvReader csv, string fileName)
    {
        csv.ReadHeader();
        if (csv.Headers.Count == 0) throw new PayrollFileFormatException(fileName, 1, "", "the file is empty (no header row)");
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < csv.Headers.Count; i++) index.TryAdd(csv.Headers[i].Trim().TrimStart('\uFEFF'), i);
        foreach (var column in RequiredColumns)
            if (!index.ContainsKey(column)) throw new PayrollFileFormatException(fileName, 1, column, $"the required column {column} is missing from the header");
        var at = Known.ToDictionary(k => k, k => index.TryGetValue(k, out var i) ? i : -1, StringComparer.Ordinal);
        while (csv.Read()) yield return ReadLine(new Row(csv, at), fileName);
    }

    private readonly record struct Row(CsvReader Csv, Dictionary<string, int> At)
    {
        public string? Text(string column) => At[column] is var i and >= 0 && !Csv.IsEmpty(i) ? Csv.GetString(i) : null;
    }

    private static TravelLine ReadLine(Row r, string file)
    {
        var errors = new List<TravelFieldError>();
        var claimId = r.Text("claim_id");
        if (claimId is null) errors.Add(new("claim_id", "claim_id is required"));
        var employeeId = r.Text("employee_id");
        if (employeeId is null) errors.Add(new("employee_id", "employee_id is required"));
        var type = TravelLineType.Expense;
        switch (r.Text("line_type")?.ToLowerInvariant())
        {
            case "trip": type = TravelLineType.Trip; break;
            case "expense": type = TravelLineType.Expense; break;
            case "mileage": type = TravelLineType.Mileage; break;
            case var other:
                errors.Add(new("line_type", other is null ? "line_type is required (trip, expense, mileage)" : $"line_type '{other}' is not trip, expense or mileage"));
                break;
        }
        bool overnight = false;
        if (r.Text("overnight") is { } o)
        {
            if (string.Equals(o, "true", StringComparison.OrdinalIgnoreCase)) overnight = true;
            else if (!string.Equals(o, "false", StringComparison.OrdinalIgnoreCase)) errors.Add(new("overnight", $"overnight '{o}' is not true or false"));
        }
        return new TravelLine
        {
            File = file,
            Line = (int)r.Csv.LineNumber,
            ClaimId = claimId ?? "",
            EmployeeId = employeeId ?? "",
            Type = type,
            TripId = r.Text("trip_id"),
            Departure = Time(r, "departure", errors),
            Return = Time(r, "return", errors),
            Country = r.Text("country"),
            Overnight = overnight,
            DistanceKm = Decimal(r, "distance_km", errors),
            MealsProvided = ParseMeals(r.Text("meals_provided"), errors),
            Km = Decimal(r, "km", errors),
            Vehicle = r.Text("vehicle")?.ToLowerInvariant(),
            Amount = Decimal(r, "amount", errors),
            VatAmount = Decimal(r, "vat_amount", errors),
            Currency = r.Text("currency"),
            Category = r.Text("category"),
            ReceiptRef = r.Text("receipt_ref"),
            ReportedBy = r.Text("reported_by"),
            Corrects = r.Text("corrects"),
            FieldErrors = errors,
        };
    }

    private static DateTime? Time(Row r, string column, List<TravelFieldError> errors)
    {
        if (r.Text(column) is not { } s) return null;
        if (DateTime.TryParseExact(s, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)) return t;
        errors.Add(new(column, $"{column} '{s}' is not a local time YYYY-MM-DDTHH:MM"));
        return null;
    }

    private static decimal? Decimal(Row r, string column, List<TravelFieldError> errors)
    {
        if (r.Text(column) is not { } s) return null;
        // Strict: a sign and a '.' only; "1,5" or "1 000" is an error, not a silently different number.
        if (decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)) return d;
        errors.Add(new(column, $"{column} '{s}' is not a decimal number (use '.')"));
        return null;
    }

    /// <summary><c>2026-10-06:BL;2026-10-07:D</c>: the meals provided on each day.</summary>
    public static IReadOnlyDictionary<DateOnly, InvoicePipeline.Travel.Meals> ParseMeals(string? text, List<TravelFieldError> errors)
    {
        var result = new Dictionary<DateOnly, InvoicePipeline.Travel.Meals>();
        if (text is null) return result;
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            if (colon != 10 || !DateOnly.TryParseExact(part[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                errors.Add(new("meals_provided", $"'{part}' is not YYYY-MM-DD: followed by B, L, D"));
                continue;
            }
            var meals = InvoicePipeline.Travel.Meals.None;
            foreach (var c in part[(colon + 1)..])
            {
                switch (char.ToUpperInvariant(c))
                {
                    case 'B': meals |= InvoicePipeline.Travel.Meals.Breakfast; break;
                    case 'L': meals |= InvoicePipeline.Travel.Meals.Lunch; break;
                    case 'D': meals |= InvoicePipeline.Travel.Meals.Dinner; break;
                    default: errors.Add(new("meals_provided", $"'{c}' in '{part}' is not B, L or D")); break;
                }
            }
            result[day] = result.GetValueOrDefault(day) | meals;
        }
        return result;
    }
}
