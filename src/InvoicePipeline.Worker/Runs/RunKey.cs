using System.Security.Cryptography;
using System.Text;

namespace InvoicePipeline.Worker.Runs;

/// <summary>A run's identity: kind, posting date and the hash of its inputs' hashes.</summary>
public static class RunKey
{
    public static string InputHash(IEnumerable<string> fileHashes) => InputHash(fileHashes.Select(Convert.FromHexString).ToList());

    /// <summary>
    /// SHA-256 of the files' SHA-256 values in lowercase hex, sorted, joined by newlines — computed from the raw 32-byte
    /// values (byte order sorts like their lowercase hex), streamed into the hash: 32 bytes a file, not a joined string.
    /// </summary>
    public static string InputHash(List<byte[]> fileHashes)
    {
        fileHashes.Sort((a, b) => a.AsSpan().SequenceCompareTo(b));
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> hex = stackalloc byte[65];
        for (var i = 0; i < fileHashes.Count; i++)
        {
            Convert.TryToHexStringLower(fileHashes[i], hex, out _);
            hex[64] = (byte)'\n';
            sha.AppendData(i == fileHashes.Count - 1 ? hex[..64] : hex);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    public static string For(string kind, DateOnly postingDate, string inputHash) =>
        $"{kind}:{postingDate:yyyy-MM-dd}:{inputHash[..16]}";
}
