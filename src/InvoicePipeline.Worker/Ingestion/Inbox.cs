using System.Security.Cryptography;

namespace InvoicePipeline.Worker.Ingestion;

/// <summary>An inbox file: the inbox folder (one string shared by all its files) and the name under it, so a listing of
/// a million files holds a million short names, not a million full paths.</summary>
public sealed record InboxFile(string Root, DocumentChannel Channel, string RelativeName)
{
    public string Path => System.IO.Path.Combine(Root, RelativeName);
}

/// <summary>The inbox layout of data-formats.md: einvoices/, scanned/, payroll/, travel/. Files are never changed or deleted.</summary>
public static class Inbox
{
    public static readonly IReadOnlyDictionary<DocumentChannel, string[]> Channels = new Dictionary<DocumentChannel, string[]>
    {
        [DocumentChannel.EInvoices] = [".xml"],
        [DocumentChannel.Scanned] = [".pdf", ".png", ".tif", ".tiff", ".jpg", ".jpeg"],
        [DocumentChannel.Payroll] = [".csv"],
        [DocumentChannel.Travel] = [".csv"],
    };

    public static IReadOnlyList<InboxFile> List(string inbox)
    {
        if (!Directory.Exists(inbox)) throw new Persistence.ConfigurationException($"inbox folder '{inbox}' does not exist");
        var files = new List<InboxFile>();
        var root = System.IO.Path.GetFullPath(inbox);
        foreach (var (channel, extensions) in Channels)
        {
            var dir = System.IO.Path.Combine(root, channel.Folder());
            if (!Directory.Exists(dir)) continue;
            foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.TopDirectoryOnly))
            {
                if (!extensions.Contains(System.IO.Path.GetExtension(f).ToLowerInvariant())) continue;
                files.Add(new InboxFile(root, channel, channel.Folder() + "/" + System.IO.Path.GetFileName(f)));
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativeName, b.RelativeName));
        return files;
    }

    public static async Task<string> HashAsync(string path, CancellationToken ct) => Convert.ToHexStringLower(await HashBytesAsync(path, ct));

    public static async Task<byte[]> HashBytesAsync(string path, CancellationToken ct)
    {
        await using var s = File.OpenRead(path);
        return await SHA256.HashDataAsync(s, ct);
    }
}
