using System.Text.Json;
using System.Text.Json.Nodes;
using InvoicePipeline.Invoices;
using InvoicePipeline.Scanning;

namespace InvoicePipeline.Worker.Persistence;

/// <summary>
/// The one owner of what an invoice row keeps as JSON: the parsed document in <c>invoices.DocumentJson</c> (the
/// invoice itself, or <c>{ invoice, capture }</c> for a scan) and the VAT breakdown in <c>VatBreakdownJson</c>, with
/// the serializer options both are written and read with.
/// </summary>
public static class StoredDocument
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Scanned(Invoice Invoice, ScanCapture Capture);

    /// <summary>The document as stored: the invoice, or with its capture when it was scanned.</summary>
    public static string Write(Invoice invoice, ScanCapture? capture = null) =>
        capture is null ? JsonSerializer.Serialize(invoice, Json) : JsonSerializer.Serialize(new Scanned(invoice, capture), Json);

    public static Invoice Invoice(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var element = doc.RootElement.TryGetProperty("invoice", out var inner) ? inner : doc.RootElement;
        return element.Deserialize<Invoice>(Json)!;
    }

    /// <summary>The invoice and, for a scan, its capture (null for an e-invoice).</summary>
    public static (Invoice Invoice, ScanCapture? Capture) Read(string json)
    {
        var node = JsonNode.Parse(json)!;
        return node["capture"] is { } capture
            ? (node["invoice"]!.Deserialize<Invoice>(Json)!, capture.Deserialize<ScanCapture>(Json)!)
            : (node.Deserialize<Invoice>(Json)!, null);
    }

    /// <summary>The stored invoice with a reference a person chose (an order number or a contract reference) in place of its own.</summary>
    public static Invoice WithReference(string json, string? orderReference, string? contractReference)
    {
        var root = JsonNode.Parse(json)!;
        var node = root["invoice"] ?? root;
        if (orderReference is not null) node["orderReference"] = orderReference;
        if (contractReference is not null) node["contractReference"] = contractReference;
        return node.Deserialize<Invoice>(Json)!;
    }

    public static string WriteVat(IReadOnlyList<VatBreakdown> breakdown) => JsonSerializer.Serialize(breakdown, Json);

    /// <summary>
    /// The stored VAT breakdown. The shape <see cref="WriteVat"/> writes (an array of objects with all six properties in
    /// declaration order, numbers as numbers) is read straight off a <see cref="Utf8JsonReader"/>, one per invoice being
    /// too many for the serializer's general path when posting; anything else goes to the serializer with the options
    /// it was written with, so both read the same.
    /// </summary>
    public static List<VatBreakdown> ReadVat(string json) =>
        TryReadVatShape(json) ?? JsonSerializer.Deserialize<List<VatBreakdown>>(json, Json) ?? [];

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static List<VatBreakdown>? TryReadVatShape(string json)
    {
        if (json.Length > 1024) return null;
        Span<byte> utf8 = stackalloc byte[StrictUtf8.GetMaxByteCount(json.Length)];
        var reader = new Utf8JsonReader(utf8[..StrictUtf8.GetBytes(json, utf8)]);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) return null;
        var list = new List<VatBreakdown>(1);
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            if (!String(ref reader, "category"u8, out var category) || category is null
                || !Number(ref reader, "rate"u8, nullable: true, out var rate)
                || !Number(ref reader, "taxableAmount"u8, nullable: false, out var taxable)
                || !Number(ref reader, "taxAmount"u8, nullable: false, out var tax)
                || !String(ref reader, "exemptionReasonCode"u8, out var reasonCode)
                || !String(ref reader, "exemptionReason"u8, out var reason)
                || !reader.Read() || reader.TokenType != JsonTokenType.EndObject)
                return null;
            list.Add(new VatBreakdown(category, rate, taxable!.Value, tax!.Value, reasonCode, reason));
        }
        return reader.TokenType == JsonTokenType.EndArray && !reader.Read() ? list : null;

        static bool Name(ref Utf8JsonReader r, ReadOnlySpan<byte> name) =>
            r.Read() && r.TokenType == JsonTokenType.PropertyName && !r.ValueIsEscaped && r.ValueTextEquals(name) && r.Read();

        static bool String(ref Utf8JsonReader r, ReadOnlySpan<byte> name, out string? value)
        {
            value = null;
            if (!Name(ref r, name)) return false;
            if (r.TokenType == JsonTokenType.String) value = r.GetString();
            return r.TokenType is JsonTokenType.String or JsonTokenType.Null;
        }

        static bool Number(ref Utf8JsonReader r, ReadOnlySpan<byte> name, bool nullable, out decimal? value)
        {
            value = null;
            if (!Name(ref r, name)) return false;
            if (r.TokenType == JsonTokenType.Null) return nullable;
            if (r.TokenType != JsonTokenType.Number || !r.TryGetDecimal(out var d)) return false;
            value = d;
            return true;
        }
    }
}
