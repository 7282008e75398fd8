using System.Text.Unicode;

namespace InvoicePipeline.Worker.Csv;

/// <summary>
/// Checks on a CSV file's bytes before a row is parsed, so that a bad file is refused whole with the place named
/// instead of half-read: bytes that are not UTF-8 (the parser would replace them silently), a record longer than
/// the configured maximum (an unterminated quote would otherwise swallow the rest of the file into one cell), and,
/// for files taken from the inbox, a last line without its newline (a file cut off or still being written).
/// </summary>
public static class CsvBytes
{
    /// <summary>Largest record (a row, with any quoted line breaks) accepted by default: far above any real row.</summary>
    public const int DefaultMaxRecordBytes = 64 * 1024;

    /// <summary>The first problem found, or null. Lines are counted from 1 (the header).</summary>
    public static CsvError? Check(ReadOnlySpan<byte> content, string file, int maxRecordBytes, bool requireFinalNewline)
    {
        if (content.StartsWith("\uFEFF"u8)) content = content[3..];
        if (!Utf8.IsValid(content)) return new CsvError(file, LineOf(content, FirstInvalidUtf8(content)), null, "the bytes here are not UTF-8 (save the file as UTF-8)");
        long line = 1, recordLine = 1;
        int recordStart = 0, i = 0;
        var quoted = false;
        while (true)
        {
            var next = content[i..].IndexOfAny((byte)'"', (byte)'\n');
            if (next < 0) break;
            i += next;
            if (content[i] == '"') quoted = !quoted;
            else
            {
                line++;
                if (!quoted)
                {
                    if (i + 1 - recordStart > maxRecordBytes) return TooLong(file, recordLine, maxRecordBytes);
                    (recordStart, recordLine) = (i + 1, line);
                }
            }
            i++;
        }
        if (content.Length - recordStart > maxRecordBytes) return TooLong(file, recordLine, maxRecordBytes);
        if (quoted) return new CsvError(file, recordLine, null, "a quote opened in this record is never closed");
        if (requireFinalNewline && content.Length > 0 && content[^1] != '\n')
            return new CsvError(file, line, null, "the last line has no newline: the file is incomplete (cut off or still being written) and is not taken");
        return null;
    }

    private static CsvError TooLong(string file, long line, int max) =>
        new(file, line, null, $"the record starting on this line is longer than {max} bytes (an unterminated quote?)");

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> content)
    {
        var at = 0;
        while (at < content.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(content[at..], out _, out var consumed) != System.Buffers.OperationStatus.Done) return at;
            at += consumed;
        }
        return at;
    }

    private static long LineOf(ReadOnlySpan<byte> content, int offset) => 1 + content[..offset].Count((byte)'\n');
}
