using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>
/// Output files that are never half-written and never replace another: written to a temporary file in the same folder,
/// flushed to disk, then renamed to the name (a rename that refuses an existing file). Used after the transaction that
/// decided the content has committed, so a crash leaves either no file or the whole one, and the database can write it again.
/// </summary>
public static class NewFiles
{
    /// <summary>
    /// Streams a file that may replace an earlier one of the same name (a report written again, an export): written to
    /// a temporary file beside it, flushed to disk, and renamed over the name only when complete. A full disk (or any
    /// other write error) leaves the name as it was, removes the temporary file, and says so naming the file.
    /// </summary>
    public static async Task<T> WriteAsync<T>(string path, Func<Stream, Task<T>> write, CancellationToken ct)
    {
        path = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            T result;
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            {
                result = await write(stream);
                await stream.FlushAsync(ct);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            return result;
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new ConfigurationException($"'{path}' was not written ({e.Message}); nothing was left under that name");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The same for text: UTF-8 without a byte-order mark.</summary>
    public static Task<T> WriteTextAsync<T>(string path, Func<TextWriter, Task<T>> write, CancellationToken ct) =>
        WriteAsync(path, async stream =>
        {
            await using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 64 * 1024, leaveOpen: true);
            var result = await write(writer);
            await writer.FlushAsync(ct);
            return result;
        }, ct);

    /// <summary>Writes the file; an existing file with the same content is left as it is (writing again is harmless), another is an error.</summary>
    public static void Write(string path, byte[] content)
    {
        path = Path.GetFullPath(path);
        if (File.Exists(path))
        {
            if (File.ReadAllBytes(path).AsSpan().SequenceEqual(content)) return;
            throw new ConfigurationException($"'{path}' already exists and is not overwritten");
        }
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                throw new ConfigurationException($"'{path}' already exists and is not overwritten");
            }
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
