namespace InvoicePipeline.Travel;

/// <summary>
/// The organisation's claim rules (configuration, Pipeline:Travel): an expense above <see cref="ReceiptRequiredAbove"/>
/// needs a receipt reference; a line dated more than <see cref="MaxAgeDays"/> days before <see cref="Today"/> (the
/// business date) is too old to be paid.
/// </summary>
public sealed record TravelPolicy(DateOnly Today, decimal ReceiptRequiredAbove, int MaxAgeDays);
