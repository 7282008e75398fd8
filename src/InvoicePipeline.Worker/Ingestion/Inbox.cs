using System.Security.Cryptography;

namespace InvoicePipeline.Worker.Ingestion;

/// <summary>An inbox file: the inbox folder (one string shared by all its files) and the name under it, so a listing of
/// a million files holds a million short names, not a million full paths.</summary>
public sealed record InboxFile(string Root, DocumentChannel Channel, string RelativeName)
{
    public string Path => System.IO.Path.Combine(Root, RelativeName);
}

/// <summary>A file in the inbox that is not taken, with why (a symbolic link; not yet settled).</summary>
public sealed record InboxRefusal(string RelativeName, string Reason);

/// <summary>
/// The inbox layout of data-formats.md: einvoices/, scanned/, payroll/, travel/ (scanned/ and payroll/ also one folder
/// deep, per organisation: organisations.md). Files are never changed or deleted.
/// </summary>
public static class Inbox
{
    public static readonly IReadOnlyDictionary<DocumentChannel, string[]> Channels = new Dictionary<DocumentChannel, string[]>
    {
        [DocumentChannel.EInvoices] = [".xml"],
        [DocumentChannel.Scanned] = [".pdf", ".png", ".tif", ".tiff", ".jpg", ".jpeg"],
        [DocumentChannel.Payroll] = [".csv"],
        [DocumentChannel.Travel] = [".csv"],
    };

    /// <summary>A sender that writes <c>NAME.done</c> beside <c>NAME</c> when it has finished: the file is settled at once.</summary>
    public const string DoneMarker = ".done";

    /// <summary>
    /// The inbox's files in name order. Symbolic links (a file or a channel folder) are never followed: they are
    /// refused with the reason, so the inbox cannot be made to read files from elsewhere on the machine.
    /// </summary>
    public static IReadOnlyList<InboxFile> List(string inbox, List<InboxRefusal>? refused = null)
    {
        if (!Directory.Exists(inbox)) throw new Persistence.ConfigurationException($"inbox folder '{inbox}' does not exist");
        var files = new List<InboxFile>();
        var root = System.IO.Path.GetFullPath(inbox);
        foreach (var (channel, extensions) in Channels)
        {
            var folder = channel.Folder();
            var dir = new DirectoryInfo(System.IO.Path.Combine(root, folder));
            if (!dir.Exists) continue;
            if (dir.LinkTarget is not null)
            {
                refused?.Add(new InboxRefusal(folder + "/", "the channel folder is a symbolic link; links are not followed"));
                continue;
            }
            foreach (var f in dir.EnumerateFiles("*", SearchOption.TopDirectoryOnly))
            {
                if (!extensions.Contains(f.Extension.ToLowerInvariant())) continue;
                var name = folder + "/" + f.Name;
                if (f.LinkTarget is not null) refused?.Add(new InboxRefusal(name, "a symbolic link; links are not followed"));
                else files.Add(new InboxFile(root, channel, name));
            }
            // Scans and payroll files may be sorted per customer organisation: scanned/<organisation_id>/, payroll/<organisation_id>/.
            if (channel == DocumentChannel.EInvoices) continue;
            foreach (var sub in dir.EnumerateDirectories("*", SearchOption.TopDirectoryOnly))
            {
                if (sub.LinkTarget is not null)
                {
                    refused?.Add(new InboxRefusal(folder + "/" + sub.Name + "/", "the organisation folder is a symbolic link; links are not followed"));
                    continue;
                }
                foreach (var f in sub.EnumerateFiles("*", SearchOption.TopDirectoryOnly))
                {
                    if (!extensions.Contains(f.Extension.ToLowerInvariant())) continue;
                    var name = folder + "/" + sub.Name + "/" + f.Name;
                    if (f.LinkTarget is not null) refused?.Add(new InboxRefusal(name, "a symbolic link; links are not followed"));
                    else files.Add(new InboxFile(root, channel, name));
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativeName, b.RelativeName));
        refused?.Sort((a, b) => string.CompareOrdinal(a.RelativeName, b.RelativeName));
        return files;
    }

    /// <summary>
    /// The files that have finished arriving: a file with a <see cref="DoneMarker"/> beside it, or whose size and
    /// modification time stay unchanged for <paramref name="interval"/>. Only files modified within the interval are
    /// watched (once for the whole listing, so a night waits at most one interval); a file still changing is left
    /// for the next run. File times are the file system's, so this uses the machine's clock, not the business clock.
    /// </summary>
    public static async Task<List<(InboxFile File, FileStamp Stamp)>> SettledAsync(IReadOnlyList<InboxFile> files, TimeSpan interval, List<InboxRefusal> unsettled, CancellationToken ct)
    {
        var settled = new List<(InboxFile, FileStamp)>(files.Count);
        var young = new List<(InboxFile File, FileStamp Stamp)>();
        var recent = TimeProvider.System.GetUtcNow() - interval;
        foreach (var f in files)
        {
            if (FileStamp.Of(f.Path) is not { } stamp) continue; // gone since the listing
            if (interval <= TimeSpan.Zero || File.Exists(f.Path + DoneMarker) || stamp.ModifiedUtc < recent.UtcDateTime) settled.Add((f, stamp));
            else young.Add((f, stamp));
        }
        if (young.Count == 0) return settled;
        await Task.Delay(interval, TimeProvider.System, ct);
        foreach (var (f, stamp) in young)
        {
            if (FileStamp.Of(f.Path) == stamp) settled.Add((f, stamp));
            else unsettled.Add(new InboxRefusal(f.RelativeName, $"still changing (size or modification time changed within {interval.TotalSeconds:0.#} s); taken by a later run once settled"));
        }
        settled.Sort((a, b) => string.CompareOrdinal(a.Item1.RelativeName, b.Item1.RelativeName));
        return settled;
    }

    /// <summary>
    /// The organisation folder an inbox file was sorted into (<c>scanned/&lt;organisation_id&gt;/file</c>,
    /// <c>payroll/&lt;organisation_id&gt;/file</c>), or null for a file at the top of its channel folder.
    /// </summary>
    public static string? OrganisationFolder(string relativeName)
    {
        var parts = relativeName.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length >= 3 ? parts[^2] : null;
    }

    public static async Task<string> HashAsync(string path, CancellationToken ct) => Convert.ToHexStringLower(await HashBytesAsync(path, ct));

    public static async Task<byte[]> HashBytesAsync(string path, CancellationToken ct)
    {
        await using var s = File.OpenRead(path);
        return await SHA256.HashDataAsync(s, ct);
    }
}

/// <summary>A file's size and modification time: equal stamps before and after a read mean the read saw one whole file.</summary>
public readonly record struct FileStamp(long Size, DateTime ModifiedUtc)
{
    public static FileStamp? Of(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : null;
    }
}
