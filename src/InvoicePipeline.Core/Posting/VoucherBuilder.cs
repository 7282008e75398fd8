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
        var text = string.Concat(supplierName ?? invoice.Seller.Name, " ", invoice.Number).Trim();
        var vatPerRate = VatPerRate(invoice, codedLines);
        var lines = new List<VoucherLine>(codedLines.Count + vatPerRate.Count + 2);

        // Plain loops rather than LINQ (this runs once per invoice of a bulk posting), in LINQ's order: codings in order
        // of first appearance, each sum added up in line order.
        var perCoding = new List<(Coding.Coding Coding, decimal Net)>(codedLines.Count);
        for (var i = 0; i < codedLines.Count; i++)
            Add(perCoding, codedLines[i].Coding, codedLines[i].NetAmount);
        foreach (var (coding, net) in perCoding)
            lines.Add(new VoucherLine(coding.Account, ToLedger(net, rate), coding.CostCentre, coding.Project, text, invoiceReference));

        foreach (var (vatRate, vat) in vatPerRate)
            lines.Add(new VoucherLine(options.VatAccountFor(vatRate), ToLedger(vat, rate), Text: text, Reference: invoiceReference));

        // Signed like the lines: the stated (positive) total times the document's sign; without totals, net + VAT.
        var payable = invoice.Totals.Payable != 0m ? invoice.Totals.Payable * invoice.Sign
            : invoice.Totals.TaxInclusive != 0m ? invoice.Totals.TaxInclusive * invoice.Sign
            : NetPlusVat(codedLines, vatPerRate);
        lines.Add(new VoucherLine(options.PayablesAccount, -ToLedger(payable, rate), Text: text, Reference: invoiceReference));

        AddRoundingDifference(lines, options, text, invoiceReference);
        return Voucher.Create(options.InvoiceSeries, postingDate, text, lines, invoiceReference);
    }

    /// <summary>The one rounding place of posting: a document-currency amount into öre of the ledger currency.</summary>
    public static decimal ToLedger(decimal documentAmount, decimal rate) => Money.Round(documentAmount * rate);

    internal static void AddRoundingDifference(List<VoucherLine> lines, PostingOptions options, string text, string? reference)
    {
        var sum = 0m;
        foreach (var line in lines)
            sum += line.Amount;
        var difference = -sum;
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

    /// <summary>Signed VAT per rate in the document currency (rate descending), unrounded when computed from lines.</summary>
    private static List<(decimal Rate, decimal Vat)> VatPerRate(Invoice invoice, IReadOnlyList<CodedLine> codedLines)
    {
        var perRate = new List<(decimal Rate, decimal Amount)>(2);
        if (invoice.VatBreakdown.Count > 0)
        {
            foreach (var v in invoice.VatBreakdown)
                if (v.TaxAmount != 0m) Add(perRate, v.Rate ?? 0m, v.TaxAmount);
            for (var i = 0; i < perRate.Count; i++)
                perRate[i] = (perRate[i].Rate, perRate[i].Amount * invoice.Sign);
        }
        else
        {
            for (var i = 0; i < codedLines.Count; i++)
                if (codedLines[i].VatRate != 0m) Add(perRate, codedLines[i].VatRate, codedLines[i].NetAmount);
            for (var i = 0; i < perRate.Count; i++)
                perRate[i] = (perRate[i].Rate, perRate[i].Amount * perRate[i].Rate / 100m);
        }
        // Highest rate first; a stable insertion sort (a handful of rates at most).
        for (var i = 1; i < perRate.Count; i++)
        {
            var item = perRate[i];
            var j = i - 1;
            for (; j >= 0 && perRate[j].Rate < item.Rate; j--)
                perRate[j + 1] = perRate[j];
            perRate[j + 1] = item;
        }
        return perRate;
    }

    /// <summary>Adds <paramref name="amount"/> to the key's sum; a new key keeps its place of first appearance (like GroupBy).</summary>
    private static void Add<TKey>(List<(TKey Key, decimal Sum)> sums, TKey key, decimal amount) where TKey : notnull
    {
        for (var i = 0; i < sums.Count; i++)
        {
            if (EqualityComparer<TKey>.Default.Equals(sums[i].Key, key))
            {
                sums[i] = (sums[i].Key, sums[i].Sum + amount);
                return;
            }
        }
        sums.Add((key, 0m + amount)); // from 0, as Sum does (the same scale and sign of zero)
    }

    /// <summary>The payable of a document without totals: the coded lines' net plus the VAT, summed like LINQ's Sum.</summary>
    private static decimal NetPlusVat(IReadOnlyList<CodedLine> codedLines, List<(decimal Rate, decimal Vat)> vatPerRate)
    {
        var net = 0m;
        for (var i = 0; i < codedLines.Count; i++)
            net += codedLines[i].NetAmount;
        var vat = 0m;
        foreach (var (_, v) in vatPerRate)
            vat += v;
        return net + vat;
    }
}
