using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using InvoicePipeline.Worker.Ingestion.EInvoices;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>
/// The OIOUBL rules against the official OIOUBL 2.1 schematron (1.17.2, run with Saxon HE at test time): on every
/// official OIOUBL sample our fatal rule ids are the official ones, and for each mutant of an official sample (one
/// rule broken, built in memory below) we raise the rule(s) the artefact raises, and only those. All documents go to
/// one temporary folder and through one Saxon process per artefact (Invoice, CreditNote), so Java runs twice.
/// </summary>
public sealed partial class OioublRuleFacts(OioublRuleFacts.OfficialRun official) : IClassFixture<OioublRuleFacts.OfficialRun>
{
    private const string Invoice = "oioubl-2.1/OIOUBL_Invoice_v2p2.xml";
    private const string CreditNote = "oioubl-2.1/OIOUBL_CreditNote_v2p2.xml";

    [Fact]
    public void OfficialSamples_GetExactlyTheOfficialFatalRules()
    {
        var results = official.Results();
        var disagreements = new List<string>();
        foreach (var sample in OfficialRun.Samples())
        {
            var ours = OurFatalIds(File.ReadAllBytes(SharedSamples.PathTo("samples", "einvoice", sample)), sample);
            var theirs = results[OfficialRun.FileName(sample)];
            if (!ours.SetEquals(theirs)) disagreements.Add($"{sample}: official [{string.Join(' ', theirs.Order())}], ours [{string.Join(' ', ours.Order())}]");
            // The current OIOUBL 2.1 samples are clean (some 2.02 legacy samples break 2.1 rules, and we agree on which).
            if (sample.StartsWith("oioubl-2.1/", StringComparison.Ordinal) && ours.Count > 0) disagreements.Add($"{sample}: not clean for us");
        }
        Assert.True(OfficialRun.Samples().Count >= 27);
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
    }

    [Fact]
    public void Mutants_RaiseExactlyTheRulesTheOfficialArtefactRaises()
    {
        var results = official.Results();
        var disagreements = new List<string>();
        var rules = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in OfficialRun.Mutants)
        {
            var ours = OurFatalIds(m.Bytes, m.FileName);
            var theirs = results[m.FileName];
            var expected = m.Expected.ToHashSet(StringComparer.Ordinal);
            if (!theirs.SetEquals(expected)) disagreements.Add($"{m.FileName}: the mutant does not do what it says: official [{string.Join(' ', theirs.Order())}], expected [{string.Join(' ', expected.Order())}]");
            if (!ours.SetEquals(theirs)) disagreements.Add($"{m.FileName}: official [{string.Join(' ', theirs.Order())}], ours [{string.Join(' ', ours.Order())}]");
            if (m.Expected.Length > 0) rules.Add(m.Expected[0]);
        }
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
        Assert.True(rules.Count >= 60, $"only {rules.Count} rules have a mutant");
    }

    private static HashSet<string> OurFatalIds(byte[] bytes, string name)
    {
        var result = EInvoiceReader.Read(bytes, name);
        if (result.Invoice is null) return [$"unread: {result.Rejection?.Reason}"];
        return result.Findings.Where(f => f.IsFatal).Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A copy of an official sample with one change; Expected[0] is the rule it is about (none for a control).</summary>
    public sealed record Mutant(string FileName, bool IsCreditNote, byte[] Bytes, string[] Expected);

    /// <summary>Writes the samples and the mutants to a temporary folder and runs the official artefacts over it once.</summary>
    public sealed partial class OfficialRun : IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "oioubl-rules-" + Guid.NewGuid().ToString("N"));
        private Dictionary<string, HashSet<string>>? _results;

        private static readonly Lazy<IReadOnlyList<Mutant>> LazyMutants = new(BuildMutants);

        public static IReadOnlyList<Mutant> Mutants => LazyMutants.Value;

        public static IReadOnlyList<string> Samples() =>
            new[] { "oioubl-2.1", "oioubl-2.02-legacy" }
                .SelectMany(d => Directory.GetFiles(SharedSamples.PathTo("samples", "einvoice", d), "*.xml").Select(f => d + "/" + Path.GetFileName(f)))
                .Order(StringComparer.Ordinal).ToList();

        public static string FileName(string sample) => "sample_" + sample.Replace('/', '_');

        /// <summary>The official fatal ids per file name; skips (fails on CI) without Java or Saxon.</summary>
        public Dictionary<string, HashSet<string>> Results()
        {
            if (_results is not null) return _results;
            var artefacts = SharedSamples.PathTo("samples", "einvoice-validation", "oioubl-2.1-1.17.2");
            var invoices = Path.Combine(_folder, "Invoice");
            var creditNotes = Path.Combine(_folder, "CreditNote");
            Directory.CreateDirectory(invoices);
            Directory.CreateDirectory(creditNotes);
            foreach (var sample in Samples())
            {
                var bytes = File.ReadAllBytes(SharedSamples.PathTo("samples", "einvoice", sample));
                var isCreditNote = XDocument.Load(new MemoryStream(bytes)).Root!.Name.LocalName == "CreditNote";
                File.WriteAllBytes(Path.Combine(isCreditNote ? creditNotes : invoices, FileName(sample)), bytes);
            }
            foreach (var m in Mutants) File.WriteAllBytes(Path.Combine(m.IsCreditNote ? creditNotes : invoices, m.FileName), m.Bytes);
            var runs = new[] { (invoices, "OIOUBL_Invoice_Schematron.xsl"), (creditNotes, "OIOUBL_CreditNote_Schematron.xsl") }
                .Select(r => Task.Run(() => RunOfficial(r.Item1, Path.Combine(artefacts, r.Item2)))).ToArray();
            _results = runs.SelectMany(t => t.GetAwaiter().GetResult()).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            return _results;
        }

        private static Dictionary<string, HashSet<string>> RunOfficial(string input, string xsl)
        {
            var output = input + "-out";
            Saxon.TransformFolder(input, xsl, output);
            var results = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var file in Directory.GetFiles(input))
            {
                var report = XDocument.Load(Path.Combine(output, Path.GetFileName(file)));
                results[Path.GetFileName(file)] = report.Descendants("Description")
                    .Select(d => OfficialId().Match(d.Value)).Where(m => m.Success).Select(m => m.Groups[1].Value)
                    .ToHashSet(StringComparer.Ordinal);
            }
            return results;
        }

        [GeneratedRegex(@"\[(F-[A-Z]+\d+)\]")]
        private static partial Regex OfficialId();

        public void Dispose()
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }
    }
}
