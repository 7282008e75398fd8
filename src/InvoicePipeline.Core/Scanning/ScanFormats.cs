using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace InvoicePipeline.Scanning;

/// <summary>
/// Reads the number and date formats of Swedish, Danish and English invoices into one invariant form.
/// Amounts need two decimals: a scan's "1 250" is as likely a page number as a price.
/// </summary>
public static partial class ScanFormats
{
    [GeneratedRegex(@"(?<![\d.,])\d{1,3}(?:[ \u00A0.,':;°’\-]\d{3})*[.,;]\d{2}(?![\d])|(?<![\d.,])\d+[.,;]\d{2}(?![\d])")]
    private static partial Regex AmountPattern();

    [GeneratedRegex(@"\b(\d{4})[-./:](\d{1,2})[-./:](\d{1,2})\b")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(\d{1,2})[-./:](\d{1,2})[-./:](\d{4})\b")]
    private static partial Regex DayFirstDate();

    [GeneratedRegex(@"\b(\d{1,2})\.?\s+([A-Za-zÅÄÖÆØåäöæø]{3,10})[.,]?\s*(\d{4})\b")]
    private static partial Regex NamedMonthDate();

    private static readonly string[][] MonthNames =
    [
        ["jan", "januari", "january", "januar"],
        ["feb", "februari", "february", "februar"],
        ["mar", "mars", "march", "marts"],
        ["apr", "april"],
        ["may", "maj"],
        ["jun", "juni", "june"],
        ["jul", "juli", "july"],
        ["aug", "augusti", "august"],
        ["sep", "sept", "september"],
        ["oct", "okt", "oktober", "october"],
        ["nov", "november"],
        ["dec", "dek", "december"],
    ];

    private static readonly HashSet<string> Currencies = new(StringComparer.Ordinal) { "SEK", "DKK", "EUR", "NOK", "USD", "GBP" };

    public static bool IsCurrency(string code) => Currencies.Contains(code);

    /// <summary>The last amount with two decimals in the text ("12 345,67", "12.345,67", "12,345.67"), invariant.</summary>
    public static decimal? LastAmount(string text)
    {
        var clean = text.Replace('%', ' ');
        // "Moms 25%: 2 500,00": the rate has no decimals, so the last two-decimal number is the amount.
        var matches = AmountPattern().Matches(clean);
        return matches.Count == 0 ? null : ParseAmount(matches[^1].Value);
    }

    // OCR reads a thousands space as ":" or "-" now and then ("42:121,66"); the check net + VAT = total catches a wrong guess.
    /// <summary>Parses one amount whatever its separators: the last separator before two digits is the decimal point.</summary>
    public static decimal? ParseAmount(string value)
    {
        var s = value.Trim();
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c)) sb.Append(c);
            else if ((c is '.' or ',' or ';') && i == s.Length - 3) sb.Append('.');
        }
        if (sb.Length == 0) return null;
        return decimal.TryParse(sb.ToString(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? d
            : null;
    }

    public static string FormatAmount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The first date in the text, in any of the locales' formats.</summary>
    public static DateOnly? FirstDate(string text)
    {
        var candidates = new List<(int Index, DateOnly Date)>();
        foreach (Match m in IsoDate().Matches(text))
            if (TryDate(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, out var d)) candidates.Add((m.Index, d));
        foreach (Match m in DayFirstDate().Matches(text))
            if (TryDate(m.Groups[3].Value, m.Groups[2].Value, m.Groups[1].Value, out var d)) candidates.Add((m.Index, d));
        foreach (Match m in NamedMonthDate().Matches(text))
        {
            var month = MonthOf(m.Groups[2].Value);
            if (month > 0 && TryDate(m.Groups[3].Value, month.ToString(CultureInfo.InvariantCulture), m.Groups[1].Value, out var d))
                candidates.Add((m.Index, d));
        }
        return candidates.Count == 0 ? null : candidates.MinBy(c => c.Index).Date;
    }

    public static DateOnly? ParseIsoDate(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int MonthOf(string name)
    {
        var n = name.ToLowerInvariant();
        for (var i = 0; i < MonthNames.Length; i++)
            if (MonthNames[i].Contains(n, StringComparer.Ordinal)) return i + 1;
        return 0;
    }

    private static bool TryDate(string year, string month, string day, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)) return false;
        if (y is < 1990 or > 2100 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    /// <summary>
    /// Digits of an identifier the OCR may have read with look-alike letters (O for 0, l for 1): only used on
    /// fields that a check digit then verifies, so a wrong guess cannot pass unnoticed.
    /// </summary>
    public static string DigitsOf(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c)) sb.Append(c);
            else if (c is 'O' or 'o' or 'D' or 'Q') sb.Append('0');
            else if (c is 'l' or 'I' or '|' or 'i') sb.Append('1');
            else if (c is ' ' or '-' or '.' or '\u00A0' or ':') continue;
            else return "";
        }
        return sb.ToString();
    }
}
