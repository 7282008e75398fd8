using System.Text.RegularExpressions;
using InvoicePipeline.Identifiers;

namespace InvoicePipeline.Scanning;

/// <summary>
/// Turns the text found at a label into the field's normalised value, or null when it does not have the field's
/// shape. Used on OCR text and on a reviewer's corrections alike.
/// </summary>
public static partial class FieldValues
{
    [GeneratedRegex(@"[A-Z]{2}\d{2}[A-Z0-9]{11,30}")]
    private static partial Regex IbanShape();

    [GeneratedRegex(@"^[A-Z]{2}[A-Z0-9]{8,13}$")]
    private static partial Regex VatShape();

    public static string? Normalise(string field, string text)
    {
        var t = text.Trim().TrimStart(':', '#', '.').Trim();
        if (t.Length == 0) return null;
        return field switch
        {
            ScanField.Net or ScanField.Vat or ScanField.Total =>
                ScanFormats.LastAmount(t) is { } a ? ScanFormats.FormatAmount(a) : null,
            ScanField.IssueDate or ScanField.DueDate =>
                ScanFormats.FirstDate(t) is { } d ? ScanFormats.FormatDate(d) : null,
            ScanField.Currency => t.Split(' ').Select(s => s.Trim(':', '.').ToUpperInvariant()).FirstOrDefault(ScanFormats.IsCurrency),
            ScanField.OcrReference => Digits(t, 2, 25),
            ScanField.Bankgiro => Digits(t, 7, 8),
            ScanField.Plusgiro => Digits(t, 2, 8),
            ScanField.OrgNo => Digits(t, 8, 10) is { Length: 8 or 10 } o ? o : null,
            ScanField.Iban => Iban(t),
            ScanField.VatId => VatId(t),
            ScanField.InvoiceNumber => FirstToken(t),
            _ => t.TrimEnd('.', ',', ';', ':'),
        };
    }

    private static readonly Dictionary<string, int> IbanLengths = new(StringComparer.Ordinal)
    {
        ["SE"] = 24, ["DK"] = 18, ["NO"] = 15, ["FI"] = 18, ["DE"] = 22, ["GB"] = 22, ["NL"] = 18, ["FR"] = 27,
    };

    // A following label glued on ("…85BIC") is cut off at the country's IBAN length.
    private static string? Iban(string t)
    {
        var s = string.Concat(t.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        // Nordic BBANs are all digits: read look-alike letters after the country code as digits (mod 97 then verifies).
        if (s.Length > 4 && s[..2] is "SE" or "DK" or "NO" or "FI")
        {
            var digits = ScanFormats.DigitsOf(s[2..Math.Min(s.Length, IbanLengths[s[..2]])]);
            if (digits.Length > 0) s = s[..2] + digits + s[Math.Min(s.Length, IbanLengths[s[..2]])..];
        }
        var m = IbanShape().Match(s);
        if (!m.Success) return null;
        var iban = m.Value;
        return IbanLengths.TryGetValue(iban[..2], out var length) && iban.Length > length ? iban[..length] : iban;
    }

    // SE/DK VAT ids carry digits after the country code: read look-alike letters as digits there.
    private static string? VatId(string t)
    {
        var s = string.Concat(t.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
        if (s.Length > 2 && s[..2] is "SE" or "DK" && ScanFormats.DigitsOf(s[2..]) is { Length: > 0 } digits) s = s[..2] + digits;
        return VatShape().IsMatch(s) ? s : null;
    }

    // Only the first token that is an identifier: "12345 Sida 1" keeps "12345".
    private static string? FirstToken(string t)
    {
        var token = t.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim(':', ',', ';', '.', '\'', '"', '|', '‘', '’');
        return string.IsNullOrEmpty(token) ? null : token;
    }

    // The whole text, else its first token alone: a stray mark after the number ("13842078 i") must not spoil it.
    private static string? Digits(string t, int min, int max)
    {
        foreach (var candidate in new[] { t, t.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0] })
        {
            var digits = ScanFormats.DigitsOf(candidate.Trim('.', ',', '\'', '"', '‘', '’'));
            if (digits.Length >= min && digits.Length <= max) return digits;
        }
        return null;
    }
}
