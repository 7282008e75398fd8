using System.Xml;
using System.Xml.Schema;
using BenchmarkDotNet.Attributes;
using InvoicePipeline.Worker.Ingestion.EInvoices;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// Read + validate over the real Peppol/CEN/OIOUBL sample files, against a bare XmlReader pass over the same bytes
/// (the floor), and the cost of adding UBL 2.1 XSD validation. One operation = all files once.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, iterationCount: 10)]
public class EInvoiceBenchmarks
{
    private (string Name, byte[] Bytes)[] _files = [];
    private XmlSchemaSet _schemas = null!;

    [GlobalSetup]
    public void Setup()
    {
        var shared = Environment.GetEnvironmentVariable("INVOICEPIPELINE_SHARED") ?? "/work/shared";
        var folder = Path.Combine(shared, "samples", "einvoice");
        _files = [.. File.ReadAllLines(Path.Combine(folder, "VALIDATION_RESULTS.tsv")).Skip(1)
            .Select(l => l.Split('\t')[0]).Select(f => (f, File.ReadAllBytes(Path.Combine(folder, f))))];
        _schemas = UblSchema.Load(Path.Combine(shared, "samples", "einvoice-validation", "ubl-2.1-xsd"));
    }

    public int Files => _files.Length;

    [Benchmark(Baseline = true)]
    public long BareXmlReader() => ReadPasses.Bare(_files);

    [Benchmark]
    public int ReadAndValidate() => ReadPasses.ReadAndValidate(_files);

    [Benchmark]
    public int ReadValidateAndXsd()
    {
        var findings = 0;
        foreach (var (name, bytes) in _files)
        {
            findings += EInvoiceReader.Read(bytes, name).Findings.Count;
            findings += UblSchema.Validate(bytes, _schemas).Count;
        }
        return findings;
    }
}

/// <summary>The two passes both read benchmarks time: the floor (a bare XmlReader over the bytes) and ours.</summary>
internal static class ReadPasses
{
    public static long Bare((string Name, byte[] Bytes)[] files)
    {
        long nodes = 0;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        foreach (var (_, bytes) in files)
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            while (reader.Read()) nodes++;
        }
        return nodes;
    }

    public static int ReadAndValidate((string Name, byte[] Bytes)[] files)
    {
        var findings = 0;
        foreach (var (name, bytes) in files) findings += EInvoiceReader.Read(bytes, name).Findings.Count;
        return findings;
    }
}
