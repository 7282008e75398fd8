namespace InvoicePipeline.Identifiers;

/// <summary>Danish CVR numbers: eight digits, weights 2 7 6 5 4 3 2 1, the weighted sum divisible by 11.</summary>
public static class CvrNumber
{
    private static readonly int[] Weights = [2, 7, 6, 5, 4, 3, 2, 1];

    /// <summary>"12345674", "DK12345674", "DK 12 34 56 74", "0184:12345674" to its eight digits, or null.</summary>
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var s = AccountNumber.Normalise(value);
        var colon = s.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0) s = s[(colon + 1)..];
        if (s.StartsWith("DK", StringComparison.Ordinal)) s = s[2..];
        return s.Length == 8 && s.All(char.IsAsciiDigit) ? s : null;
    }

    public static bool IsValid(string? value)
    {
        var n = Normalise(value);
        if (n is null) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (n[i] - '0') * Weights[i];
        return sum % 11 == 0;
    }
}
