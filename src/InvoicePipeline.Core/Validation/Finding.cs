namespace InvoicePipeline.Validation;

public enum FindingSeverity
{
    Warning,
    Fatal,
}

/// <summary>
/// One rule outcome: the official rule id (BR-CO-15, PEPPOL-EN16931-R008, SE-R-013, ...), how severe, a message a
/// supplier can act on, and where in the document (an XPath like the official SVRL location).
/// </summary>
public sealed record Finding(string RuleId, FindingSeverity Severity, string Message, string Location)
{
    public bool IsFatal => Severity == FindingSeverity.Fatal;

    public static Finding Fatal(string ruleId, string message, string location) => new(ruleId, FindingSeverity.Fatal, message, location);

    public static Finding Warning(string ruleId, string message, string location) => new(ruleId, FindingSeverity.Warning, message, location);

    public override string ToString() => $"[{RuleId}] {Message} at {Location}";
}
