using InvoicePipeline.Worker.Csv;
using System.Globalization;
using CsvHelper;
using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Posting.Journal;

/// <summary>
/// `export journal`: the vouchers as CSV, one row per voucher line. Text cells that a spreadsheet would run as a
/// formula (=, +, -, @, tab, CR at the start) are escaped: supplier-provided text is untrusted.
/// </summary>
public static class JournalWriter
{
    public static readonly string[] Columns = ["series", "number", "date", "account", "cost_centre", "project", "debit", "credit", "text", "invoice_id"];

    public static async Task<int> WriteAsync(TextWriter output, IAsyncEnumerable<(VoucherEntry Voucher, IReadOnlyList<VoucherLineEntry> Lines)> vouchers, CancellationToken ct)
    {
        using var csv = CsvWriter.Create(output, new CsvWriterOptions
        {
            Separator = ',', NewLine = "\n", FormatProvider = CultureInfo.InvariantCulture, Injection = CsvInjection.Escape,
        }, true);
        csv.WriteHeader(Columns);
        var rows = 0;
        await foreach (var (v, lines) in vouchers.WithCancellation(ct))
        {
            foreach (var l in lines)
            {
                csv.WriteField(v.Series);
                csv.WriteNumber(v.Number);
                csv.WriteField(v.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(l.Account);
                csv.WriteField(l.CostCentre ?? "");
                csv.WriteField(l.Project ?? "");
                csv.WriteAmount(l.Amount > 0 ? l.Amount : null);
                csv.WriteAmount(l.Amount < 0 ? -l.Amount : null);
                csv.WriteField(l.Text ?? "");
                csv.WriteNumber(v.InvoiceId);
                csv.EndRecord();
                rows++;
            }
        }
        return rows;
    }
}
