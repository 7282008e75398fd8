using System.Security.Cryptography;
using System.Text;
using InvoicePipeline.Worker.Runs;

namespace InvoicePipeline.Worker.Tests.EndToEnd;

public sealed class RunKeyFacts
{
    [Fact]
    public void InputHash_IsTheHashOfTheSortedHexHashesJoinedByNewlines_WhateverTheOrderGiven()
    {
        var hashes = Enumerable.Range(0, 500).Select(i => Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(i)))).ToList();
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', hashes.Order(StringComparer.Ordinal)))));

        Assert.Equal(expected, RunKey.InputHash(hashes));
        Assert.Equal(expected, RunKey.InputHash(Enumerable.Reverse(hashes)));
        Assert.Equal(expected, RunKey.InputHash(hashes.Select(Convert.FromHexString).ToList()));
        Assert.NotEqual(expected, RunKey.InputHash(hashes.Skip(1)));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), RunKey.InputHash(new List<byte[]>()));
    }
}
