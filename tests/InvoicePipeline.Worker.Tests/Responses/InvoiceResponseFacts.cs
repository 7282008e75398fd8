using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using InvoicePipeline.Invoices;
using InvoicePipeline.Responses;
using InvoicePipeline.Worker.Responses;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.Responses;

/// <summary>
/// Every kind of supplier response, written by the product and judged by the official artefacts read in place from
/// ../shared: the Peppol BIS Invoice Response 3 schematron (T111, release 2026.5, and the Danish 3.0.15 compile), the
/// OIOUBL 2.1 ApplicationResponse schematron, and the UBL 2.1 ApplicationResponse XSD. A deliberately broken response
/// is run beside them, so the check is seen to bite.
/// </summary>
public sealed class InvoiceResponseFacts
{
    private static readonly XNamespace Svrl = "http://purl.oclc.org/dsdl/svrl";
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static readonly RaisedException RuleViolation = new(ExceptionCode.RuleViolation, "BR-CO-15: invoice total with VAT is not the sum of the total without VAT and the VAT (expected 1250.00, found 1200.00)");
    private static readonly RaisedException NoMatch = new(ExceptionCode.NoMatch, "no open order PO-4711 for the supplier");
    private static readonly RaisedException PriceVariance = new(ExceptionCode.PriceVariance, "line 2: unit price 120.00, order 100.00 (tolerance 2 %)");
    private static readonly RaisedException MissingCoding = new(ExceptionCode.MissingCoding, "line 1: no account for the cost centre");

    private static ResponseEnvelope Envelope(string id, bool creditNote = false, string buyerScheme = "0007", string buyerEndpoint = "2021004888",
        string sellerScheme = "0007", string sellerEndpoint = "5560360793") => new(
        id,
        Guid.Parse("6e09886b-dc6e-439f-82d1-7ccac7f4e3b1"),
        new DateTimeOffset(2026, 12, 7, 23, 15, 0, TimeSpan.FromHours(1)),
        new ResponseParty(new SchemedId(buyerEndpoint, buyerScheme), "Kammarkollegiet"),
        new ResponseParty(new SchemedId(sellerEndpoint, sellerScheme), "Leverantören AB"),
        "F-2026-118",
        new DateOnly(2026, 12, 1),
        creditNote);

    public static TheoryData<string> PeppolKinds => ["received", "underquery", "rejected-rules", "rejected-accountant", "accepted", "paid", "creditnote-rejected"];

