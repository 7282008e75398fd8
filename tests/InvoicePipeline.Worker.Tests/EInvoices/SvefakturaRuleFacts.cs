using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Ingestion.EInvoices;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>
/// SvefakturaRules against the official Svefaktura 1.0 schematron, run with Saxon at test time (one Java process for
/// the official samples and every mutant): the same fatal findings (id and location), the same warnings among those we
/// implement, the same verdict. Each mutant is an official sample with one change that the artefact itself must judge
/// as breaking exactly the named fatal rule(s): a mutant that stops doing so fails the test before we are compared.
/// </summary>
public sealed class SvefakturaRuleFacts
{
    private const string Full = "svefaktura.xml";
    private const string Vat = "svefaktura moms.xml";

    [Fact]
    public void OfficialSamples_SameFindingsAndVerdictAsTheSchematron()
    {
        var run = Official.Value;
        var invoices = 0;
        foreach (var (file, bytes) in run.Samples)
        {
            var ours = EInvoiceReader.Read(bytes, file);
            if (XDocument.Load(new MemoryStream(bytes)).Root!.Name.LocalName != "Invoice")
            {
                // ObjectEnvelope.xml wraps an invoice: the schematron fires nothing on it, we do not take it as one.
                Assert.Empty(run.Results[file]);
                Assert.Null(ours.Invoice);
                continue;
            }
            invoices++;
            SameAsOfficial(file, run.Results[file], ours);
        }
        Assert.Equal(5, invoices);
    }

    [Theory]
    [MemberData(nameof(MutantNames))]
    public void Mutant_BreaksTheNamedRule_AndWeAgreeWithTheSchematron(string name)
    {
        var run = Official.Value;
        var mutant = Mutants.Single(m => m.Name == name);
        var official = run.Results[FileName(mutant)];
        Assert.Equal(mutant.Fatal.Order(StringComparer.Ordinal), official.Where(a => a.Flag == "fatal").Select(a => a.Id).Distinct().Order(StringComparer.Ordinal));
        foreach (var w in mutant.Warnings) Assert.Contains(official, a => a.Id == w);
        var ours = EInvoiceReader.Read(run.Mutants[name], FileName(mutant));
        SameAsOfficial(name, official, ours);
        if (mutant.Fatal.Length > 0) Assert.Equal(ExceptionCode.RuleViolation, ours.Rejection?.Code);
    }

    [Fact]
    public void Mutants_CoverEveryFatalAssertAndEveryImplementedWarning()
    {
        var fatal = SvefakturaSchematron.Ids(SvefakturaSchematron.XsltPath).Values.Where(v => v.Flag == "fatal").Select(v => v.Id).ToHashSet();
        Assert.Equal(57, fatal.Count);
        Assert.Empty(fatal.Except(Mutants.SelectMany(m => m.Fatal)));
        var warnings = SvefakturaSchematron.Ids(SvefakturaSchematron.XsltPath).Values.Where(v => v.Flag == "warning").Select(v => v.Id).ToHashSet();
        Assert.Subset(warnings, SvefakturaRules.Warnings.ToHashSet());
        Assert.Equal(31, SvefakturaRules.Warnings.Count);
        var raised = Official.Value.Results.Values.SelectMany(r => r).Where(a => a.Flag == "warning").Select(a => a.Id).ToHashSet();
        Assert.Empty(SvefakturaRules.Warnings.Except(raised));
    }

