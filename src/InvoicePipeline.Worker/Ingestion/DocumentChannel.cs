namespace InvoicePipeline.Worker.Ingestion;

/// <summary>Which inbox folder a document came from (data-formats.md): stored as the folder's name.</summary>
public enum DocumentChannel
{
    EInvoices,
    Scanned,
    Payroll,
    /// <summary>Travel and expense claims (<c>&lt;inbox&gt;/travel/*.csv</c>).</summary>
    Travel,
}

public static class DocumentChannels
{
    /// <summary>The inbox folder and stored value: "einvoices", "scanned", "payroll", "travel".</summary>
    public static string Folder(this DocumentChannel channel) => channel switch
    {
        DocumentChannel.EInvoices => "einvoices",
        DocumentChannel.Scanned => "scanned",
        DocumentChannel.Travel => "travel",
        _ => "payroll",
    };

    public static DocumentChannel Parse(string folder) => folder switch
    {
        "einvoices" => DocumentChannel.EInvoices,
        "scanned" => DocumentChannel.Scanned,
        "payroll" => DocumentChannel.Payroll,
        "travel" => DocumentChannel.Travel,
        _ => throw new FormatException($"'{folder}' is not an inbox channel (einvoices, scanned, payroll, travel)"),
    };
}