    private static (ResponseEnvelope, SupplierResponse) Peppol(string kind) => kind switch
    {
        "received" => (Envelope("R-1"), SupplierResponses.Received(Today)),
        "underquery" => (Envelope("R-2"), SupplierResponses.UnderReview(Today, [NoMatch, PriceVariance, MissingCoding])!),
        "rejected-rules" => (Envelope("R-3"), SupplierResponses.Rejected(Today, [RuleViolation])),
        "rejected-accountant" => (Envelope("R-4"), SupplierResponses.Rejected(Today, [], "Fakturan avser en annan myndighet")),
        "accepted" => (Envelope("R-5"), SupplierResponses.Accepted(Today)),
        "paid" => (Envelope("R-6"), SupplierResponses.Paid(Today)),
        "creditnote-rejected" => (Envelope("R-7", creditNote: true, buyerScheme: "0088", buyerEndpoint: "7350000000016"), SupplierResponses.Rejected(Today, [RuleViolation])),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static readonly Lazy<Dictionary<string, List<XElement>>> PeppolRun = new(() =>
    {
        var docs = PeppolKinds.ToDictionary(k => k.Data + ".xml", k => { var (e, r) = Peppol(k.Data); return PeppolInvoiceResponse.Write(e, r); });
        // The bite: status RE with no clarification at all breaks PEPPOL-T111-R001.
        var (env, _) = Peppol("rejected-rules");
        docs["broken-rejected-without-reason.xml"] = PeppolInvoiceResponse.Write(env, new SupplierResponse("rejected", ResponseStatus.Rejected, Today, []));
        return Validate(docs, SharedSamples.PathTo("samples", "responses", "peppol-invoice-response-3", "validation-2026.5", "PEPPOLBIS-T111.xslt"));
    });

    [Theory]
    [MemberData(nameof(PeppolKinds))]
    public void PeppolResponse_PassesTheOfficialT111Schematron_WithoutAnyFatalOrWarning(string kind)
    {
        var failed = PeppolRun.Value[kind + ".xml"];
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(Describe)));
    }

    [Fact]
    public void PeppolResponse_WithoutAClarificationOnARejection_IsRefusedByTheOfficialSchematron()
    {
        var failed = PeppolRun.Value["broken-rejected-without-reason.xml"];
        Assert.Contains(failed, f => (string?)f.Attribute("id") == "PEPPOL-T111-R001" && (string?)f.Attribute("flag") == "fatal");
    }

    [Fact]
    public void PeppolResponse_PassesTheDanishPackageCompile()
    {
        var docs = PeppolKinds.ToDictionary(k => k.Data + ".xml", k => { var (e, r) = Peppol(k.Data); return PeppolInvoiceResponse.Write(e, r); });
        var results = Validate(docs, SharedSamples.PathTo("samples", "responses", "peppol-invoice-response-3", "validation-3.0.15-dk-package", "PEPPOLBIS-T111.xslt"));
        foreach (var (file, failed) in results)
        {
            var fatal = failed.Where(f => (string?)f.Attribute("flag") == "fatal").ToList();
            Assert.True(fatal.Count == 0, file + ": " + string.Join("\n", fatal.Select(Describe)));
        }
    }

    [Theory]
    [MemberData(nameof(PeppolKinds))]
    public void PeppolResponse_IsValidAgainstTheUbl21ApplicationResponseSchema(string kind)
    {
        var (e, r) = Peppol(kind);
        var errors = SchemaErrors(PeppolInvoiceResponse.Write(e, r));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Rejection_CarriesTheRuleIdAndAskForANewInvoice()
    {
        var (e, r) = Peppol("rejected-rules");
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(PeppolInvoiceResponse.Write(e, r)));
        XNamespace cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
        Assert.Equal("RE", doc.Descendants(cbc + "ResponseCode").Single().Value);
        var codes = doc.Descendants(cbc + "StatusReasonCode").Select(c => ((string)c.Attribute("listID")!, c.Value)).ToList();
        Assert.Equal([("OPStatusReason", "LEG"), ("OPStatusAction", "NIN")], codes);
        Assert.Contains("BR-CO-15", doc.Descendants(cbc + "StatusReason").First().Value, StringComparison.Ordinal);
        Assert.Equal("F-2026-118", doc.Descendants(cbc + "ID").Last().Value);
    }

    public static TheoryData<string> OioublKinds => ["received", "rejected", "accepted"];

    [Fact]
    public void OioublResponse_ForEveryStatusItCanSay_PassesTheOfficialOioublSchematron()
    {
        var docs = new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["received.xml"] = OioublApplicationResponse.Write(Oioubl("A-1"), SupplierResponses.Received(Today)),
            ["rejected.xml"] = OioublApplicationResponse.Write(Oioubl("A-2"), SupplierResponses.Rejected(Today, [RuleViolation], "Rabatten mangler")),
            ["accepted.xml"] = OioublApplicationResponse.Write(Oioubl("A-3"), SupplierResponses.Accepted(Today)),
            ["creditnote-accepted.xml"] = OioublApplicationResponse.Write(Oioubl("A-4", creditNote: true), SupplierResponses.Accepted(Today)),
        };
        // The bite: a CustomizationID the OIOUBL rules do not know ([F-LIB002]).
        docs["broken-customization.xml"] = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(docs["accepted.xml"])
            .Replace(">OIOUBL-2.1<", ">OIOUBL-9.9<", StringComparison.Ordinal));
        var verdicts = OioublErrors(docs);
        Assert.Contains(verdicts["broken-customization.xml"], e => e.Contains("[F-LIB002]", StringComparison.Ordinal));
        docs.Remove("broken-customization.xml");
        foreach (var file in docs.Keys)
            Assert.True(verdicts[file].Count == 0, file + ": " + string.Join("\n", verdicts[file]));
        foreach (var (file, bytes) in docs)
        {
            var errors = SchemaErrors(bytes);
            Assert.True(errors.Count == 0, file + ": " + string.Join("\n", errors));
        }
    }

    [Fact]
    public void OioublResponse_HasNoCodeForUnderQueryOrPaid()
    {
        Assert.False(OioublApplicationResponse.Supports(ResponseStatus.UnderQuery));
        Assert.False(OioublApplicationResponse.Supports(ResponseStatus.Paid));
        Assert.Throws<ArgumentOutOfRangeException>(() => OioublApplicationResponse.Write(Oioubl("A-9"), SupplierResponses.Paid(Today)));
    }

    private static ResponseEnvelope Oioubl(string id, bool creditNote = false) => Envelope(id, creditNote, buyerScheme: "GLN", buyerEndpoint: "5798009811578",
        sellerScheme: "DK:CVR", sellerEndpoint: "DK16356706") with
    {
        Sender = new ResponseParty(new SchemedId("5798009811578", "GLN"), "Den Lille Skole", new SchemedId("DK16356709", "DK:CVR")),
    };

    internal static Dictionary<string, List<XElement>> Validate(Dictionary<string, byte[]> docs, string xslt)
    {
        var work = Directory.CreateTempSubdirectory("responses-").FullName;
        try
        {
            var input = Directory.CreateDirectory(Path.Combine(work, "in")).FullName;
            foreach (var (file, bytes) in docs) File.WriteAllBytes(Path.Combine(input, file), bytes);
            var output = Path.Combine(work, "svrl");
            Saxon.TransformFolder(input, xslt, output);
            return docs.Keys.ToDictionary(f => f, f =>
            {
                var svrl = Path.Combine(output, f);
                Assert.True(File.Exists(svrl), $"Saxon wrote no SVRL for {f}");
                return XDocument.Load(svrl).Descendants(Svrl + "failed-assert").ToList();
            }, StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <summary>
    /// The OIOUBL 2.1 ApplicationResponse stylesheet's verdicts. Its output is not SVRL but <c>&lt;Schematron&gt;</c> with one
    /// <c>&lt;Error&gt;</c> per failure, the rule id (<c>[F-…]</c> fatal, <c>[W-…]</c> warning) in its <c>Description</c>: every
    /// fatal error and warning, per file.
    /// </summary>
    internal static Dictionary<string, List<string>> OioublErrors(Dictionary<string, byte[]> docs)
    {
        var xslt = SharedSamples.PathTo("samples", "responses", "oioubl", "oioubl-2.1-1.17.2-applicationresponse", "OIOUBL_ApplicationResponse_Schematron.xsl");
        var work = Directory.CreateTempSubdirectory("oioubl-responses-").FullName;
        try
        {
            var input = Directory.CreateDirectory(Path.Combine(work, "in")).FullName;
            foreach (var (file, bytes) in docs) File.WriteAllBytes(Path.Combine(input, file), bytes);
            var output = Path.Combine(work, "out");
            Saxon.TransformFolder(input, xslt, output);
            return docs.Keys.ToDictionary(f => f, f =>
            {
                var report = XDocument.Load(Path.Combine(output, f));
                Assert.Equal("Schematron", report.Root!.Name.LocalName);
                return report.Descendants().Where(e => e.Name.LocalName == "Error")
                    .Select(e => e.Elements().FirstOrDefault(d => d.Name.LocalName == "Description")?.Value.Trim() ?? e.Value.Trim()).ToList();
            }, StringComparer.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    internal static string Describe(XElement failed) =>
        $"{(string?)failed.Attribute("id")} [{(string?)failed.Attribute("flag")}] at {(string?)failed.Attribute("location")}: {failed.Element(Svrl + "text")?.Value.Trim()}";

    private static readonly Lazy<XmlSchemaSet> Schema = new(() =>
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        set.Add("urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2",
            SharedSamples.PathTo("samples", "einvoice-validation", "ubl-2.1-xsd", "maindoc", "UBL-ApplicationResponse-2.1.xsd"));
        set.Compile();
        return set;
    });

    internal static List<string> SchemaErrors(byte[] document)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schema.Value };
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity}: {e.Message} (line {e.Exception?.LineNumber})");
        using var reader = XmlReader.Create(new MemoryStream(document), settings);
        while (reader.Read()) { }
        return errors;
    }
}
