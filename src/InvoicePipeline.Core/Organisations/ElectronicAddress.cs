using InvoicePipeline.Identifiers;

namespace InvoicePipeline.Organisations;

/// <summary>
/// Electronic addresses (Peppol participant ids) as scheme:value, compared in one form: the ISO 6523 ICD scheme
/// (OIOUBL's and Svefaktura's names mapped to it: GLN/EAN = 0088, DK:CVR = 0184, SE:ORGNR = 0007), the value in upper
/// case without blanks, dashes or dots.
/// </summary>
public static class ElectronicAddress
{
    public static string? Normalise(string? schemeColonValue)
    {
        if (string.IsNullOrWhiteSpace(schemeColonValue)) return null;
        var s = schemeColonValue.Trim();
        // "DK:CVR:12345674" is scheme DK:CVR; "0184:12345674" is scheme 0184: the value is after the last colon.
        var colon = s.LastIndexOf(':');
        return colon <= 0 || colon == s.Length - 1 ? null : Normalise(s[..colon], s[(colon + 1)..]);
    }

    public static string? Normalise(string? scheme, string? value)
    {
        if (string.IsNullOrWhiteSpace(scheme) || string.IsNullOrWhiteSpace(value)) return null;
        var v = AccountNumber.Normalise(value);
        var icd = Scheme(scheme);
        // OIOUBL writes a CVR endpoint with its country prefix (DK:CVR "DK12345674"); Peppol's 0184 without.
        if (icd == "0184" && v.StartsWith("DK", StringComparison.Ordinal)) v = v[2..];
        return v.Length == 0 ? null : icd + ":" + v;
    }

    public static string Scheme(string scheme) => scheme.Trim().ToUpperInvariant() switch
    {
        "GLN" or "EAN" or "ISO 6523:0088" => "0088",
        "DK:CVR" => "0184",
        "SE:ORGNR" or "SE:ORG" => "0007",
        "DUNS" => "0060",
        var s => s,
    };
}
