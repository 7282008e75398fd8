namespace InvoicePipeline.Worker.Tests.Scanned.Support;

/// <summary>The printed labels of a generated invoice, per language.</summary>
public sealed record Labels(
    string Title, string Customer, string InvoiceNo, string IssueDate, string DueDate, string BuyerRef, string OrderRef,
    string Currency, string Description, string Quantity, string Amount, string Net, string Vat, string Total,
    string Bankgiro, string Plusgiro, string Ocr, string OrgNo, string VatId)
{
    private static readonly Labels Sv = new("FAKTURA", "Kund", "Fakturanummer", "Fakturadatum", "Förfallodatum", "Er referens",
        "Ordernummer", "Valuta", "Beskrivning", "Antal", "Belopp", "Belopp exkl. moms", "Moms {0}%", "Att betala",
        "Bankgiro", "Plusgiro", "OCR", "Org.nr", "Momsreg.nr");

    private static readonly Labels Da = new("FAKTURA", "Kunde", "Fakturanr.", "Fakturadato", "Forfaldsdato", "Deres reference",
        "Ordrenr.", "Valuta", "Beskrivelse", "Antal", "Beløb", "Beløb ekskl. moms", "Moms {0}%", "I alt",
        "Bankgiro", "Plusgiro", "Betalingsreference", "CVR-nr.", "Momsnr.");

    private static readonly Labels En = new("INVOICE", "Customer", "Invoice no", "Invoice date", "Due date", "Your reference",
        "Order no", "Currency", "Description", "Qty", "Amount", "Subtotal", "VAT {0}%", "Total due",
        "Bankgiro", "Plusgiro", "Payment reference", "Company reg. no", "VAT no");

    public static Labels For(string language) => language switch
    {
        "sv" => Sv,
        "da" => Da,
        _ => En,
    };
}
