using InvoicePipeline.Coding;
using InvoicePipeline.Invoices;

namespace InvoicePipeline.Posting;

/// <summary>
/// The posting rules for a supplier invoice: one voucher per invoice, dated the run's posting date.
/// <list type="bullet">
/// <item>debit one expense line per coding (account, cost centre, project) with the net of its coded lines;</item>
/// <item>debit input VAT per rate (the document's VAT breakdown, else computed from the coded lines);</item>
/// <item>credit accounts payable with the amount due (BT-115, else the total including VAT);</item>
/// <item>a credit note books the same with reversed signs (coded lines are already negative on credit notes);</item>
/// <item>a foreign-currency document is converted at the issue date's rate (<see cref="ExchangeRateTable"/>).</item>
/// </list>
/// Rounding happens once, in <see cref="ToLedger"/>: each aggregated amount is converted at full precision and
/// rounded to öre there, nowhere else. Whatever those roundings leave (at most half an öre per line, or the
/// invoice's own payable rounding) goes to the rounding-difference account; a difference above
/// <see cref="PostingOptions.MaxRoundingDifference"/> is not rounding, and the invoice is refused.
/// </summary>
public static class VoucherBuilder
{
    public static Voucher ForInvoice(
        Invoice invoice,
        string invoiceReference,
        IReadOnlyList<CodedLine> codedLines,
        DateOnly postingDate,
        ExchangeRateTable rates,
        PostingOptions options,
        string? supplierName = null)
    {
        if (codedLines.Count == 0)
            throw new PostingRefusedException(ExceptionCode.MissingCoding, $"Invoice {invoice.Number} has no coded lines.");
        var rate = RateFor(invoice, rates, options);
        var text = $"{supplierName ?? invoice.Seller.Name} {invoice.Number}".Trim();
        var lines = new List<VoucherLine>();

        foreach (var group in codedLines.GroupBy(l => l.Coding))
            lines.Add(new VoucherLine(group.Key.Account, ToLedger(group.Sum(l => l.NetAmount), rate), group.Key.CostCentre, group.Key.Project, text, invoiceReference));

        var vatPerRate = VatPerRate(invoice, codedLines).ToList();
        foreach (var (vatRate, vat) in vatPerRate)
            lines.Add(new VoucherLine(options.VatAccountFor(vatRate), ToLedger(vat, rate), Text: text, Reference: invoiceReference));

        // Signed like the lines: the stated (positive) total times the document's sign; without totals, net + VAT.
        var payable = invoice.Totals.Payable != 0m ? invoice.Totals.Payable * invoice.Sign
            : invoice.Totals.TaxInclusive != 0m ? invoice.Totals.TaxInclusive * invoice.Sign
            : codedLines.Sum(l => l.NetAmount) + vatPerRate.Sum(v => v.Vat);
        lines.Add(new VoucherLine(options.PayablesAccount, -ToLedger(payable, rate), Text: text, Reference: invoiceReference));

        AddRoundingDifference(lines, options, text, invoiceReference);
        return Voucher.Create(options.InvoiceSeries, postingDate, text, lines, invoiceReference);
    }

    /// <summary>The one rounding place of posting: a document-currency amount into öre of the ledger currency.</summary>
    public static decimal ToLedger(decimal documentAmount, decimal rate) => Money.Round(documentAmount * rate);

    internal static void AddRoundingDifference(List<VoucherLine> lines, PostingOptions options, string text, string? reference)
    {
        var difference = -lines.Sum(l => l.Amount);
        if (difference == 0m) return;
        if (Math.Abs(difference) > options.MaxRoundingDifference)
            throw new UnbalancedVoucherException(
                $"Voucher '{text}' is off by {difference} {options.LedgerCurrency}, more than rounding ({options.MaxRoundingDifference}): not posted.");
        lines.Add(new VoucherLine(options.RoundingAccount, difference, Text: text, Reference: reference));
    }

    private static decimal RateFor(Invoice invoice, ExchangeRateTable rates, PostingOptions options)
    {
        if (string.Equals(invoice.Currency, options.LedgerCurrency, StringComparison.OrdinalIgnoreCase)) return 1m;
        return rates.RateOn(invoice.Currency, invoice.IssueDate)
            ?? throw new PostingRefusedException(ExceptionCode.MissingExchangeRate,
                $"No {invoice.Currency} rate on or before {invoice.IssueDate:yyyy-MM-dd} for invoice {invoice.Number}.");
    }

    /// <summary>Signed VAT per rate in the document currency, unrounded when computed from lines.</summary>
    private static IEnumerable<(decimal Rate, decimal Vat)> VatPerRate(Invoice invoice, IReadOnlyList<CodedLine> codedLines)
    {
        if (invoice.VatBreakdown.Count > 0)
        {
            return invoice.VatBreakdown
                .Where(v => v.TaxAmount != 0m)
                .GroupBy(v => v.Rate ?? 0m)
                .OrderByDescending(g => g.Key)
                .Select(g => (g.Key, g.Sum(v => v.TaxAmount) * invoice.Sign));
        }
        return codedLines
            .Where(l => l.VatRate != 0m)
            .GroupBy(l => l.VatRate)
            .OrderByDescending(g => g.Key)
            .Select(g => (g.Key, g.Sum(l => l.NetAmount) * g.Key / 100m));
    }
}
