namespace InvoicePipeline.Identifiers;

/// <summary>Swedish organisation numbers (NNNNNN-NNNN, Luhn over the ten digits) and how suppliers name themselves.</summary>
public static class OrganisationNumber
{
    /// <summary>
    /// Reduces the ways an organisation number is written to its ten digits: "556000-0000", "5560000000",
    /// "SE556000000001" (the VAT number form), "0007:5560000000" (Peppol id). Returns null when no ten digits are found.
    /// </summary>
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = AccountNumber.Normalise(value);
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) s = s[(colon + 1)..];
        if (s.StartsWith("SE", StringComparison.Ordinal)) s = s[2..];
        if (s.Length == 12 && s.EndsWith("01", StringComparison.Ordinal)) s = s[..10];
        if (s.Length == 12 && (s.StartsWith("16", StringComparison.Ordinal) || s.StartsWith("19", StringComparison.Ordinal) || s.StartsWith("20", StringComparison.Ordinal)))
            s = s[2..];
        return s.Length == 10 && s.All(char.IsAsciiDigit) ? s : null;
    }

    public static bool IsValid(string? value)
    {
        var n = Normalise(value);
        return n is not null && Luhn.IsValid(n);
    }

    /// <summary>A Swedish VAT number: SE + ten digits of an organisation or personal number + 01.</summary>
    public static bool IsValidSwedishVatNumber(string? value)
    {
        if (value is null) return false;
        var s = AccountNumber.Normalise(value);
        return s.Length == 14 && s.StartsWith("SE", StringComparison.Ordinal) && s.EndsWith("01", StringComparison.Ordinal)
            && s.AsSpan(2, 10).ToString().All(char.IsAsciiDigit) && Luhn.IsValid(s.AsSpan(2, 10));
    }
}
