using InvoicePipeline.Identifiers;

namespace InvoicePipeline.Scanning;

/// <summary>Check digits of the supplier keys a scan may carry: Swedish organisation numbers and Danish CVR numbers.</summary>
public static class IdentifierChecks
{
    private static readonly int[] CvrWeights = [2, 7, 6, 5, 4, 3, 2, 1];

    /// <summary>Ten digits with a Luhn check (Sweden), or eight digits with the CVR modulus-11 check (Denmark).</summary>
    public static bool IsValidOrgNo(string value) => value.Length switch
    {
        10 => OrganisationNumber.IsValid(value),
        8 => IsValidCvr(value),
        _ => false,
    };

    public static bool IsValidCvr(string value)
    {
        if (value.Length != 8 || !value.All(char.IsAsciiDigit)) return false;
        var sum = 0;
        for (var i = 0; i < 8; i++) sum += (value[i] - '0') * CvrWeights[i];
        return sum % 11 == 0;
    }

    /// <summary>SE + organisation number + 01, or DK + CVR; other countries by shape only.</summary>
    public static bool IsValidVatId(string value)
    {
        if (value.StartsWith("SE", StringComparison.Ordinal)) return OrganisationNumber.IsValidSwedishVatNumber(value);
        if (value.StartsWith("DK", StringComparison.Ordinal)) return IsValidCvr(value[2..]);
        return value.Length is >= 8 and <= 15;
    }
}
