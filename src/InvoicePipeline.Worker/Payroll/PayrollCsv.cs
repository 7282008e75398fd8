using CsvHelper;

namespace InvoicePipeline.Worker.Payroll;

/// <summary>The CSV conventions of every payroll file we write: comma, invariant numbers, LF line ends, UTF-8 without BOM.</summary>
internal static class PayrollCsv
{
    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ',',
        NewLine = "\n",
        FormatProvider = System.Globalization.CultureInfo.InvariantCulture,
        // Reports are opened in spreadsheets; ids come from input files.
        Injection = CsvInjection.Escape,
    };

    public static CsvWriter Writer(TextWriter writer) => CsvWriter.Create(writer, Options, true);

    public static void Number(CsvWriter csv, decimal? value)
    {
        if (value is { } v) csv.WriteField(v, "");
        else csv.WriteField("");
    }
}
