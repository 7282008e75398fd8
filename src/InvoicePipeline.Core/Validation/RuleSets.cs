namespace InvoicePipeline.Validation;

/// <summary>Which official rule families apply to a document.</summary>
[Flags]
public enum RuleSets
{
    None = 0,
    /// <summary>CEN EN 16931 core rules (BR-*, BR-CO-*, VAT categories, BR-CL-*): any EN 16931 CIUS.</summary>
    En16931 = 1,
    /// <summary>Peppol BIS Billing 3.0 rules (PEPPOL-EN16931-*, PEPPOL-COMMON-*, and the national SE/DK rules inside it).</summary>
    Peppol = 2,
    /// <summary>OIOUBL 2.1 / 2.02 (Danish NemHandel) rules.</summary>
    Oioubl = 4,
    /// <summary>Svefaktura 1.0 (legacy Swedish): the SFTI schematron rules (SFTI-F*/W*).</summary>
    Svefaktura = 8,
}

/// <summary>Picks the rule sets by CustomizationID, the way the official validation services route documents.</summary>
public static class RuleSetSelector
{
    public const string PeppolBilling3 = "urn:fdc:peppol.eu:2017:poacc:billing:3.0";
    public const string En16931 = "urn:cen.eu:en16931:2017";

    public static RuleSets Select(string syntax, string? customizationId)
    {
        if (syntax.StartsWith("OIOUBL", StringComparison.Ordinal)) return RuleSets.Oioubl;
        if (syntax.StartsWith("Svefaktura", StringComparison.Ordinal)) return RuleSets.Svefaktura;
        var id = customizationId?.Trim() ?? "";
        // Peppol's own rules only for Peppol documents; a missing id is judged as Peppol BIS (the network default).
        if (id.Length == 0 || id.Contains(PeppolBilling3, StringComparison.Ordinal))
            return RuleSets.En16931 | RuleSets.Peppol;
        // Any CIUS or extension of EN 16931 (XRechnung, EHF, ...) gets the core rules only.
        if (id.StartsWith(En16931, StringComparison.Ordinal)) return RuleSets.En16931;
        return RuleSets.None;
    }
}
