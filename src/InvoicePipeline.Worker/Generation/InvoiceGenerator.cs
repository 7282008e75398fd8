using System.Globalization;
using System.Security;
using System.Text;
using InvoicePipeline.Identifiers;

namespace InvoicePipeline.Worker.Generation;

public sealed record GeneratedSet(int Invoices, int Suppliers, int OrderLines, IReadOnlyDictionary<string, int> Mix);

/// <summary>
/// Writes N Peppol BIS 3 invoices with consistent master data (suppliers, orders, receipts, accounts, cost centres,
/// approvers) and a realistic mix of clean invoices and exceptions. Deterministic from the seed: the same seed gives
/// the same bytes, so benchmark and test runs can be repeated.
/// </summary>
public static class InvoiceGenerator
{
    private static readonly string[] Kinds = ["clean", "price", "quantity", "notreceived", "noorder", "unknown", "duplicate", "broken"];
    // Shares per 1,000 invoices: most pass untouched, as in a centre near the best-in-class touchless rate.
    private static readonly int[] Weights = [800, 40, 30, 40, 40, 20, 20, 10];

    public static GeneratedSet Write(string folder, int invoices, int seed)
    {
        var random = new Random(seed);
        var md = Directory.CreateDirectory(Path.Combine(folder, "masterdata")).FullName;
        var inbox = Directory.CreateDirectory(Path.Combine(folder, "inbox", "einvoices")).FullName;
        var supplierCount = Math.Max(10, invoices / 200);
        var suppliers = Enumerable.Range(1, supplierCount).Select(i => Supplier(i)).ToList();

        File.WriteAllText(Path.Combine(md, "accounts.csv"), "account,name,type\n2440,Leverantörsskulder,payable\n2641,Ingående moms,vat_in\n3740,Öresutjämning,rounding\n4010,Inköp material och varor,expense\n5410,Förbrukningsinventarier,expense\n6540,IT-tjänster,expense\n");
        File.WriteAllText(Path.Combine(md, "cost_centres.csv"), "cost_centre,name,manager_user_id\nCC100,Ekonomi,anna.manager\nCC200,Fastighet,bo.chef\nCC300,IT,bo.chef\n");
        File.WriteAllText(Path.Combine(md, "approvers.csv"), "user_id,name,cost_centre,max_amount,role\nanna.manager,Anna Andersson,CC100,100000,approver\nbo.chef,Bo Berg,CC200,250000,approver\nbo.chef,Bo Berg,CC300,250000,approver\ncecilia.cfo,Cecilia Carlsson,*,5000000,approver\n");
        using (var w = new StreamWriter(Path.Combine(md, "suppliers.csv"), false, new UTF8Encoding(false)))
        {
            w.Write("supplier_id,name,org_no,vat_id,peppol_id,country,bankgiro,default_account,default_cost_centre,payment_terms_days,blocked\n");
            foreach (var s in suppliers)
                w.Write($"{s.Id},{s.Name},{s.OrgNo[..6]}-{s.OrgNo[6..]},SE{s.OrgNo}01,0007:{s.OrgNo},SE,{s.Bankgiro},4010,CC100,30,false\n");
        }

        var mix = Kinds.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var orderLines = 0;
        using var po = new StreamWriter(Path.Combine(md, "purchase_orders.csv"), false, new UTF8Encoding(false));
        using var gr = new StreamWriter(Path.Combine(md, "goods_receipts.csv"), false, new UTF8Encoding(false));
        po.Write("po_number,po_line,supplier_id,quantity,unit_price,currency,account,cost_centre,project,item_id,description,ordered_by,order_date\n");
        gr.Write("receipt_id,po_number,po_line,quantity,received_date\n");
        string? lastXml = null;
        for (var n = 1; n <= invoices; n++)
        {
            var kind = Pick(random);
            var supplier = suppliers[random.Next(suppliers.Count)];
            var poNumber = $"PO-{n:D8}";
            var lineCount = 1 + random.Next(4);
            var lines = new List<(int Qty, decimal Price, string Item, string Name)>();
            for (var l = 1; l <= lineCount; l++)
            {
                var qty = 1 + random.Next(40);
                var price = Math.Round((decimal)(5 + random.NextDouble() * 2000), 2);
                var item = $"ART-{random.Next(1000, 9999)}";
                lines.Add((qty, price, item, Names[random.Next(Names.Length)]));
                if (kind != "noorder")
                {
                    po.Write(string.Create(CultureInfo.InvariantCulture, $"{poNumber},{l},{supplier.Id},{qty},{price},SEK,{Accounts[l % 3]},{Centres[n % 3]},,{item},{lines[^1].Name},buyer{n % 17},2026-10-01\n"));
                    orderLines++;
                    var received = kind == "notreceived" && l == 1 ? qty - 1 : qty;
                    gr.Write(string.Create(CultureInfo.InvariantCulture, $"GR-{n:D8}-{l},{poNumber},{l},{received},2026-10-15\n"));
                }
            }
            string xml;
            if (kind == "duplicate" && lastXml is not null)
            {
                xml = lastXml; // same supplier, same number, different file name: a duplicate by content, not by bytes
                xml = xml.Replace("<cbc:Note>", "<cbc:Note>copy ", StringComparison.Ordinal);
            }
            else
            {
                var invoiced = lines.Select((x, i) => kind switch
                {
                    "price" when i == 0 => (x.Qty, Math.Round(x.Price * 1.10m, 2), x.Item, x.Name),
                    "quantity" when i == 0 => (x.Qty + 5, x.Price, x.Item, x.Name),
                    _ => x,
                }).ToList();
                var seller = kind == "unknown" ? Supplier(supplierCount + 1 + n) : supplier;
                xml = Ubl($"INV-{n:D8}", seller, kind == "noorder" ? null : poNumber, invoiced, n);
                if (kind == "broken") xml = xml[..(xml.Length / 2)];
            }
            if (kind is "clean" or "price" or "quantity" or "notreceived" or "noorder") lastXml = xml;
            mix[kind]++;
            File.WriteAllText(Path.Combine(inbox, $"gen-{n:D8}.xml"), xml, new UTF8Encoding(false));
        }
        return new GeneratedSet(invoices, suppliers.Count, orderLines, mix);
    }

