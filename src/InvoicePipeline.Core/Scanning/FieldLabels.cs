using System.Text;

namespace InvoicePipeline.Scanning;

/// <summary>
/// The printed labels of invoice fields in Swedish, Danish and English, as normalised keys (lower case, letters and
/// digits only, words run together: "Org. nr:" → "orgnr"). Labels that name no wanted field ("Vår referens",
/// "BIC") are listed too, so their values are not taken for a neighbouring field.
/// </summary>
public static class FieldLabels
{
    public const string Ignore = "";

    private static readonly (string Field, string[] Labels)[] Table =
    [
        (ScanField.InvoiceNumber, ["fakturanummer", "fakturanr", "faktnr", "invoiceno", "invoicenumber", "invoicenr"]),
        (ScanField.IssueDate, ["fakturadatum", "fakturadato", "invoicedate", "datum", "dato", "date", "udstedelsesdato"]),
        (ScanField.DueDate, ["förfallodatum", "forfallodatum", "forfaldsdato", "duedate", "betalessenast", "attbetalasenast", "sidsterettidigebetalingsdag", "paymentdue"]),
        (ScanField.Currency, ["valuta", "currency"]),
        (ScanField.Net, ["exklmoms", "beloppexklmoms", "summaexklmoms", "nettobelopp", "netto", "eksklmoms", "beløbeksklmoms", "subtotal", "netamount", "totalexclvat", "exclvat", "amountexclvat"]),
        (ScanField.Vat, ["moms", "momsbelopp", "vat", "vatamount", "tax", "mva"]),
        (ScanField.Total, ["attbetala", "summaattbetala", "totalt", "ialt", "alt", "lalt", "1alt", "ralt", "talt", "jalt", "falt", "atbetale", "ialtatbetale", "beløbialt", "total", "totalamount", "amountdue", "totaldue", "totaltopay", "totalinclvat"]),
        (ScanField.OcrReference, ["ocr", "qcr", "0cr", "ocrnummer", "ocrnr", "ocrreferens", "paymentreference", "betalingsreference", "betalningsreferens"]),
        (ScanField.Bankgiro, ["bankgiro", "bankgironr", "bg", "bgnr"]),
        (ScanField.Plusgiro, ["plusgiro", "plusgironr", "postgiro", "pg", "pgnr"]),
        (ScanField.Iban, ["iban", "ibannr", "ibanno"]),
        (ScanField.OrgNo, ["orgnr", "organisationsnummer", "orgnummer", "cvr", "cvrnr", "cvrnummer", "companyregno", "regno", "companyno", "registrationno", "companyregistrationno"]),
        (ScanField.VatId, ["momsregnr", "momsregistreringsnummer", "vatno", "vatnumber", "vatregno", "vatid", "senr", "senummer", "momsnr"]),
        (ScanField.OrderReference, ["ordernummer", "ordernr", "erordernr", "erordernummer", "ordrenummer", "ordrenr", "deresordrenr", "orderno", "ordernumber", "ponumber", "pono", "purchaseorder", "yourorderno", "inköpsorder"]),
        (ScanField.BuyerReference, ["erreferens", "erref", "deresreference", "deresref", "yourreference", "yourref", "buyerreference", "referens", "reference"]),
        (Ignore, ["vårreferens", "vårref", "voresreference", "voresref", "ourreference", "ourref", "bic", "swift", "bicswift", "sida", "side", "page", "telefon", "tel", "phone", "epost", "email", "fakturaadress", "betalningsvillkor", "betalingsbetingelser", "paymentterms", "kundnummer", "kundenr", "customerno", "beskrivning", "beskrivelse", "description", "antal", "qty", "quantity", "belopp", "beløb", "amount", "pris", "price", "kund", "kunde", "customer"]),
    ];

    private static readonly Dictionary<string, string> ByLabel = Build();

    public static int LongestLabelWords => 5;

    /// <summary>The field a normalised label names (<see cref="Ignore"/> for a known label of no wanted field), or null.</summary>
    public static string? FieldFor(string normalisedLabel) => ByLabel.GetValueOrDefault(normalisedLabel);

    /// <summary>
    /// The field of the label <paramref name="normalisedLabel"/> is closest to when OCR got a letter or two wrong:
    /// one edit allowed from five letters, two from eleven. Short labels ("OCR", "BG", "Moms") must be exact.
    /// </summary>
    public static string? FieldForMisread(string normalisedLabel)
    {
        if (normalisedLabel.Length < 5) return null;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var (label, field) in ByLabel)
        {
            if (label.Length < 5 || Math.Abs(label.Length - normalisedLabel.Length) > 2) continue;
            var allowed = label.Length >= 11 ? 2 : 1;
            var d = EditDistance(label, normalisedLabel, allowed);
            if (d <= allowed && d < bestDistance)
            {
                best = field;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int EditDistance(string a, string b, int cap)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                rowMin = Math.Min(rowMin, cur[j]);
            }
            if (rowMin > cap) return rowMin;
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>
    /// <see cref="Normalise"/>, except for the misreads of "OCR" the Swedish model prefers ("Och", "QCR"): told
    /// apart from the word "och" by their capitals.
    /// </summary>
    public static string NormaliseLabelWord(string word) =>
        word.TrimEnd(':', '.') is "Och" or "OCH" or "QCR" or "0CR" or "OCR" ? "ocr" : Normalise(word);

    /// <summary>Lower case, letters and digits only: the form labels are compared in.</summary>
    public static string Normalise(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    private static Dictionary<string, string> Build()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, labels) in Table)
            foreach (var label in labels)
                d[label] = field;
        return d;
    }
}
