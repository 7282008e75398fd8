using InvoicePipeline.Invoices;

namespace InvoicePipeline.Validation;

/// <summary>All findings for one document; fatal ones reject it with RULE_VIOLATION.</summary>
public static class Findings
{
    /// <summary>The RULE_VIOLATION issue for a rejected document: every fatal rule id with its location, or null.</summary>
    public static InvoiceIssue? RuleViolation(IReadOnlyList<Finding> findings)
    {
        var fatal = findings.Where(f => f.IsFatal).ToList();
        if (fatal.Count == 0) return null;
        var head = string.Join("; ", fatal.Take(5).Select(f => f.ToString()));
        var more = fatal.Count > 5 ? $" (+{fatal.Count - 5} more)" : "";
        return new InvoiceIssue(ExceptionCode.RuleViolation, head + more);
    }
}