    private static readonly string[] Names = ["Kopieringspapper A4", "Kontorsstol", "Pennor", "Konsulttimmar", "Lokalvård", "Skrivbordslampa", "Licenser", "Toner"];
    private static readonly string[] Accounts = ["4010", "5410", "6540"];
    private static readonly string[] Centres = ["CC100", "CC200", "CC300"];

    private static string Pick(Random random)
    {
        var r = random.Next(Weights.Sum());
        for (var i = 0; i < Weights.Length; i++)
        {
            if (r < Weights[i]) return Kinds[i];
            r -= Weights[i];
        }
        return Kinds[0];
    }

    private sealed record GenSupplier(string Id, string Name, string OrgNo, string Bankgiro);

    private static GenSupplier Supplier(int i)
    {
        var body = (556000000 + i * 7919 % 999999).ToString("D9", CultureInfo.InvariantCulture);
        var org = body + Luhn.CheckDigit(body).ToString(CultureInfo.InvariantCulture);
        var bg = (1000000 + i).ToString(CultureInfo.InvariantCulture);
        return new GenSupplier($"G{i:D5}", $"Leverantör {i} AB", org, bg + Luhn.CheckDigit(bg).ToString(CultureInfo.InvariantCulture));
    }

    private static string Ubl(string number, GenSupplier s, string? po, List<(int Qty, decimal Price, string Item, string Name)> lines, int n)
    {
        var net = lines.Sum(l => Money.Round(l.Qty * l.Price));
        var vat = Money.Round(net * 0.25m);
        var sb = new StringBuilder(4096);
        string A(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);
        sb.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
              <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>
              <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
              <cbc:ID>{number}</cbc:ID>
              <cbc:IssueDate>2026-11-{1 + n % 28:D2}</cbc:IssueDate>
              <cbc:DueDate>2026-12-{1 + n % 28:D2}</cbc:DueDate>
              <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>
              <cbc:Note>generated {n}</cbc:Note>
              <cbc:DocumentCurrencyCode>SEK</cbc:DocumentCurrencyCode>
              <cbc:BuyerReference>REF-{n % 97}</cbc:BuyerReference>

            """);
        if (po is not null) sb.Append(CultureInfo.InvariantCulture, $"  <cac:OrderReference><cbc:ID>{po}</cbc:ID></cac:OrderReference>\n");
        sb.Append(CultureInfo.InvariantCulture, $"""
              <cac:AccountingSupplierParty><cac:Party><cbc:EndpointID schemeID="0007">{s.OrgNo}</cbc:EndpointID><cac:PostalAddress><cbc:CityName>Stockholm</cbc:CityName><cac:Country><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country></cac:PostalAddress><cac:PartyTaxScheme><cbc:CompanyID>SE{s.OrgNo}01</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyLegalEntity><cbc:RegistrationName>{SecurityElement.Escape(s.Name)}</cbc:RegistrationName><cbc:CompanyID>{s.OrgNo}</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
              <cac:AccountingCustomerParty><cac:Party><cbc:EndpointID schemeID="0007">2021005489</cbc:EndpointID><cac:PostalAddress><cbc:CityName>Gävle</cbc:CityName><cac:Country><cbc:IdentificationCode>SE</cbc:IdentificationCode></cac:Country></cac:PostalAddress><cac:PartyTaxScheme><cbc:CompanyID>SE202100548901</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme><cac:PartyLegalEntity><cbc:RegistrationName>Statens servicecenter</cbc:RegistrationName><cbc:CompanyID>2021005489</cbc:CompanyID></cac:PartyLegalEntity></cac:Party></cac:AccountingCustomerParty>
              <cac:PaymentMeans><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cac:PayeeFinancialAccount><cbc:ID>{s.Bankgiro}</cbc:ID><cac:FinancialInstitutionBranch><cbc:ID>SE:BANKGIRO</cbc:ID></cac:FinancialInstitutionBranch></cac:PayeeFinancialAccount></cac:PaymentMeans>
              <cac:TaxTotal><cbc:TaxAmount currencyID="SEK">{A(vat)}</cbc:TaxAmount><cac:TaxSubtotal><cbc:TaxableAmount currencyID="SEK">{A(net)}</cbc:TaxableAmount><cbc:TaxAmount currencyID="SEK">{A(vat)}</cbc:TaxAmount><cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>
              <cac:LegalMonetaryTotal><cbc:LineExtensionAmount currencyID="SEK">{A(net)}</cbc:LineExtensionAmount><cbc:TaxExclusiveAmount currencyID="SEK">{A(net)}</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="SEK">{A(net + vat)}</cbc:TaxInclusiveAmount><cbc:PayableAmount currencyID="SEK">{A(net + vat)}</cbc:PayableAmount></cac:LegalMonetaryTotal>

            """);
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var orderLine = po is null ? "" : $"<cac:OrderLineReference><cbc:LineID>{i + 1}</cbc:LineID></cac:OrderLineReference>";
            sb.Append(CultureInfo.InvariantCulture, $"""
                  <cac:InvoiceLine><cbc:ID>{i + 1}</cbc:ID><cbc:InvoicedQuantity unitCode="EA">{l.Qty}</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="SEK">{A(Money.Round(l.Qty * l.Price))}</cbc:LineExtensionAmount>{orderLine}<cac:Item><cbc:Name>{l.Name}</cbc:Name><cac:SellersItemIdentification><cbc:ID>{l.Item}</cbc:ID></cac:SellersItemIdentification><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item><cac:Price><cbc:PriceAmount currencyID="SEK">{A(l.Price)}</cbc:PriceAmount></cac:Price></cac:InvoiceLine>

                """);
        }
        sb.Append("</Invoice>\n");
        return sb.ToString();
    }
}
