namespace InvoicePipeline.Matching;

/// <summary>A stored explanation of one automatic decision: the step, the rule, and the values compared.</summary>
public sealed record Explanation(string Step, string Rule, string Text);
