using System.Xml;
using BenchmarkDotNet.Attributes;
using InvoicePipeline.Worker.Generation;
using InvoicePipeline.Worker.Ingestion.EInvoices;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// Read + validate of typical invoices — what the nightly run receives: the well-formed ones of 1,000 generated Peppol BIS 3
/// invoices and credit notes of 1–4 lines (about 4.5 KB each), beside a bare XmlReader pass over the same bytes.
/// One operation = all of those files once, single thread.
/// </summary>
[MemoryDiagnoser]
// Warm-up left to BenchmarkDotNet (until steady): the first iterations run before tiered JIT has finished and are not the steady state.
[SimpleJob(launchCount: 1, iterationCount: 15)]
public class TypicalInvoiceBenchmarks
{
    private (string Name, byte[] Bytes)[] _files = [];

    [GlobalSetup]
    public void Setup()
    {
        var folder = Directory.CreateTempSubdirectory("ip-typical-").FullName;
        InvoiceGenerator.Write(folder, 1000, seed: 7);
        // The generator also writes the broken files of the exception mix (truncated, not XML): typical means well-formed.
        _files = [.. Directory.EnumerateFiles(Path.Combine(folder, "inbox", "einvoices")).Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).Where(f => WellFormed(f.Item2))];
        Directory.Delete(folder, recursive: true);
        Console.WriteLine($"// {_files.Length} files, {_files.Sum(f => (long)f.Bytes.Length) / _files.Length:N0} bytes on average");
    }

    private static bool WellFormed(byte[] bytes)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read()) { }
            return true;
        }
        catch (XmlException)
        {
            return false;
        }
    }

    [Benchmark(Baseline = true)]
    public long BareXmlReader() => ReadPasses.Bare(_files);

    [Benchmark]
    public int ReadAndValidate() => ReadPasses.ReadAndValidate(_files);
}
