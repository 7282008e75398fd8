using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>
/// Output files that are never half-written and never replace another: written to a temporary file in the same folder,
/// flushed to disk, then renamed to the name (a rename that refuses an existing file). Used after the transaction that
/// decided the content has committed, so a crash leaves either no file or the whole one, and the database can write it again.
/// </summary>
public static class NewFiles
{
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
