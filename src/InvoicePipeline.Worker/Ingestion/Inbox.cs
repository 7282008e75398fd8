using System.Security.Cryptography;

namespace InvoicePipeline.Worker.Ingestion;

public sealed record InboxFile(string Path, string Channel, string RelativeName);

/// <summary>The inbox layout of data-formats.md: einvoices/, scanned/, payroll/. Files are never changed or deleted.</summary>
public static class Inbox
{
    public static readonly IReadOnlyDictionary<string, string[]> Channels = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["einvoices"] = [".xml"],
        ["scanned"] = [".pdf", ".png", ".tif", ".tiff", ".jpg", ".jpeg"],
        ["payroll"] = [".csv"],
    };

    public static IReadOnlyList<InboxFile> List(string inbox)
    {
        if (!Directory.Exists(inbox)) throw new Persistence.ConfigurationException($"inbox folder '{inbox}' does not exist");
        var files = new List<InboxFile>();
        foreach (var (channel, extensions) in Channels)
        {
            var dir = Path.Combine(inbox, channel);
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.TopDirectoryOnly))
            {
                if (!extensions.Contains(Path.GetExtension(f).ToLowerInvariant())) continue;
                files.Add(new InboxFile(f, channel, channel + "/" + Path.GetFileName(f)));
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativeName, b.RelativeName));
        return files;
    }

    public static async Task<string> HashAsync(string path, CancellationToken ct)
    {
        await using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(s, ct));
    }
}