    private static void SameAsOfficial(string what, List<OfficialAssert> official, ReadResult ours)
    {
        var expected = official.Where(a => a.Flag == "fatal" || a.Flag == "warning" && SvefakturaRules.Warnings.Contains(a.Id))
            .Select(a => $"{a.Id} {a.Location}").Distinct().Order(StringComparer.Ordinal).ToList();
        var actual = ours.Findings.Where(f => f.RuleId.StartsWith("SFTI-", StringComparison.Ordinal))
            .Select(f => $"{f.RuleId} {SvefakturaSchematron.NormalizeLocation(f.Location)}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(actual), $"{what}\nofficial: {string.Join(", ", expected)}\nours:     {string.Join(", ", actual)}");
        Assert.DoesNotContain(ours.Findings, f => !f.RuleId.StartsWith("SFTI-", StringComparison.Ordinal));
        Assert.Equal(official.Any(a => a.Flag == "fatal"), ours.Rejection is not null);
    }

    private static string FileName(Mutant m) => "mutant-" + m.Name + ".xml";

    // ---- the mutants: an official sample, one change, the fatal rule(s) the artefact must then report ----

    private sealed record Mutant(string Name, string Base, string[] Fatal, Action<XDocument> Mutate, string[]? WarningIds = null)
    {
        public string[] Warnings => WarningIds ?? [];
    }

    public static TheoryData<string> MutantNames => new(Mutants.Select(m => m.Name));

    private static Mutant F(string id, string sample, Action<XDocument> mutate) => new(id, sample, [id], mutate);

    private static readonly Mutant[] Mutants =
    [
        F("SFTI-F01", Full, d => Set(d, "//cac:TaxTotal/cbc:TotalTaxAmount/@amountCurrencyID", "EUR")),
        F("SFTI-F02", Full, d => El(d, "/sfti:Invoice/sfti:LineItemCountNumeric").Remove()),
        F("SFTI-F03", Full, d => Add(d, "/sfti:Invoice", "<cac:TaxTotal><cbc:TotalTaxAmount amountCurrencyID='SEK'>0</cbc:TotalTaxAmount></cac:TaxTotal>")),
        F("SFTI-F04", Full, d => Add(d, "//cac:BuyerParty/cac:Party", "<cac:PartyTaxScheme><cac:CompanyID>5560000000</cac:CompanyID><cac:TaxScheme><cac:ID>GST</cac:ID></cac:TaxScheme></cac:PartyTaxScheme>")),
        F("SFTI-F05", Full, d => Add(d, "//cac:BuyerParty/cac:Party", "<cac:PartyTaxScheme><cbc:RegistrationName>Johnssons byggvaror</cbc:RegistrationName><cac:TaxScheme><cac:ID>VAT</cac:ID></cac:TaxScheme></cac:PartyTaxScheme>")),
        // InvoiceCurrencyCode missing with an ExchangeRate: without TaxCurrencyCode F07 fires too, with it F48 (R-26) does.
        new("SFTI-F06", Full, ["SFTI-F06", "SFTI-F07"], d =>
        {
            El(d, "/sfti:Invoice/sfti:InvoiceCurrencyCode").Remove();
            Add(d, "/sfti:Invoice", "<cac:ExchangeRate><cac:SourceCurrencyCode>SEK</cac:SourceCurrencyCode><cbc:CalculationRate>1</cbc:CalculationRate></cac:ExchangeRate>");
        }),
        F("SFTI-F07", Full, d => Add(d, "/sfti:Invoice", "<cac:ExchangeRate><cac:SourceCurrencyCode>SEK</cac:SourceCurrencyCode><cbc:CalculationRate>1</cbc:CalculationRate></cac:ExchangeRate>")),
        F("SFTI-F08", Full, d => Add(d, "/sfti:Invoice", "<cac:ExchangeRate><cbc:CalculationRate>0</cbc:CalculationRate></cac:ExchangeRate>")),
        F("SFTI-F09", Full, d => Add(d, "/sfti:Invoice/cac:InvoiceLine[1]", "<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator></cac:AllowanceCharge>")),
        F("SFTI-F10", Full, d => LineCharge(d, "true", "-0.1")),
        F("SFTI-F11", Full, d => LineCharge(d, "yes", "0")),
        F("SFTI-F12", Vat, d => Set(d, "/sfti:Invoice/cac:InvoiceLine[1]/cac:Item/cac:TaxCategory/cac:TaxScheme/cac:ID", "GST")),
        F("SFTI-F13", Full, d => Add(d, "/sfti:Invoice/cac:InvoiceLine[1]/cac:Item/cac:BasePrice", "<cbc:BaseQuantity quantityUnitCode='kg'>1</cbc:BaseQuantity>")),
        F("SFTI-F14", Vat, d => Set(d, "/sfti:Invoice/cac:InvoiceLine[2]/cac:Item/cac:TaxCategory/cac:ID", "Z")),
        F("SFTI-F15", Vat, d =>
        {
            ExemptSubtotal(d, "0", "0");
            Set(d, "/sfti:Invoice/cac:InvoiceLine[2]/cac:Item/cac:TaxCategory/cac:ID", "E");
        }),
        F("SFTI-F16", Full, d => { BaseQuantity(d, "1"); LineCharge(d, "false", "100"); }),
        F("SFTI-F17", Full, d => LineCharge(d, "false", "100")),
        F("SFTI-F18", Full, d => { BaseQuantity(d, "1"); LineCharge(d, "true", "100"); }),
        F("SFTI-F19", Full, d => LineCharge(d, "true", "100")),
        F("SFTI-F20", Full, d => BaseQuantity(d, "2")),
        F("SFTI-F21", Full, d => Set(d, "/sfti:Invoice/cac:InvoiceLine[1]/cac:Item/cac:BasePrice/cbc:PriceAmount", "51")),
        F("SFTI-F22", Full, d => Set(d, "//cac:LegalTotal/cbc:LineExtensionTotalAmount", "6000")),
        // A document charge of 100 the TaxExclusiveTotalAmount leaves out (while it still matches the VAT subtotals: no R-10).
        F("SFTI-F23", Full, d =>
        {
            DocumentCharge(d, "<cac:ID>S</cac:ID><cbc:Percent>25</cbc:Percent>", "100");
            Set(d, "//cac:LegalTotal/cbc:TaxInclusiveTotalAmount", "7881.25");
        }),
        F("SFTI-F24", Full, d => Set(d, "//cac:LegalTotal/cbc:TaxInclusiveTotalAmount", "7800")),
        F("SFTI-F25", Full, d =>
        {
            Add(d, "/sfti:Invoice/cac:LegalTotal", "<cac:RoundOffAmount amountCurrencyID='SEK'>-7781.5</cac:RoundOffAmount>");
            Set(d, "//cac:LegalTotal/cbc:TaxInclusiveTotalAmount", "-0.25");
        }),
        F("SFTI-F26", Full, d => El(d, "//cac:PayeeFinancialAccount/cac:ID").Remove()),
        F("SFTI-F27", Full, d => Set(d, "//cac:PaymentMeans/cac:PaymentMeansTypeCode", "2")),
        F("SFTI-F28", Full, d => Set(d, "//cac:PaymentTerms/cbc:PenaltySurchargePercent", "-1")),
        // No PartyTaxScheme at all; the VAT subtotal loses its TaxScheme so R-88 (seller VAT number) stays quiet.
        F("SFTI-F29", Full, d =>
        {
            foreach (var p in Els(d, "//cac:SellerParty/cac:Party/cac:PartyTaxScheme")) p.Remove();
            El(d, "//cac:TaxSubTotal/cac:TaxCategory/cac:TaxScheme").Remove();
        }),
        F("SFTI-F30", Full, d => Set(d, "//cac:SellerParty/cac:Party/cac:PartyTaxScheme[1]/cac:TaxScheme/cac:ID", "ABC")),
        F("SFTI-F31", Full, d => Add(d, "//cac:SellerParty/cac:Party/cac:PartyTaxScheme[1]", "<cbc:RegistrationName>Moderna Produkter AB</cbc:RegistrationName>")),
        F("SFTI-F32", Full, d => Add(d, "//cac:TaxSubTotal", "<cac:TaxCurrencyTaxAmount amountCurrencyID='SEK'>1556.25</cac:TaxCurrencyTaxAmount>")),
        F("SFTI-F33", Full, d => Set(d, "//cac:TaxSubTotal/cac:TaxCategory/cac:ID", "Z")),
        F("SFTI-F34", Vat, d => ExemptSubtotal(d, "0", "1")),
        F("SFTI-F35", Full, d =>
        {
            Set(d, "//cac:TaxTotal/cbc:TotalTaxAmount", "1500");
            Set(d, "//cac:LegalTotal/cbc:TaxInclusiveTotalAmount", "7725");
        }),
        F("SFTI-F36", Full, d => DocumentCharge(d, "<cac:ID>S</cac:ID><cbc:Percent>25</cbc:Percent>", "0", scheme: "GST")),
        F("SFTI-F37", Full, d => DocumentCharge(d, "<cac:ID>S</cac:ID><cbc:Percent>25</cbc:Percent>", "0", reason: "<cac:ReasonCode>ABC</cac:ReasonCode>")),
        F("SFTI-F38", Full, d => DocumentCharge(d, "<cac:ID>Z</cac:ID>", "0")),
        F("SFTI-F39", Full, d =>
        {
            ExemptSubtotal(d, "0", "0");
            DocumentCharge(d, "<cac:ID>E</cac:ID><cbc:Percent>5</cbc:Percent>", "0");
        }),
        F("SFTI-F40", Full, d => Set(d, "/sfti:Invoice/sfti:InvoiceTypeCode", "382")),
        // Only EndDateTime: with only StartDateTime the schematron's R-82 fails on xs:date('') instead of judging.
        new("SFTI-F41", Full, ["SFTI-F41"], d => Add(d, "/sfti:Invoice", "<InvoicingPeriod><cbc:EndDateTime>2003-09-01T00:00:00</cbc:EndDateTime></InvoicingPeriod>"), ["SFTI-W26"]),
        F("SFTI-F42", Full, d => Set(d, "/sfti:Invoice/sfti:LineItemCountNumeric", "3")),
        // No lines at all and every total 0: LineItemCountNumeric 0 matches the count but is not positive.
        F("SFTI-F43", Full, d =>
        {
            foreach (var l in Els(d, "/sfti:Invoice/cac:InvoiceLine")) l.Remove();
            Set(d, "/sfti:Invoice/sfti:LineItemCountNumeric", "0");
            foreach (var path in (string[])["//cac:LegalTotal/*", "//cac:TaxTotal/cbc:TotalTaxAmount", "//cac:TaxSubTotal/cbc:TaxableAmount", "//cac:TaxSubTotal/cbc:TaxAmount"])
                foreach (var e in Els(d, path)) e.Value = "0";
        }),
        F("SFTI-F44", Full, d => Set(d, "/sfti:Invoice/sfti:RequisitionistDocumentReference[1]/cac:ID", " ")),
        F("SFTI-F45", Full, d =>
        {
            Add(d, "/sfti:Invoice", "<TaxCurrencyCode>EUR</TaxCurrencyCode>");
            Add(d, "//cac:TaxSubTotal", "<cac:TaxCurrencyTaxAmount amountCurrencyID='EUR'>155.63</cac:TaxCurrencyTaxAmount>");
        }),
        // No subtotal means no TaxCurrencyTaxAmount either: R-24 and R-25 fail together.
        new("SFTI-F46", Full, ["SFTI-F46", "SFTI-F47"], d =>
        {
            Add(d, "/sfti:Invoice", "<TaxCurrencyCode>EUR</TaxCurrencyCode>");
            Add(d, "/sfti:Invoice", "<cac:ExchangeRate><cac:SourceCurrencyCode>SEK</cac:SourceCurrencyCode><cbc:CalculationRate>0.1</cbc:CalculationRate></cac:ExchangeRate>");
            El(d, "//cac:TaxSubTotal").Remove();
            Set(d, "//cac:TaxTotal/cbc:TotalTaxAmount", "0");
            Set(d, "//cac:LegalTotal/cbc:TaxInclusiveTotalAmount", "6225");
        }),
        // A subtotal without TaxCurrencyTaxAmount under a TaxCurrencyCode is R-68 on the subtotal as well.
        new("SFTI-F47", Full, ["SFTI-F32", "SFTI-F47"], d =>
        {
            Add(d, "/sfti:Invoice", "<TaxCurrencyCode>EUR</TaxCurrencyCode>");
            Add(d, "/sfti:Invoice", "<cac:ExchangeRate><cac:SourceCurrencyCode>SEK</cac:SourceCurrencyCode></cac:ExchangeRate>");
        }),
        F("SFTI-F48", Full, d =>
        {
            El(d, "/sfti:Invoice/sfti:InvoiceCurrencyCode").Remove();
            Add(d, "/sfti:Invoice", "<TaxCurrencyCode>EUR</TaxCurrencyCode>");
            Add(d, "/sfti:Invoice", "<cac:ExchangeRate><cbc:CalculationRate>0.1</cbc:CalculationRate></cac:ExchangeRate>");
            Add(d, "//cac:TaxSubTotal", "<cac:TaxCurrencyTaxAmount amountCurrencyID='EUR'>155.63</cac:TaxCurrencyTaxAmount>");
        }),
        F("SFTI-F49", Full, d =>
        {
            Set(d, "//cac:TaxSubTotal/cbc:TaxAmount", "1500");
            Set(d, "//cac:TaxTotal/cbc:TotalTaxAmount", "1500");
            Set(d, "//cac:LegalTotal/cbc:TaxInclusiveTotalAmount", "7725");
        }),
        F("SFTI-F50", Full, d => ExemptSubtotal(d, "100", "0")),
        F("SFTI-F51", Full, d =>
        {
            Add(d, "/sfti:Invoice", "<TaxCurrencyCode>SEK</TaxCurrencyCode>");
            Add(d, "/sfti:Invoice", "<cac:ExchangeRate><cac:SourceCurrencyCode>SEK</cac:SourceCurrencyCode><cbc:CalculationRate>1</cbc:CalculationRate></cac:ExchangeRate>");
            Add(d, "//cac:TaxSubTotal", "<cac:TaxCurrencyTaxAmount amountCurrencyID='SEK'>1556.25</cac:TaxCurrencyTaxAmount>");
        }),
        F("SFTI-F52", Full, d =>
        {
            Add(d, "/sfti:Invoice", "<TaxCurrencyCode>EUR</TaxCurrencyCode>");
            Add(d, "/sfti:Invoice", "<cac:ExchangeRate><cac:SourceCurrencyCode>SEK</cac:SourceCurrencyCode><cbc:CalculationRate>0.1</cbc:CalculationRate></cac:ExchangeRate>");
            Add(d, "//cac:TaxSubTotal", "<cac:TaxCurrencyTaxAmount amountCurrencyID='EUR'>100</cac:TaxCurrencyTaxAmount>");
        }),
        F("SFTI-F53", Vat, d =>
        {
            Set(d, "/sfti:Invoice/cac:InvoiceLine[2]/cac:Item/cac:TaxCategory/cac:ID", "E");
            Set(d, "/sfti:Invoice/cac:InvoiceLine[2]/cac:Item/cac:TaxCategory/cbc:Percent", "0");
        }),
        F("SFTI-F54", Vat, d => Set(d, "/sfti:Invoice/cac:InvoiceLine[2]/cac:Item/cac:TaxCategory/cbc:Percent", "6")),
        F("SFTI-F55", Full, d => El(d, "//cac:SellerParty/cac:Party/cac:PartyTaxScheme[2]").Remove()),
        new("SFTI-F56", Full, ["SFTI-F56"], d => DocumentCharge(d, "<cac:ID>E</cac:ID><cbc:Percent>0</cbc:Percent>", "0"), ["SFTI-W22"]),
        F("SFTI-F57", Full, d => DocumentCharge(d, "<cac:ID>S</cac:ID><cbc:Percent>12</cbc:Percent>", "0")),

        // Warnings (no fatal finding expected): W06 (xml-stylesheet) is not implemented, W08 fires on four official samples.
        W("SFTI-W01", Full, d => Set(d, "//cac:TaxSubTotal/cac:TaxCategory/cac:ID", " S")),
        W("SFTI-W02", Full, d => Set(d, "//cac:TaxSubTotal/cac:TaxCategory/cac:TaxScheme/cac:ID", " VAT")),
        W("SFTI-W03", Full, d => Set(d, "//cac:SellerParty/cac:Party/cac:Address/cbc:PostalZone", "126 52")),
        W("SFTI-W04", Full, d => Set(d, "//cbc:Telephone", "08-111 222 33")),
        W("SFTI-W05", Full, d => d.Root!.SetAttributeValue(XNamespace.Get("http://www.w3.org/2001/XMLSchema-instance") + "schemaLocation", "urn:sfti:documents:BasicInvoice:1:0 SFTI_BasicInvoice-1.0.xsd")),
        W("SFTI-W07", Full, d => Add(d, "//cac:BuyerParty/cac:Party", "<cac:PartyTaxScheme><cac:CompanyID>556000-0000</cac:CompanyID><cac:TaxScheme><cac:ID>SWT</cac:ID></cac:TaxScheme></cac:PartyTaxScheme>")),
        W("SFTI-W09", Vat, d =>
        {
            Subtotal(d, "S", "0");
            Set(d, "/sfti:Invoice/cac:InvoiceLine[2]/cac:Item/cac:TaxCategory/cbc:Percent", "0");
        }),
        W("SFTI-W10", Vat, d =>
        {
            Subtotal(d, "S", "10");
            Set(d, "/sfti:Invoice/cac:InvoiceLine[2]/cac:Item/cac:TaxCategory/cbc:Percent", "10");
        }),
        W("SFTI-W11", Full, d => { BaseQuantity(d, "1"); LineCharge(d, "false", "0", "<cac:AllowanceChargeBaseAmount amountCurrencyID='SEK'>5000</cac:AllowanceChargeBaseAmount>"); }),
        W("SFTI-W12", Full, d => LineCharge(d, "false", "0", "<cac:AllowanceChargeBaseAmount amountCurrencyID='SEK'>5000</cac:AllowanceChargeBaseAmount>")),
        W("SFTI-W13", Full, d => Set(d, "//cac:PayeeFinancialAccount/cac:ID", "9551-548524585")),
        W("SFTI-W14", Full, d => El(d, "//cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch").Remove()),
        W("SFTI-W15", Full, d => Add(d, "//cac:PaymentMeans", "<cac:PayeePartyName><cbc:Name>Moderna Produkter AB</cbc:Name></cac:PayeePartyName>")),
        W("SFTI-W16", Full, d => Set(d, "//cac:PaymentMeans/cbc:DuePaymentDate", "2003-09-01")),
        W("SFTI-W17", Full, d => Set(d, "//cac:SellerParty/cac:Party/cac:PartyTaxScheme[1]/cac:CompanyID", "556562-4223")),
        W("SFTI-W18", Full, d => Subtotal(d, "E", "0")),
        W("SFTI-W19", Full, d => Subtotal(d, "S", "0")),
        W("SFTI-W20", Full, d => Subtotal(d, "S", "10")),
        W("SFTI-W21", Full, d =>
        {
            DocumentCharge(d, "<cac:ID>S</cac:ID><cbc:Percent>25</cbc:Percent>", "0");
            El(d, "//cac:LegalTotal/cbc:TaxExclusiveTotalAmount").Remove();
        }),
        W("SFTI-W22", Full, d =>
        {
            Subtotal(d, "E", "0");
            DocumentCharge(d, "<cac:ID>E</cac:ID><cbc:Percent>0</cbc:Percent>", "0");
        }),
        W("SFTI-W23", Full, d =>
        {
            Subtotal(d, "S", "0");
            DocumentCharge(d, "<cac:ID>S</cac:ID><cbc:Percent>0</cbc:Percent>", "0");
        }),
        W("SFTI-W24", Full, d =>
        {
            Subtotal(d, "S", "10");
            DocumentCharge(d, "<cac:ID>S</cac:ID><cbc:Percent>10</cbc:Percent>", "0");
        }),
        W("SFTI-W25", Full, d => Set(d, "/sfti:Invoice/sfti:InvoiceTypeCode", "381")),
        W("SFTI-W26", Full, d => Add(d, "/sfti:Invoice", "<InvoicingPeriod><cbc:StartDateTime>2003-09-10T00:00:00</cbc:StartDateTime><cbc:EndDateTime>2003-09-01T00:00:00</cbc:EndDateTime></InvoicingPeriod>")),
        W("SFTI-W27", Full, d => Add(d, "/sfti:Invoice", "<InvoicingPeriod><cbc:StartDateTime>2003-09-01T00:00:00</cbc:StartDateTime><cbc:EndDateTime>2003-09-30T00:00:00</cbc:EndDateTime></InvoicingPeriod>")),
        W("SFTI-W28", Full, d => El(d, "/sfti:Invoice/cac:InvoiceLine[2]/cac:Item/cbc:Description").Remove()),
        W("SFTI-W29", Full, d =>
        {
            Add(d, "/sfti:Invoice/cac:LegalTotal", "<cac:RoundOffAmount amountCurrencyID='SEK'>0.25</cac:RoundOffAmount>");
            Set(d, "//cac:LegalTotal/cbc:TaxInclusiveTotalAmount", "7781.6");
        }),
        W("SFTI-W30", Full, d => Add(d, "/sfti:Invoice", "<AdditionalDocumentReference><cac:ID identificationSchemeAgencyName='XYZ' identificationSchemeID='CT'>K-1</cac:ID></AdditionalDocumentReference>")),
        W("SFTI-W31", Full, d => Add(d, "/sfti:Invoice", "<AdditionalDocumentReference><cac:ID identificationSchemeAgencyName='SFTI'>K-1</cac:ID></AdditionalDocumentReference>")),
        W("SFTI-W32", Full, d => Add(d, "/sfti:Invoice", "<AdditionalDocumentReference><cac:ID identificationSchemeID='ACD'>K-1</cac:ID></AdditionalDocumentReference>")),

        // XPath details that decide a verdict: text compared as written, numbers compared as numbers, XPath's \w.
        new("edge-F11-padded-indicator", Full, ["SFTI-F11"], d => LineCharge(d, " true", "0")),
        new("edge-F27-padded-code", Full, ["SFTI-F27"], d => Set(d, "//cac:PaymentMeans/cac:PaymentMeansTypeCode", " 1")),
        new("edge-F40-padded-number", Full, [], d => Set(d, "/sfti:Invoice/sfti:InvoiceTypeCode", " 380.0 ")),
        new("edge-F05-no-party-name", Full, ["SFTI-F05"], d =>
        {
            Add(d, "//cac:BuyerParty/cac:Party", "<cac:PartyTaxScheme><cbc:RegistrationName>Johnssons AB</cbc:RegistrationName><cac:TaxScheme><cac:ID>VAT</cac:ID></cac:TaxScheme></cac:PartyTaxScheme>");
            El(d, "//cac:BuyerParty/cac:Party/cac:PartyName").Remove();
        }),
        new("edge-F30-padded-scheme", Full, [], d => Set(d, "//cac:SellerParty/cac:Party/cac:PartyTaxScheme[1]/cac:TaxScheme/cac:ID", " SWT "), ["SFTI-W02"]),
        new("edge-W03-underscore", Full, [], d => Set(d, "//cac:SellerParty/cac:Party/cac:Address/cbc:PostalZone", "126_52"), ["SFTI-W03"]),
        new("edge-W03-symbol", Full, [], d => Set(d, "//cac:SellerParty/cac:Party/cac:Address/cbc:PostalZone", "126+52")),
    ];

    private static Mutant W(string id, string sample, Action<XDocument> mutate) => new(id, sample, [], mutate, [id]);

    // ---- mutation helpers (XPath with the schematron's prefixes) ----

    private static readonly XmlNamespaceManager Ns = CreateNamespaces();

    private static XmlNamespaceManager CreateNamespaces()
    {
        var ns = new XmlNamespaceManager(new NameTable());
        ns.AddNamespace("sfti", "urn:sfti:documents:BasicInvoice:1:0");
        ns.AddNamespace("cac", "urn:sfti:CommonAggregateComponents:1:0");
        ns.AddNamespace("cbc", "urn:oasis:names:tc:ubl:CommonBasicComponents:1:0");
        return ns;
    }

    private static XElement El(XDocument d, string xpath) => d.XPathSelectElement(xpath, Ns) ?? throw new InvalidOperationException("no " + xpath);

    private static List<XElement> Els(XDocument d, string xpath) => [.. d.XPathSelectElements(xpath, Ns)];

    private static void Set(XDocument d, string xpath, string value)
    {
        if (((IEnumerable<object>)d.XPathEvaluate(xpath, Ns)).FirstOrDefault() is XAttribute a) a.Value = value;
        else El(d, xpath).Value = value;
    }

    /// <summary>Appends a fragment written with the default (sfti), cac and cbc prefixes.</summary>
    private static void Add(XDocument d, string parent, string fragment)
    {
        var wrapper = XElement.Parse($"<w xmlns='urn:sfti:documents:BasicInvoice:1:0' xmlns:cac='urn:sfti:CommonAggregateComponents:1:0' xmlns:cbc='urn:oasis:names:tc:ubl:CommonBasicComponents:1:0'>{fragment}</w>");
        El(d, parent).Add(wrapper.Elements());
    }

    private static void LineCharge(XDocument d, string indicator, string amount, string more = "") =>
        Add(d, "/sfti:Invoice/cac:InvoiceLine[1]", $"<cac:AllowanceCharge><cbc:ChargeIndicator>{indicator}</cbc:ChargeIndicator><cbc:Amount amountCurrencyID='SEK'>{amount}</cbc:Amount>{more}</cac:AllowanceCharge>");

    private static void BaseQuantity(XDocument d, string quantity) =>
        Add(d, "/sfti:Invoice/cac:InvoiceLine[1]/cac:Item/cac:BasePrice", $"<cbc:BaseQuantity quantityUnitCode='liter'>{quantity}</cbc:BaseQuantity>");

    private static void DocumentCharge(XDocument d, string category, string amount, string scheme = "VAT", string reason = "") =>
        Add(d, "/sfti:Invoice", $"<AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator>{reason}<cbc:Amount amountCurrencyID='SEK'>{amount}</cbc:Amount>"
            + $"<cac:TaxCategory>{category}<cac:TaxScheme><cac:ID>{scheme}</cac:ID></cac:TaxScheme></cac:TaxCategory></AllowanceCharge>");

    /// <summary>A subtotal without amounts (taxable 0, tax 0) for this category and percent, without exemption reason.</summary>
    private static void Subtotal(XDocument d, string category, string percent) =>
        Add(d, "/sfti:Invoice/cac:TaxTotal", "<cac:TaxSubTotal><cbc:TaxableAmount amountCurrencyID='SEK'>0</cbc:TaxableAmount><cbc:TaxAmount amountCurrencyID='SEK'>0</cbc:TaxAmount>"
            + $"<cac:TaxCategory><cac:ID>{category}</cac:ID><cbc:Percent>{percent}</cbc:Percent><cac:TaxScheme><cac:ID>VAT</cac:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubTotal>");

    /// <summary>An exempt (E) subtotal with no tax: taxable amount and percent as given.</summary>
    private static void ExemptSubtotal(XDocument d, string taxable, string percent) =>
        Add(d, "/sfti:Invoice/cac:TaxTotal", $"<cac:TaxSubTotal><cbc:TaxableAmount amountCurrencyID='SEK'>{taxable}</cbc:TaxableAmount><cbc:TaxAmount amountCurrencyID='SEK'>0</cbc:TaxAmount>"
            + $"<cac:TaxCategory><cac:ID>E</cac:ID><cbc:Percent>{percent}</cbc:Percent><cbc:ExemptionReason>Undantag</cbc:ExemptionReason><cac:TaxScheme><cac:ID>VAT</cac:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubTotal>");

    // ---- the official run: samples and mutants written to a temp folder, one Saxon process ----

    private sealed record Run(Dictionary<string, byte[]> Samples, Dictionary<string, byte[]> Mutants, Dictionary<string, List<OfficialAssert>> Results);

    private static readonly Lazy<Run> Official = new(() =>
    {
        var folder = SharedSamples.PathTo("samples", "einvoice", "svefaktura-1.0");
        var work = Path.Combine(Path.GetTempPath(), "svefaktura-facts-" + Guid.NewGuid().ToString("N"));
        var input = Directory.CreateDirectory(Path.Combine(work, "in")).FullName;
        try
        {
            var samples = Directory.GetFiles(folder, "*.xml").ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
            foreach (var (file, bytes) in samples) File.WriteAllBytes(Path.Combine(input, file), bytes);
            var mutants = new Dictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var m in Mutants)
            {
                var doc = XDocument.Load(Path.Combine(folder, m.Base));
                m.Mutate(doc);
                using var buffer = new MemoryStream();
                doc.Save(buffer);
                mutants[m.Name] = buffer.ToArray();
                File.WriteAllBytes(Path.Combine(input, FileName(m)), mutants[m.Name]);
            }
            return new Run(samples, mutants, SvefakturaSchematron.Run(input));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    });
}
