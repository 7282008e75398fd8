namespace InvoicePipeline.Matching;

/// <summary>What an invoice was matched to. Stored and reported in lower case: "none", "order", "subscription".</summary>
public enum MatchKind
{
    None,
    Order,
    Subscription,
}

public static class MatchKinds
{
    /// <summary>The stored and reported name (outcomes.md, documents.csv): "none", "order", "subscription".</summary>
    public static string Name(this MatchKind kind) => kind switch
    {
        MatchKind.Order => "order",
        MatchKind.Subscription => "subscription",
        _ => "none",
    };

    public static MatchKind Parse(string? name) => name switch
    {
        "order" => MatchKind.Order,
        "subscription" => MatchKind.Subscription,
        "none" or null or "" => MatchKind.None,
        _ => throw new FormatException($"'{name}' is not a match kind (none, order, subscription)"),
    };
}
