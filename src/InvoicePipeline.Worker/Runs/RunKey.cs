using System.Security.Cryptography;
using System.Text;

namespace InvoicePipeline.Worker.Runs;

/// <summary>A run's identity: kind, posting date and the hash of its inputs' hashes.</summary>
public static class RunKey
{
    public static string InputHash(IEnumerable<string> fileHashes)
    {
        var joined = string.Join('\n', fileHashes.Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }

    public static string For(string kind, DateOnly postingDate, string inputHash) =>
        $"{kind}:{postingDate:yyyy-MM-dd}:{inputHash[..16]}";
}
