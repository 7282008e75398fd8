using System.Globalization;
using InvoicePipeline.Identifiers;

namespace InvoicePipeline.Worker.Tests.Scanned.Support;

/// <summary>Invents plausible invoices, deterministic from the seed: Swedish, Danish and English, valid check digits.</summary>
public static class ScanTruthFactory
{
    private static readonly string[] SwedishNames = ["Nordisk Kontorsservice AB", "Byggmästarna i Mälardalen AB", "Ljus & Energi Sverige AB", "Örebro Städtjänst AB", "Kungsbacka IT-konsult AB"];
    private static readonly string[] DanishNames = ["Jensen & Søn ApS", "Københavns Rengøring A/S", "Nørrebro Kontorforsyning ApS", "Aarhus Datacenter A/S"];
    private static readonly string[] EnglishNames = ["Northern Office Supplies Ltd", "Baltic Cloud Services AB", "Atlantic Consulting Group Ltd"];
    private static readonly string[] Streets = ["Storgatan 12", "Industrivej 4", "Kungsgatan 44", "Havnegade 7", "Main Street 101"];
    private static readonly string[] Descriptions = ["Konsulttjänster", "Kontorsmaterial", "Rengøring", "IT support", "Licenser", "Transport"];
    private static readonly string[] People = ["Anna Berg", "Lars Holm", "Eva Lund", "Karin Sjöberg", "Mette Dahl", "John Smith"];

    public static ScanTruth Create(int seed, string? language = null, int? layout = null)
    {
        var r = new Random(seed);
        var lang = language ?? (seed % 3) switch { 0 => "sv", 1 => "da", _ => "en" };
        var issue = new DateOnly(2026, 1, 1).AddDays(r.Next(0, 320));
        var rate = lang == "sv" ? new[] { 25m, 25m, 25m, 12m, 6m }[r.Next(5)] : 25m;
        var net = Money.Round(r.Next(100, 250_000) + r.Next(0, 100) / 100m);
        var swedish = lang == "sv" || (lang == "en" && r.Next(2) == 0);
        var orgNo = swedish ? SwedishOrgNo(r) : Cvr(r);
        var usePlusgiro = lang == "sv" && r.Next(4) == 0;
        var buyerRef = r.Next(2) == 0 ? People[r.Next(People.Length)] : "KS" + r.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        return new ScanTruth
        {
            Language = lang,
            Layout = layout ?? (seed / 3) % 3,
            SupplierName = (lang switch { "sv" => SwedishNames, "da" => DanishNames, _ => EnglishNames })[r.Next(lang switch { "sv" => 5, "da" => 4, _ => 3 })],
            SupplierStreet = Streets[r.Next(Streets.Length)],
            OrgNo = orgNo,
            VatId = swedish ? "SE" + orgNo.Replace("-", "", StringComparison.Ordinal) + "01" : "DK" + orgNo,
            InvoiceNumber = (r.Next(3) == 0 ? "F" : "") + r.Next(10_000, 999_999).ToString(CultureInfo.InvariantCulture),
            IssueDate = issue,
            DueDate = issue.AddDays(new[] { 10, 14, 20, 30, 45 }[r.Next(5)]),
            Currency = lang switch { "sv" => "SEK", "da" => "DKK", _ => swedish ? "EUR" : "DKK" },
            Net = net,
            VatRate = rate,
            Vat = Money.Round(net * rate / 100m),
            OcrReference = lang == "da" ? null : WithLuhn(r, r.Next(6, 12)),
            Bankgiro = lang == "sv" && !usePlusgiro ? FormatBankgiro(WithLuhn(r, 8)) : null,
            Plusgiro = usePlusgiro ? FormatPlusgiro(WithLuhn(r, 7)) : null,
            Iban = lang == "sv" ? null : Iban(r, swedish ? "SE" : "DK", swedish ? 20 : 14),
            Bic = lang == "sv" ? null : swedish ? "ESSESESS" : "DABADKKK",
            OrderReference = "PO-" + r.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture),
            BuyerReference = buyerRef,
            Description = Descriptions[r.Next(Descriptions.Length)],
        };
    }

    public static string WithLuhn(Random r, int length)
    {
        var body = (char)('1' + r.Next(9)) + string.Concat(Enumerable.Range(0, length - 2).Select(_ => (char)('0' + r.Next(10))));
        return body + Luhn.CheckDigit(body).ToString(CultureInfo.InvariantCulture);
    }

    public static string FormatBankgiro(string digits) => digits.Length == 8 ? $"{digits[..4]}-{digits[4..]}" : $"{digits[..3]}-{digits[3..]}";

    public static string FormatPlusgiro(string digits) => $"{digits[..^1]}-{digits[^1]}";

    private static string SwedishOrgNo(Random r)
    {
        var body = "55" + string.Concat(Enumerable.Range(0, 7).Select(_ => (char)('0' + r.Next(10))));
        var digits = body + Luhn.CheckDigit(body).ToString(CultureInfo.InvariantCulture);
        return $"{digits[..6]}-{digits[6..]}";
    }

    private static string Cvr(Random r)
    {
        int[] w = [2, 7, 6, 5, 4, 3, 2];
        while (true)
        {
            var d = Enumerable.Range(0, 7).Select(i => i == 0 ? 1 + r.Next(9) : r.Next(10)).ToArray();
            var rest = d.Select((x, i) => x * w[i]).Sum() % 11;
            var check = (11 - rest) % 11;
            if (check == 10) continue;
            return string.Concat(d) + check.ToString(CultureInfo.InvariantCulture);
        }
    }

    private static string Iban(Random r, string country, int bbanLength)
    {
        var bban = string.Concat(Enumerable.Range(0, bbanLength).Select(_ => (char)('0' + r.Next(10))));
        var numeric = bban + string.Concat(country.Select(c => (c - 'A' + 10).ToString(CultureInfo.InvariantCulture))) + "00";
        var rem = numeric.Aggregate(0, (acc, c) => (acc * 10 + (c - '0')) % 97);
        var iban = country + (98 - rem).ToString("00", CultureInfo.InvariantCulture) + bban;
        return string.Join(' ', Enumerable.Range(0, (iban.Length + 3) / 4).Select(i => iban.Substring(i * 4, Math.Min(4, iban.Length - i * 4))));
    }
}
