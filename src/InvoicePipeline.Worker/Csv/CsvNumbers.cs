using CsvHelper;

namespace InvoicePipeline.Worker.Csv;

/// <summary>
/// Numbers are written as numbers: the typed <see cref="CsvWriter.WriteField{T}(T, ReadOnlySpan{char})"/> writes a value
/// as it formats itself, outside the formula-injection escape, which is for text cells only (a credit of -725.00 stays
/// -725.00, never '-725.00). A missing number is an empty cell.
/// </summary>
public static class CsvNumbers
{
    public static void WriteAmount(this CsvWriter csv, decimal? amount)
    {
        if (amount is { } a) csv.WriteField(a, "0.00");
        else csv.WriteField("");
    }

    public static void WriteNumber(this CsvWriter csv, decimal? value)
    {
        if (value is { } v) csv.WriteField(v, "");
        else csv.WriteField("");
    }

    public static void WriteNumber(this CsvWriter csv, long? value)
    {
        if (value is { } v) csv.WriteField(v, "");
        else csv.WriteField("");
    }
}
