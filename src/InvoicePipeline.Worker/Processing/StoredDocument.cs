using System.Text.Json;
using InvoicePipeline.Invoices;

namespace InvoicePipeline.Worker.Processing;

/// <summary>Reads the parsed document kept in invoices.DocumentJson: the invoice itself, or { invoice, capture } for a scan.</summary>
public static class StoredDocument
{
    public static Invoice Invoice(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var element = doc.RootElement.TryGetProperty("invoice", out var inner) ? inner : doc.RootElement;
        return element.Deserialize<Invoice>(ChunkJob.Json)!;
    }
}
