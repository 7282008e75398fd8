using System.Text;

namespace InvoicePipeline.Identifiers;

/// <summary>Normalisation and checks for payee account numbers: bankgiro, plusgiro, IBAN.</summary>
public static class AccountNumber
{
    /// <summary>Removes spaces, hyphens and dots and upper-cases: "5050-1055" → "50501055".</summary>
    public static string Normalise(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '.') continue;
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>A Swedish bankgiro number: 7 or 8 digits with a Luhn check digit.</summary>
    public static bool IsValidBankgiro(string value)
    {
        var n = Normalise(value);
        return n.Length is 7 or 8 && n.All(char.IsAsciiDigit) && Luhn.IsValid(n);
    }

    /// <summary>A Swedish plusgiro number: 2 to 8 digits with a Luhn check digit.</summary>
    public static bool IsValidPlusgiro(string value)
    {
        var n = Normalise(value);
        return n.Length is >= 2 and <= 8 && n.All(char.IsAsciiDigit) && Luhn.IsValid(n);
    }

    /// <summary>An IBAN: country code, check digits, and the ISO 7064 mod 97-10 check.</summary>
    public static bool IsValidIban(string value)
    {
        var n = Normalise(value);
        if (n.Length is < 15 or > 34) return false;
        if (!char.IsAsciiLetterUpper(n[0]) || !char.IsAsciiLetterUpper(n[1]) || !char.IsAsciiDigit(n[2]) || !char.IsAsciiDigit(n[3]))
            return false;
        var remainder = 0;
        var rearranged = string.Concat(n.AsSpan(4), n.AsSpan(0, 4));
        foreach (var c in rearranged)
        {
            int v;
            if (char.IsAsciiDigit(c)) v = c - '0';
            else if (char.IsAsciiLetterUpper(c)) v = c - 'A' + 10;
            else return false;
            remainder = v >= 10 ? (remainder * 100 + v) % 97 : (remainder * 10 + v) % 97;
        }
        return remainder == 1;
    }
}
