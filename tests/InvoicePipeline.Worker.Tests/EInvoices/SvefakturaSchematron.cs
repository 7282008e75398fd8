using System.Text.RegularExpressions;
using System.Xml.Linq;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>One failed assert of the official schematron: our id for it (by its place in the artefact), flag, location.</summary>
internal sealed record OfficialAssert(string Id, string Flag, string Location);

/// <summary>
/// Runs the official Svefaktura 1.0 schematron (compiled XSLT, read in place from ../shared) with Saxon HE over a
/// folder of documents in one Java process, and reads the SVRL. Our rule ids are derived from the artefact itself:
/// the n-th assert flagged fatal is SFTI-Fnn, the n-th warning SFTI-Wnn, the n-th information SFTI-Inn, each assert
/// identified by its rule context and test (unique in the artefact).
/// </summary>
internal static partial class SvefakturaSchematron
{
    private static readonly XNamespace Xsl = "http://www.w3.org/1999/XSL/Transform";
    private static readonly XNamespace Svrl = "http://purl.oclc.org/dsdl/svrl";

    public static string XsltPath => SharedSamples.PathTo("samples", "einvoice-validation", "svefaktura-1.0", "svenfaktura-1.0-sch.xslt");

    /// <summary>(rule context, assert test) → our id and the official flag, in the artefact's order.</summary>
    public static Dictionary<(string Context, string Test), (string Id, string Flag)> Ids(string xslt)
    {
        var ids = new Dictionary<(string, string), (string, string)>();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var template in XDocument.Load(xslt).Root!.Elements(Xsl + "template"))
        {
            var context = (string?)template.Attribute("match") ?? "";
            foreach (var assert in template.Descendants(Svrl + "failed-assert"))
            {
                var flag = assert.Elements(Xsl + "attribute").Single(a => (string?)a.Attribute("name") == "flag").Value.Trim();
                var n = counts[flag] = counts.GetValueOrDefault(flag) + 1;
                var prefix = flag switch { "fatal" => "F", "warning" => "W", _ => "I" };
                ids.Add((context, (string)assert.Attribute("test")!), ($"SFTI-{prefix}{n:00}", flag));
            }
        }
        return ids;
    }

    /// <summary>Every document of the folder through the official XSLT: file name → failed asserts.</summary>
    public static Dictionary<string, List<OfficialAssert>> Run(string inputFolder)
    {
        var xslt = XsltPath;
        var ids = Ids(xslt);
        var output = Path.Combine(Path.GetDirectoryName(inputFolder)!, "svrl");
        Saxon.TransformFolder(inputFolder, xslt, output);

        var results = new Dictionary<string, List<OfficialAssert>>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(inputFolder))
        {
            var svrl = Path.Combine(output, Path.GetFileName(file));
            Assert.True(File.Exists(svrl), $"Saxon wrote no SVRL for {Path.GetFileName(file)}");
            var found = new List<OfficialAssert>();
            var context = "";
            foreach (var e in XDocument.Load(svrl).Root!.Elements())
            {
                if (e.Name == Svrl + "fired-rule") context = (string)e.Attribute("context")!;
                else if (e.Name == Svrl + "failed-assert")
                {
                    var (id, flag) = ids[(context, (string)e.Attribute("test")!)];
                    Assert.Equal(flag, (string)e.Attribute("flag")!);
                    found.Add(new OfficialAssert(id, flag, NormalizeLocation((string)e.Attribute("location")!)));
                }
            }
            results[Path.GetFileName(file)] = found;
        }
        return results;
    }

    /// <summary>/*[local-name()='Invoice']/*[local-name()='InvoiceLine'][2] and /Invoice/cac:InvoiceLine[2] → /Invoice/InvoiceLine[2].</summary>
    public static string NormalizeLocation(string location) => Prefix().Replace(LocalName().Replace(location, "$1"), "/");

    [GeneratedRegex(@"\*\[local-name\(\)='([^']+)'\]")]
    private static partial Regex LocalName();

    [GeneratedRegex(@"/[A-Za-z0-9_.-]+:")]
    private static partial Regex Prefix();
}
