namespace InvoicePipeline.Identifiers;

/// <summary>Swedish OCR payment references (Bankgirot): 2–25 digits, the last a Luhn check digit.</summary>
public static class OcrReference
{
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var n = AccountNumber.Normalise(value);
        return n.Length is >= 2 and <= 25 && n.All(char.IsAsciiDigit) && Luhn.IsValid(n);
    }
}
