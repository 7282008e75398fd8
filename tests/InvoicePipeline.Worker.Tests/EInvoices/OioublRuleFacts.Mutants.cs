using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.EInvoices;

/// <summary>
/// The mutants: each changes one thing in an official sample. Where breaking one rule necessarily breaks others
/// (the artefact says so too), the others are listed after the rule the mutant is about.
/// </summary>
public sealed partial class OioublRuleFacts
{
    public sealed partial class OfficialRun
    {
        private const string CacNs = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
        private const string CbcNs = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
        private static readonly XmlNamespaceManager Ns = NewNs();

        private static XmlNamespaceManager NewNs()
        {
            var ns = new XmlNamespaceManager(new NameTable());
            ns.AddNamespace("cac", CacNs);
            ns.AddNamespace("cbc", CbcNs);
            return ns;
        }

        private const string Vat63 = "<cac:TaxScheme><cbc:ID schemeAgencyID=\"320\" schemeID=\"urn:oioubl:id:taxschemeid-1.1\">63</cbc:ID><cbc:Name>Moms</cbc:Name></cac:TaxScheme>";
        private const string StandardRated = "<cac:TaxCategory><cbc:ID schemeAgencyID=\"320\" schemeID=\"urn:oioubl:id:taxcategoryid-1.1\">StandardRated</cbc:ID><cbc:Percent>25</cbc:Percent>" + Vat63 + "</cac:TaxCategory>";
        private const string Channel = "<cbc:PaymentChannelCode listAgencyID=\"320\" listID=\"urn:oioubl:codelist:paymentchannelcode-1.1\">";
        private const string Giro = "<cac:PaymentMeans><cbc:ID>1</cbc:ID><cbc:PaymentMeansCode>50</cbc:PaymentMeansCode><cbc:PaymentDueDate>2005-11-25</cbc:PaymentDueDate>"
            + Channel + "DK:GIRO</cbc:PaymentChannelCode><cbc:PaymentID>01</cbc:PaymentID><cac:PayeeFinancialAccount><cbc:ID>12345678</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>";
        private const string FiKort = "<cac:PaymentMeans><cbc:ID>1</cbc:ID><cbc:PaymentMeansCode>93</cbc:PaymentMeansCode><cbc:PaymentDueDate>2005-11-25</cbc:PaymentDueDate>"
            + Channel + "DK:FIK</cbc:PaymentChannelCode><cbc:InstructionID>123456789012345</cbc:InstructionID><cbc:PaymentID>71</cbc:PaymentID><cac:CreditAccount><cbc:AccountID>12345678</cbc:AccountID></cac:CreditAccount></cac:PaymentMeans>";
        private const string Supplier = "cac:AccountingSupplierParty/cac:Party";
        private const string Customer = "cac:AccountingCustomerParty/cac:Party";
        private const string Lmt = "cac:LegalMonetaryTotal";
        private const string HeaderSubtotal = "cac:TaxTotal/cac:TaxSubtotal";
        private const string Line1 = "*[local-name()='InvoiceLine' or local-name()='CreditNoteLine'][1]";
        private const string Line2 = "*[local-name()='InvoiceLine' or local-name()='CreditNoteLine'][2]";

