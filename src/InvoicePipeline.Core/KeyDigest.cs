using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace InvoicePipeline;

/// <summary>
/// A key held as 128 bits (SHA-256 of its UTF-8, truncated) instead of its string, for sets of millions of keys that
/// only need "seen before?": two different keys share a digest with a probability of about 2⁻¹²⁸ per pair.
/// </summary>
public static class KeyDigest
{
    public static UInt128 Of(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
