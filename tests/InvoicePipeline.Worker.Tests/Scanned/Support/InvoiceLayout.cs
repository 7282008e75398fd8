using System.Globalization;

namespace InvoicePipeline.Worker.Tests.Scanned.Support;

/// <summary>A piece of text on the page, positioned at its baseline, in pixels of a 1000 × 1250 page.</summary>
public sealed record TextItem(float X, float Y, string Text, float Size, bool Bold = false, bool RightAligned = false);

/// <summary>
/// Lays an invoice out in one of three layouts seen on paper invoices: label and value on one line, two columns
/// of label–value pairs, and labelled boxes (label above value). Language decides labels and number/date formats.
/// </summary>
public static class InvoiceLayout
{
    public const float Width = 1000;
    public const float Height = 1250;

    public static IReadOnlyList<TextItem> Compose(ScanTruth t)
    {
        var l = Labels.For(t.Language);
        var items = new List<TextItem>
        {
            new(60, 80, t.SupplierName, 30, Bold: true),
            new(60, 115, t.SupplierStreet, 18),
            new(60, 140, t.Language == "da" ? "2100 København Ø" : "118 20 Stockholm", 18),
            new(940, 80, l.Title, 36, Bold: true, RightAligned: true),
            new(560, 190, l.Customer, 18, Bold: true),
            new(560, 216, "Statens servicecenter", 18),
            new(560, 242, "Box 4014, 851 04 Sundsvall", 18),
        };
        var header = new (string Label, string Value)[]
        {
            (l.InvoiceNo, t.InvoiceNumber), (l.IssueDate, Date(t, t.IssueDate)), (l.DueDate, Date(t, t.DueDate)),
            (l.BuyerRef, t.BuyerReference), (l.OrderRef, t.OrderReference), (l.Currency, t.Currency),
        };
        var y = t.Layout switch
        {
            0 => ListLayout(items, header),
            1 => TwoColumns(items, header),
            _ => Boxes(items, header, l, t),
        };
        y += 40;
        items.Add(new(60, y, l.Description, 18, Bold: true));
        items.Add(new(640, y, l.Quantity, 18, Bold: true));
        items.Add(new(940, y, l.Amount, 18, Bold: true, RightAligned: true));
        y += 34;
        items.Add(new(60, y, $"{t.Description} {t.IssueDate.ToString("MMMM yyyy", CultureInfo.InvariantCulture)}", 20));
        items.Add(new(650, y, "1", 20));
        items.Add(new(940, y, Amount(t, t.Net), 20, RightAligned: true));
        y += 70;
        foreach (var (label, value, bold) in new[]
        {
            (l.Net, Amount(t, t.Net), false),
            (string.Format(CultureInfo.InvariantCulture, l.Vat, t.VatRate.ToString("0", CultureInfo.InvariantCulture)), Amount(t, t.Vat), false),
            (l.Total, $"{t.Currency} {Amount(t, t.Total)}", true),
        })
        {
            items.Add(new(500, y, label, 21, Bold: bold));
            items.Add(new(940, y, value, 21, Bold: bold, RightAligned: true));
            y += 38;
        }
        y += 60;
        Footer(items, y, l, t);
        return items;
    }

    private static float ListLayout(List<TextItem> items, (string Label, string Value)[] header)
    {
        var y = 320f;
        foreach (var (label, value) in header)
        {
            items.Add(new(60, y, label + ":", 21));
            items.Add(new(320, y, value, 21));
            y += 36;
        }
        return y;
    }

    private static float TwoColumns(List<TextItem> items, (string Label, string Value)[] header)
    {
        var y = 320f;
        for (var i = 0; i < 3; i++)
        {
            items.Add(new(60, y, header[i].Label, 21, Bold: true));
            items.Add(new(270, y, header[i].Value, 21));
            items.Add(new(520, y, header[i + 3].Label, 21, Bold: true));
            items.Add(new(740, y, header[i + 3].Value, 21));
            y += 38;
        }
        return y;
    }

    private static float Boxes(List<TextItem> items, (string Label, string Value)[] header, Labels l, ScanTruth t)
    {
        var y = 320f;
        var cells = header.Take(4).Concat(header.Skip(4)).Append((l.OrgNo, t.OrgNo)).ToList();
        if (t.OcrReference is not null) cells.Add((l.Ocr, t.OcrReference));
        for (var row = 0; row * 4 < cells.Count; row++)
        {
            for (var col = 0; col < 4 && row * 4 + col < cells.Count; col++)
            {
                var (label, value) = cells[row * 4 + col];
                items.Add(new(60 + col * 230, y, label, 15));
                items.Add(new(60 + col * 230, y + 30, value, 21));
            }
            y += 80;
        }
        return y;
    }

    private static void Footer(List<TextItem> items, float y, Labels l, ScanTruth t)
    {
        var payment = new List<(string, string)>();
        if (t.Bankgiro is not null) payment.Add((l.Bankgiro, t.Bankgiro));
        if (t.Plusgiro is not null) payment.Add((l.Plusgiro, t.Plusgiro));
        if (t.OcrReference is not null && t.Layout != 2) payment.Add((l.Ocr, t.OcrReference));
        if (t.Iban is not null) payment.Add(("IBAN", t.Iban));
        if (t.Bic is not null) payment.Add(("BIC", t.Bic));
        var company = new List<(string, string)> { (l.VatId, t.VatId) };
        if (t.Layout != 2) company.Insert(0, (l.OrgNo, t.OrgNo));
        foreach (var line in new[] { payment, company })
        {
            // Two pairs per line: the reader must stop a value at the next label.
            for (var i = 0; i < line.Count; i += 2)
            {
                items.Add(new(60, y, $"{line[i].Item1}: {line[i].Item2}", 19));
                if (i + 1 < line.Count) items.Add(new(560, y, $"{line[i + 1].Item1}: {line[i + 1].Item2}", 19));
                y += 32;
            }
            y += 12;
        }
    }

    public static string Amount(ScanTruth t, decimal amount)
    {
        var s = amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
        return t.Language switch
        {
            "sv" => s.Replace(",", " ", StringComparison.Ordinal).Replace('.', ','),
            "da" => s.Replace(",", "#", StringComparison.Ordinal).Replace('.', ',').Replace('#', '.'),
            _ => s,
        };
    }

    public static string Date(ScanTruth t, DateOnly d) => t.Language switch
    {
        "da" => d.ToString(t.Layout == 1 ? "dd.MM.yyyy" : "dd-MM-yyyy", CultureInfo.InvariantCulture),
        "en" when t.Layout != 2 => d.ToString("dd MMM yyyy", CultureInfo.InvariantCulture),
        _ => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