        private static List<Mutant> BuildMutants()
        {
            var list = new List<Mutant>();
            void I(string rule, Action<XElement> change, params string[] also) => list.Add(Make(list.Count, Invoice, rule, change, also));
            void C(string rule, Action<XElement> change, params string[] also) => list.Add(Make(list.Count, CreditNote, rule, change, also));

            // Controls: the bases the payment and allowance mutants start from are clean.
            I("clean-charge", WithCharge);
            I("clean-giro", r => Replace(r, "cac:PaymentMeans", Giro));
            I("clean-fikort", r => Replace(r, "cac:PaymentMeans", FiKort));
            // Header.
            I("F-LIB001", r => Set(r, "cbc:UBLVersionID", "2.2"));
            I("F-LIB002", r => Set(r, "cbc:CustomizationID", "OIOUBL-2.03"));
            I("F-INV002", r => { Set(r, "cbc:ProfileID", "Procurement-OrdSimR-BilSim-1.0"); Remove(r, "cac:OrderReference"); }, "F-INV142");
            I("F-INV011", r => Set(r, "cbc:InvoiceTypeCode", "390"));
            I("F-INV337", r => { SetAttr(r, "cbc:InvoiceTypeCode", "listID", "urn:oioubl:codelist:invoicetypecode-1.2"); Set(r, "cbc:InvoiceTypeCode", "381"); });
            I("F-INV007", r => Remove(r, "cbc:DocumentCurrencyCode"));
            I("F-INV009", r => Set(r, "cbc:ID", " "));
            I("F-LIB021", r => AddAfter(r, "cbc:AccountingCost", "<cbc:AccountingCostCode>X</cbc:AccountingCostCode>"));
            I("F-INV004", r => AddAfter(r, "cbc:AccountingCost", Period("2005-11-01", "2005-11-30") + Period("2005-11-01", "2005-11-30")));
            I("F-LIB080", r => AddAfter(r, "cbc:AccountingCost", Period("2005-11-30", "2005-11-01")));
            I("F-INV012", r => SetAttr(r, Line1 + "/cbc:LineExtensionAmount", "currencyID", "EUR"));
            I("F-INV013", r => SetAttr(r, Lmt + "/cbc:LineExtensionAmount", "currencyID", "EUR"));
            I("F-INV014", r => SetAttr(r, Lmt + "/cbc:PayableAmount", "currencyID", "EUR"));
            I("F-LIB404", r => Set(r, HeaderSubtotal + "/cac:TaxCategory/cbc:ID", "ReverseCharge"));
            // Parties.
            I("F-INV030", r => Remove(r, Supplier));
            I("F-INV031", r => Remove(r, Supplier + "/cbc:EndpointID"));
            I("F-INV034", r => Remove(r, Supplier + "/cac:PartyLegalEntity"));
            I("F-INV043", r => Remove(r, Customer));
            I("F-INV044", r => Remove(r, Customer + "/cbc:EndpointID"));
            I("F-INV046", r => Remove(r, Customer + "/cac:Contact"));
            I("F-INV051", r => Remove(r, Customer + "/cac:Contact/cbc:ID"));
            I("F-INV045", r => AddAfter(r, Customer + "/cac:PostalAddress", Legal("DK12345678") + Legal("DK12345679")));
            I("F-LIB022", r => { Remove(r, Supplier + "/cac:PartyIdentification"); Remove(r, Supplier + "/cac:PartyName"); });
            I("F-LIB179", r => SetAttr(r, Customer + "/cbc:EndpointID", "schemeID", "XX:FOO"));
            I("F-LIB180", r => Set(r, Supplier + "/cbc:EndpointID", "DK1635670"));
            I("F-LIB181", r => Set(r, Customer + "/cbc:EndpointID", "579800981157"));
            I("F-LIB216", r => { SetAttr(r, Customer + "/cbc:EndpointID", "schemeID", "EAN"); Set(r, Customer + "/cbc:EndpointID", "579800981157"); }, "F-LIB179");
            I("F-LIB183", r => SetAttr(r, Customer + "/cac:PartyIdentification/cbc:ID", "schemeID", "XX"));
            I("F-LIB184", r => Set(r, Supplier + "/cac:PartyIdentification/cbc:ID", "DK163567"));
            I("F-LIB185", r => Set(r, Customer + "/cac:PartyIdentification/cbc:ID", "123"));
            I("F-LIB187", r => Set(r, Supplier + "/cac:PartyLegalEntity/cbc:CompanyID", ""), "F-LIB190");
            I("F-LIB189", r => SetAttr(r, Supplier + "/cac:PartyLegalEntity/cbc:CompanyID", "schemeID", "DK:SE"));
            I("F-LIB190", r => Set(r, Supplier + "/cac:PartyLegalEntity/cbc:CompanyID", "16356706"));
            I("F-LIB193", r => Set(r, Supplier + "/cac:PartyTaxScheme/cbc:CompanyID", ""), "F-LIB196");
            I("F-LIB195", r => SetAttr(r, Supplier + "/cac:PartyTaxScheme/cbc:CompanyID", "schemeID", "DK:CVR"));
            I("F-LIB196", r => Set(r, Supplier + "/cac:PartyTaxScheme/cbc:CompanyID", "DK1635670"));
            // Payment means (the sample pays to a Danish bank account, code 42) and terms.
            I("F-LIB100", r => Set(r, "cac:PaymentMeans/cbc:PaymentMeansCode", "43"));
            I("F-LIB109", r => Set(r, "cac:PaymentMeans/cbc:PaymentMeansCode", "31"));
            I("F-LIB107", r => { Set(r, "cac:PaymentMeans/cbc:PaymentMeansCode", "31"); Remove(r, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"); }, "F-LIB109");
            I("F-LIB128", r => Set(r, "cac:PaymentMeans/cbc:PaymentChannelCode", "IBAN"));
            I("F-LIB125", r => Remove(r, "cac:PaymentMeans/cac:PayeeFinancialAccount"), "F-LIB126", "F-LIB127", "F-LIB311");
            I("F-LIB126", r => Remove(r, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID"));
            I("F-LIB127", r => Remove(r, "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch"), "F-LIB311");
            I("F-LIB131", r => Set(r, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID", "12345678901"));
            I("F-LIB132", r => Set(r, "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID", "12345"));
            I("F-LIB311", r => Set(r, "cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch/cbc:ID", "12AB"));
            I("F-LIB164", r => { Set(r, "cac:PaymentMeans/cbc:PaymentMeansCode", "97"); Set(r, "cac:PaymentMeans/cbc:PaymentChannelCode", "DK:NEMKONTO"); });
            I("F-LIB144", r => { Replace(r, "cac:PaymentMeans", Giro); Remove(r, "cac:PaymentMeans/cbc:PaymentID"); }, "F-LIB147");
            I("F-LIB147", r => { Replace(r, "cac:PaymentMeans", Giro); Set(r, "cac:PaymentMeans/cbc:PaymentID", "02"); });
            I("F-LIB145", r => { Replace(r, "cac:PaymentMeans", Giro); Set(r, "cac:PaymentMeans/cbc:PaymentID", "04"); });
            I("F-LIB319", r => { Replace(r, "cac:PaymentMeans", Giro); Remove(r, "cac:PaymentMeans/cac:PayeeFinancialAccount"); }, "F-LIB320", "F-LIB321");
            I("F-LIB321", r => { Replace(r, "cac:PaymentMeans", Giro); Set(r, "cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID", "123456"); });
            I("F-LIB155", r => { Replace(r, "cac:PaymentMeans", FiKort); Set(r, "cac:PaymentMeans/cbc:PaymentID", "72"); });
            I("F-LIB152", r => { Replace(r, "cac:PaymentMeans", FiKort); Remove(r, "cac:PaymentMeans/cbc:PaymentID"); }, "F-LIB155");
            I("F-LIB153", r => { Replace(r, "cac:PaymentMeans", FiKort); Set(r, "cac:PaymentMeans/cbc:PaymentID", "75"); Remove(r, "cac:PaymentMeans/cbc:InstructionID"); }, "F-LIB157", "F-LIB336");
            I("F-LIB336", r => { Replace(r, "cac:PaymentMeans", FiKort); Set(r, "cac:PaymentMeans/cbc:InstructionID", "12345678901234X"); });
            I("F-LIB156", r => { Replace(r, "cac:PaymentMeans", FiKort); Set(r, "cac:PaymentMeans/cbc:InstructionID", "12345678901234"); });
            I("F-LIB305", r => { Replace(r, "cac:PaymentMeans", FiKort); Remove(r, "cac:PaymentMeans/cac:CreditAccount"); });
            I("F-LIB246", r => Set(r, "cac:PaymentTerms/cbc:ID", "Factoring"));
            I("F-LIB247", r => AddAfter(r, "cac:PaymentTerms/cbc:PaymentMeansID", "<cbc:Note>a</cbc:Note><cbc:Note>b</cbc:Note>"));
            I("F-LIB020", r => AddAfter(r, "cac:PaymentTerms", "<cac:PaymentTerms><cbc:ID>2</cbc:ID><cbc:Amount currencyID=\"DKK\">-1.00</cbc:Amount></cac:PaymentTerms>"));
            I("F-INV134", r => Set(r, "cac:PaymentTerms/cbc:Amount", "6000.00"));
            // Allowances and charges (on a copy with a document charge of 100.00 that is otherwise clean).
            I("F-LIB226", r => { WithCharge(r); AddAfter(r, "cac:AllowanceCharge/cac:TaxCategory", StandardRated); });
            I("F-LIB019", r => { WithCharge(r); AddAfter(r, "cac:AllowanceCharge/cbc:Amount", "<cbc:BaseAmount currencyID=\"DKK\">0</cbc:BaseAmount>"); });
            I("F-LIB228", r => { WithCharge(r); AddBefore(r, "cac:AllowanceCharge/cbc:Amount", "<cbc:MultiplierFactorNumeric>0.5</cbc:MultiplierFactorNumeric>"); AddAfter(r, "cac:AllowanceCharge/cbc:Amount", "<cbc:BaseAmount currencyID=\"DKK\">100.00</cbc:BaseAmount>"); });
            I("F-LIB248", r => { WithCharge(r); AddBefore(r, "cac:AllowanceCharge/cbc:Amount", "<cbc:MultiplierFactorNumeric>1</cbc:MultiplierFactorNumeric>"); });
            I("F-LIB227", r => { WithCharge(r); AddBefore(r, "cac:AllowanceCharge/cbc:Amount", "<cbc:MultiplierFactorNumeric>-1</cbc:MultiplierFactorNumeric>"); AddAfter(r, "cac:AllowanceCharge/cbc:Amount", "<cbc:BaseAmount currencyID=\"DKK\">100.00</cbc:BaseAmount>"); }, "F-LIB228");
            I("F-INV123", r => { WithCharge(r); Remove(r, Lmt + "/cbc:ChargeTotalAmount"); }, "F-INV128", "F-INV133");
            I("F-INV130", r => { WithCharge(r); Set(r, Lmt + "/cbc:ChargeTotalAmount", "90.00"); }, "F-INV128", "F-INV133");
            I("F-LIB013", r => { WithCharge(r); Set(r, Lmt + "/cbc:ChargeTotalAmount", "-100.00"); }, "F-INV128", "F-INV130", "F-INV133");
            I("F-LIB317", r => AddAfter(r, Line1 + "/cac:TaxTotal", "<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID=\"DKK\">0.00</cbc:Amount>" + StandardRated + "</cac:AllowanceCharge>"));
            // VAT totals.
            I("F-LIB306", r => AddAfter(r, Line1 + "/cac:TaxTotal", "<cac:TaxTotal><cbc:TaxAmount currencyID=\"DKK\">0.00</cbc:TaxAmount>" + Subtotal("0.00", "0.00") + "</cac:TaxTotal>"), "F-LIB314");
            I("F-INV008", r => Remove(r, "cac:TaxTotal"), "F-LIB404", "F-INV127", "F-INV128", "F-INV133");
            I("F-LIB250", r => Set(r, "cac:TaxTotal/cbc:TaxAmount", "1262.5"));
            I("F-LIB259", r => Remove(r, HeaderSubtotal + "/cbc:TaxableAmount"), "F-LIB261");
            I("F-LIB261", r => Set(r, HeaderSubtotal + "/cbc:TaxableAmount", "5050.0"));
            I("F-LIB263", r => Set(r, HeaderSubtotal + "/cbc:TaxAmount", "1262.5"));
            I("F-LIB315", r => AddAfter(r, Line1 + "/cac:TaxTotal/cac:TaxSubtotal", Subtotal("0.00", "0.00")));
            I("F-LIB316", r => AddAfter(r, Line1 + "/cac:TaxTotal/cac:TaxSubtotal", Subtotal("0.00", "0.00").Replace(">63<", ">VAT<", StringComparison.Ordinal).Replace(">Moms<", ">VAT<", StringComparison.Ordinal)));
            I("F-LIB382", r => Set(r, HeaderSubtotal + "/cac:TaxCategory/cbc:Percent", "0"));
            I("F-LIB401", r => { Set(r, Line1 + "/cac:TaxTotal/cbc:TaxAmount", "1200.00"); Set(r, Line1 + "/cac:TaxTotal/cac:TaxSubtotal/cbc:TaxAmount", "1200.00"); });
            I("F-LIB385", r => Set(r, Line1 + "/cac:TaxTotal/cbc:TaxAmount", "1200.00"));
            I("F-LIB402", r => { Set(r, HeaderSubtotal + "/cbc:TaxableAmount", "5000.00"); });
            // Legal monetary totals (TaxExclusiveAmount is the VAT total in OIOUBL).
            I("F-INV120", r => Remove(r, Lmt + "/cbc:LineExtensionAmount"), "F-INV128", "F-INV133");
            I("F-INV126", r => Set(r, Line2 + "/cbc:LineExtensionAmount", "51.00"));
            I("F-INV127", r => Set(r, Lmt + "/cbc:TaxExclusiveAmount", "1262.00"));
            I("F-INV128", r => Set(r, Lmt + "/cbc:TaxInclusiveAmount", "6300.00"));
            I("F-INV133", r => { Set(r, Lmt + "/cbc:PayableAmount", "6300.00"); Set(r, "cac:PaymentTerms/cbc:Amount", "6300.00"); });
            I("F-INV124", r => AddAfter(r, "cac:PaymentTerms", Prepaid("100.00")));
            I("F-INV131", r => { AddAfter(r, "cac:PaymentTerms", Prepaid("100.00")); AddAfter(r, Lmt + "/cbc:TaxInclusiveAmount", "<cbc:PrepaidAmount currencyID=\"DKK\">50.00</cbc:PrepaidAmount>"); Set(r, Lmt + "/cbc:PayableAmount", "6262.50"); Set(r, "cac:PaymentTerms/cbc:Amount", "6262.50"); });
            I("F-INV125", r => AddAfter(r, "cac:TaxTotal/cbc:TaxAmount", "<cbc:RoundingAmount currencyID=\"DKK\">0.50</cbc:RoundingAmount>"));
            I("F-LIB014", r => Set(r, Lmt + "/cbc:LineExtensionAmount", "5050.0"));
            I("F-LIB016", r => Set(r, Lmt + "/cbc:TaxInclusiveAmount", "-6312.50"), "F-INV128");
            // Lines.
            I("F-INV137", r => Remove(r, Line1 + "/cbc:InvoicedQuantity"));
            I("F-INV138", r => Remove(r, Line2 + "/cac:TaxTotal"), "F-LIB402");
            I("F-INV139", r => Remove(r, Line2 + "/cac:Price"));
            I("F-INV140", r => Set(r, Line2 + "/cbc:ID", ""));
            I("F-INV142", r => Remove(r, "cac:OrderReference"));
            I("F-INV147", r => Set(r, Line1 + "/cbc:InvoicedQuantity", "0"), "F-INV340");
            I("F-INV149", r => Set(r, Line1 + "/cbc:LineExtensionAmount", "5000.0"));
            I("F-INV163", r => Set(r, Line1 + "/cac:Item/cbc:Name", ""));
            I("F-INV340", r => Set(r, Line1 + "/cac:Price/cbc:PriceAmount", "4990.00"));
            I("F-INV348", r => { Set(r, Line1 + "/cac:Price/cbc:PriceAmount", "4990.00"); Remove(r, Line1 + "/cac:Price/cbc:BaseQuantity"); });
            I("F-INV343", r => { Set(r, Line1 + "/cac:Price/cbc:PriceAmount", "4990.00"); SetAttr(r, Line1 + "/cac:Price/cbc:BaseQuantity", "unitCode", "KGM"); });
            I("F-INV135", r => AddAfter(r, Line1 + "/cac:Price", "<cac:PaymentTerms><cbc:Note>x</cbc:Note></cac:PaymentTerms>"));

            // Credit note: the same rules under their CreditNote ids, and what only credit notes have.
            C("F-CRN002", r => { Set(r, "cbc:ProfileID", "Procurement-OrdSimR-BilSim-1.0"); Remove(r, "cac:OrderReference"); });
            C("F-CRN004", r => Remove(r, "cbc:DocumentCurrencyCode"));
            C("F-CRN006", r => Set(r, "cbc:ID", ""));
            C("F-CRN159", r => AddAfter(r, "cbc:AccountingCost", Period("2005-11-01", "2005-11-30") + Period("2005-11-01", "2005-11-30")));
            C("F-CRN007", r => SetAttr(r, Line1 + "/cbc:LineExtensionAmount", "currencyID", "EUR"));
            C("F-CRN028", r => Remove(r, Supplier + "/cbc:EndpointID"));
            C("F-CRN031", r => Remove(r, Supplier + "/cac:PartyLegalEntity"));
            C("F-CRN040", r => Remove(r, Customer + "/cbc:EndpointID"));
            C("F-CRN042", r => Remove(r, Customer + "/cac:Contact"));
            C("F-CRN047", r => Remove(r, Customer + "/cac:Contact/cbc:ID"));
            C("F-CRN072", r => Set(r, Line2 + "/cbc:LineExtensionAmount", "51.00"));
            C("F-CRN073", r => Set(r, Lmt + "/cbc:TaxExclusiveAmount", "1262.00"));
            C("F-CRN074", r => Set(r, Lmt + "/cbc:TaxInclusiveAmount", "6300.00"));
            C("F-CRN079", r => Set(r, Lmt + "/cbc:PayableAmount", "6300.00"));
            C("F-CRN081", r => Remove(r, Line2 + "/cac:TaxTotal"), "F-LIB402");
            C("F-CRN083", r => Remove(r, Line2 + "/cac:Price"));
            C("F-CRN082", r => Remove(r, Line2 + "/cac:Item"));
            C("F-CRN084", r => Set(r, Line2 + "/cbc:ID", " "));
            C("F-CRN088", r => Set(r, Line1 + "/cbc:CreditedQuantity", "0"), "F-CRN210");
            C("F-CRN089", r => Set(r, Line1 + "/cbc:LineExtensionAmount", "5000.0"));
            C("F-CRN090", r => Set(r, Line1 + "/cbc:LineExtensionAmount", "5000.00001"));
            C("F-CRN110", r => Set(r, Line1 + "/cac:Item/cbc:Name", ""));
            C("F-CRN196", r => Remove(r, Line1 + "/cbc:CreditedQuantity"));
            C("F-CRN207", r => Remove(r, Line2 + "/cbc:LineExtensionAmount"), "F-CRN072");
            C("F-CRN210", r => Set(r, Line1 + "/cac:Price/cbc:PriceAmount", "4990.00"));
            C("clean-no-base-quantity", r => { Set(r, Line1 + "/cac:Price/cbc:PriceAmount", "4990.00"); Remove(r, Line1 + "/cac:Price/cbc:BaseQuantity"); });
            C("F-CRN005", r => Remove(r, "cac:TaxTotal"), "F-LIB404", "F-CRN073", "F-CRN074", "F-CRN079");
            C("F-CRN008", r => SetAttr(r, Lmt + "/cbc:LineExtensionAmount", "currencyID", "EUR"));
            C("F-CRN009", r => SetAttr(r, Lmt + "/cbc:PayableAmount", "currencyID", "EUR"));
            C("F-CRN027", r => Remove(r, Supplier));
            C("F-CRN039", r => Remove(r, Customer));
            C("F-CRN164", r => AddAfter(r, Customer + "/cac:PostalAddress", Legal("DK12345678") + Legal("DK12345679")));
            C("F-CRN066", r => Remove(r, Lmt + "/cbc:LineExtensionAmount"), "F-CRN074", "F-CRN079");
            C("F-CRN194", r => { Set(r, Line1 + "/cac:Price/cbc:PriceAmount", "4990.00"); SetAttr(r, Line1 + "/cac:Price/cbc:BaseQuantity", "unitCode", "KGM"); });
            C("F-LIB189", r => SetAttr(r, Supplier + "/cac:PartyLegalEntity/cbc:CompanyID", "schemeID", "DK:SE"));
            C("F-LIB385", r => Set(r, "cac:TaxTotal/cbc:TaxAmount", "1262.00"));
            return list;
        }

        private static Mutant Make(int index, string sample, string rule, Action<XElement> change, string[] also)
        {
            var doc = XDocument.Load(SharedSamples.PathTo("samples", "einvoice", sample), LoadOptions.PreserveWhitespace);
            change(doc.Root!);
            using var buffer = new MemoryStream();
            using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) })) doc.Save(writer);
            return new Mutant($"{index:D3}_{rule}.xml", sample == CreditNote, buffer.ToArray(), rule.StartsWith("F-", StringComparison.Ordinal) ? [rule, .. also] : also);
        }

        private static XElement At(XElement r, string path) =>
            r.XPathSelectElement(path, Ns) ?? throw new InvalidOperationException($"{path} is not in the sample");

        private static void Set(XElement r, string path, string value) => At(r, path).Value = value;

        private static void SetAttr(XElement r, string path, string name, string value) => At(r, path).SetAttributeValue(name, value);

        private static void Remove(XElement r, string path) => At(r, path).Remove();

        private static void AddAfter(XElement r, string path, string xml) => At(r, path).AddAfterSelf(Fragment(xml));

        private static void AddBefore(XElement r, string path, string xml) => At(r, path).AddBeforeSelf(Fragment(xml));

        private static void Replace(XElement r, string path, string xml) => At(r, path).ReplaceWith(Fragment(xml));

        private static XElement[] Fragment(string xml) =>
            XElement.Parse($"<w xmlns:cac=\"{CacNs}\" xmlns:cbc=\"{CbcNs}\">{xml}</w>").Elements().ToArray();

        private static string Period(string start, string end) =>
            $"<cac:InvoicePeriod><cbc:StartDate>{start}</cbc:StartDate><cbc:EndDate>{end}</cbc:EndDate></cac:InvoicePeriod>";

        private static string Legal(string cvr) => $"<cac:PartyLegalEntity><cbc:CompanyID schemeID=\"DK:CVR\">{cvr}</cbc:CompanyID></cac:PartyLegalEntity>";

        private static string Subtotal(string taxable, string tax) =>
            $"<cac:TaxSubtotal><cbc:TaxableAmount currencyID=\"DKK\">{taxable}</cbc:TaxableAmount><cbc:TaxAmount currencyID=\"DKK\">{tax}</cbc:TaxAmount>{StandardRated}</cac:TaxSubtotal>";

        private static string Prepaid(string amount) => $"<cac:PrepaidPayment><cbc:PaidAmount currencyID=\"DKK\">{amount}</cbc:PaidAmount></cac:PrepaidPayment>";

        /// <summary>The invoice sample with a document charge of 100.00 (standard rated), all totals following.</summary>
        private static void WithCharge(XElement r)
        {
            AddAfter(r, "cac:PaymentTerms", "<cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Fragt</cbc:AllowanceChargeReason>"
                + "<cbc:Amount currencyID=\"DKK\">100.00</cbc:Amount>" + StandardRated + "</cac:AllowanceCharge>");
            Set(r, "cac:TaxTotal/cbc:TaxAmount", "1287.50");
            Set(r, HeaderSubtotal + "/cbc:TaxableAmount", "5150.00");
            Set(r, HeaderSubtotal + "/cbc:TaxAmount", "1287.50");
            Set(r, Lmt + "/cbc:TaxExclusiveAmount", "1287.50");
            Set(r, Lmt + "/cbc:TaxInclusiveAmount", "6437.50");
            AddAfter(r, Lmt + "/cbc:TaxInclusiveAmount", "<cbc:ChargeTotalAmount currencyID=\"DKK\">100.00</cbc:ChargeTotalAmount>");
            Set(r, Lmt + "/cbc:PayableAmount", "6437.50");
            Set(r, "cac:PaymentTerms/cbc:Amount", "6437.50");
        }
    }
}
