using System.Text.Json;
using InvoicePipeline.Invoices;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// The stored VAT breakdown (invoices.VatBreakdownJson). The shape <see cref="Processing.ChunkJob"/> writes (an array
/// of objects with all six properties in declaration order, numbers as numbers) is read straight off a
/// <see cref="Utf8JsonReader"/>, one per invoice being too many for the serializer's general path; anything else goes
/// to the serializer with the options it was written with, so both read the same.
/// </summary>
/// <remarks>Belongs with the stored document's one owner (what writes the JSON reads it); here until that owner exists.</remarks>
public static class StoredVatBreakdown
{
    public static List<VatBreakdown> Read(string json) =>
        TryReadStoredShape(json) ?? JsonSerializer.Deserialize<List<VatBreakdown>>(json, Processing.ChunkJob.Json) ?? [];

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static List<VatBreakdown>? TryReadStoredShape(string json)
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
