using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>
/// Reads the code lists out of the official compiled validation XSLT (CEN EN 16931 and Peppol BIS 3.0.19) and
/// writes them as src/InvoicePipeline.Core/Validation/CodeLists.g.cs. The lists are data inside the assert tests
/// (contains(' AED AFN ... ', ...)) and inside Peppol's tokenize('...') variables; nothing is retyped by hand.
/// </summary>
internal static partial class CodeListExtractor
{
    // (C# name, source file, rule id or variable, which literal: longest, first, second, mime-equalities, variable)
    private static readonly (string Name, string File, string Key, string How)[] Sources =
    [
        ("InvoiceTypeCodes", Cen, "BR-CL-01", "first"),
        ("CreditNoteTypeCodes", Cen, "BR-CL-01", "second"),
        ("Currencies", Cen, "BR-CL-03", "longest"),
        ("DateCodes", Cen, "BR-CL-06", "longest"),
        ("ObjectIdSchemes", Cen, "BR-CL-07", "longest"),
        ("TextSubjects", Cen, "BR-CL-08", "longest"),
        ("IcdSchemes", Cen, "BR-CL-10", "longest"),
        ("ItemClassifications", Cen, "BR-CL-13", "longest"),
        ("Countries", Cen, "BR-CL-14", "longest"),
        ("PaymentMeansCodes", Cen, "BR-CL-16", "longest"),
        ("VatCategories", Cen, "BR-CL-17", "longest"),
        ("AllowanceReasons", Cen, "BR-CL-19", "longest"),
        ("ChargeReasons", Cen, "BR-CL-20", "longest"),
        ("VatExemptionReasons", Cen, "BR-CL-22", "longest"),
        ("UnitCodes", Cen, "BR-CL-23", "longest"),
        ("MimeCodes", Cen, "BR-CL-24", "mime"),
        ("EasSchemes", Cen, "BR-CL-25", "longest"),
        ("PeppolMimeCodes", Peppol, "MIMECODE", "variable"),
        ("PeppolAllowanceReasons", Peppol, "UNCL5189", "variable"),
        ("PeppolChargeReasons", Peppol, "UNCL7161", "variable"),
        ("PeppolDateCodes", Peppol, "UNCL2005", "variable"),
        ("PeppolCurrencies", Peppol, "ISO4217", "variable"),
        ("PeppolCountries", Peppol, "ISO3166", "variable"),
        ("PeppolEasSchemes", Peppol, "eaid", "variable"),
        ("PeppolProfile01InvoiceTypes", Peppol, "PEPPOL-EN16931-P0100", "tokenize"),
        ("PeppolProfile01CreditNoteTypes", Peppol, "PEPPOL-EN16931-P0101", "tokenize"),
        ("OioublCountries", Oioubl, "CountryCode", "commas"),
        ("OioublEndpointSchemes", Oioubl, "EndpointID_schemeID", "commas"),
        ("OioublPartyIdSchemes", Oioubl, "PartyID_schemeID", "commas"),
    ];

    private const string Cen = "peppol-bis3-3.0.19-compiled-xslt/CEN-EN16931-UBL.xslt";
    private const string Peppol = "peppol-bis3-3.0.19-compiled-xslt/PEPPOL-EN16931-UBL.xslt";
    private const string Oioubl = "oioubl-2.1-1.17.2/OIOUBL_Invoice_Schematron.xsl";

    public static IReadOnlyDictionary<string, string[]> Extract(string validationFolder)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new SortedDictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (name, file, key, how) in Sources)
        {
            if (!texts.TryGetValue(file, out var text))
                texts[file] = text = File.ReadAllText(Path.Combine(validationFolder, file));
            result[name] = how switch
            {
                "variable" => Tokens(VariableList(text, key)),
                "commas" => Regex.Match(text, "<xsl:variable name=\"" + key + "\"\\s+select=\"'([^']*)'").Groups[1].Value
                    .Split(',', StringSplitOptions.RemoveEmptyEntries),
                "tokenize" => Tokens(TokenizeList(AssertTest(text, key))),
                "mime" => [.. MimeEquality().Matches(AssertTest(text, key)).Select(m => m.Groups[1].Value).Distinct()],
                _ => Pick(SpacedLiteral().Matches(AssertTest(text, key)).Select(m => m.Groups[1].Value).ToList(), how),
            };
            if (result[name].Length == 0) throw new InvalidOperationException($"No code list found for {name} ({key}).");
        }
        return result;
    }

    private static string[] Pick(List<string> literals, string how) => how switch
    {
        "first" => Tokens(literals[0]),
        "second" => Tokens(literals[1]),
        _ => Tokens(literals.OrderByDescending(l => l.Length).First()),
    };

    private static string[] Tokens(string list) => list.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string AssertTest(string xslt, string ruleId)
    {
        var m = Regex.Match(xslt, "test=\"([^\"]*)\">\\s*<xsl:attribute name=\"id\">" + Regex.Escape(ruleId) + "</xsl:attribute>");
        if (!m.Success) throw new InvalidOperationException("Rule not found in the XSLT: " + ruleId);
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    private static string VariableList(string xslt, string name)
    {
        var m = Regex.Match(xslt, "<xsl:variable name=\"" + Regex.Escape(name) + "\"\\s+select=\"tokenize\\('([^']*)'");
        if (!m.Success) throw new InvalidOperationException("Variable not found in the XSLT: " + name);
        return m.Groups[1].Value;
    }

    private static string TokenizeList(string test) => Regex.Match(test, "tokenize\\('([^']*)'").Groups[1].Value;

    [GeneratedRegex("'( [^' ]+(?: [^' ]+)+ )'")]
    private static partial Regex SpacedLiteral();

    [GeneratedRegex("@mimeCode = '([^']+)'")]
    private static partial Regex MimeEquality();

    /// <summary>The C# source of CodeLists.g.cs for these lists.</summary>
    public static string ToCSharp(IReadOnlyDictionary<string, string[]> lists)
    {
        var sb = new StringBuilder();
        sb.Append("// <auto-generated>\n// Generated by tests/InvoicePipeline.Worker.Tests/EInvoices/CodeListExtractor.cs from the official\n")
          .Append("// validation XSLT in ../shared/samples/einvoice-validation (CEN EN 16931 + Peppol BIS 3.0.19 + OIOUBL 2.1).\n")
          .Append("// Regenerate: REGENERATE_CODELISTS=1 dotnet test tests/InvoicePipeline.Worker.Tests --filter CodeListExtractorFacts\n// </auto-generated>\n")
          .Append("using System.Collections.Frozen;\n\nnamespace InvoicePipeline.Validation;\n\n")
          .Append("public static partial class CodeLists\n{\n");
        foreach (var (name, codes) in lists)
            sb.Append(CultureInfo.InvariantCulture, $"    public static readonly FrozenSet<string> {name} = Set(\"{string.Join(' ', codes)}\");\n\n");
        sb.Append("    private static FrozenSet<string> Set(string codes) =>\n")
          .Append("        codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);\n}\n");
        return sb.ToString();
    }
}
