using System.Text;

namespace InvoicePipeline.Duplicates;

/// <summary>Invoice numbers as suppliers mistype them: "INV-0012", "inv 12" and "INV/12" are the same invoice.</summary>
public static class InvoiceNumber
{
    /// <summary>
    /// The duplicate key's form of a number: lossless but for case and surrounding spaces ("inv-01 " → "INV-01"), so
    /// "1-01" and "11" stay two invoices. <see cref="Normalise"/> (loose) only makes a number suspect.
    /// </summary>
    public static string Key(string? number) => (number ?? "").Trim().ToUpperInvariant();

    /// <summary>
    /// Upper case, separators (space, - / . _ #) removed, and leading zeros removed from every digit run
    /// ("INV-0012" → "INV12", "2024/007" → "20247"). Letters are kept: "A12" and "B12" stay different.
    /// </summary>
    public static string Normalise(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return "";
        var sb = new StringBuilder(number.Length);
        var inDigits = false;
        foreach (var raw in number)
        {
            if (char.IsWhiteSpace(raw) || raw is '-' or '/' or '.' or '_' or '#' or '\\' or ':') { inDigits = false; continue; }
            var c = char.ToUpperInvariant(raw);
            if (char.IsAsciiDigit(c))
            {
                if (!inDigits && c == '0') continue;
                inDigits = true;
            }
            else inDigits = false;
            sb.Append(c);
        }
        return sb.Length == 0 ? "0" : sb.ToString();
    }
}
