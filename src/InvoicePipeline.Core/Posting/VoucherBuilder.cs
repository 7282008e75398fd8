using InvoicePipeline.Coding;
using InvoicePipeline.Invoices;

namespace InvoicePipeline.Posting;

/// <summary>
/// The posting rules for a supplier invoice: one voucher per invoice, dated the run's posting date (docs/posting.md).
/// <list type="bullet">
/// <item>debit one expense line per coding (account, cost centre, project) with the net of its coded lines; a
/// document-level charge is a coded line of its own, an allowance one with a negative amount (BG-20/BG-21);</item>
/// <item>debit input VAT per rate (the document's VAT breakdown, else computed from the coded lines); on a line whose
/// account has no VAT deduction (<see cref="CodedLine.VatDeductible"/>) the VAT is cost, added to the line's account;</item>
/// <item>reverse charge (<see cref="PostingOptions.IsReverseCharge"/>: AE, K, G): the buyer self-assesses VAT at
/// <see cref="PostingOptions.ReverseChargeVatRate"/> on the line's net, input VAT debited on
/// <see cref="PostingOptions.VatInReverseAccount"/> (cost when not deductible), output VAT credited on
/// <see cref="PostingOptions.VatOutReverseAccount"/>;</item>
/// <item>credit the prepayment account with what was paid in advance (BT-113) and accounts payable with the amount
/// due (BT-115), so the voucher balances without the rounding account except for real rounding;</item>
/// <item>amounts are signed by the one sign rule (<see cref="DocumentSign"/>): a credit note books the same with
/// reversed signs (its coded lines are already negative), a negative invoice as stated;</item>
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
        var lines = new List<VoucherLine>(codedLines.Count + vatPerRate.Count + 4);

        // Plain loops rather than LINQ (this runs once per invoice of a bulk posting), in LINQ's order: codings in order
        // of first appearance, each sum added up in line order.
        var perCoding = new List<(Coding.Coding Coding, decimal Net)>(codedLines.Count);
        var reverseIn = 0m;
        var reverseOut = 0m;
        for (var i = 0; i < codedLines.Count; i++)
        {
            var line = codedLines[i];
            Add(perCoding, line.Coding, line.NetAmount);
            if (PostingOptions.IsReverseCharge(line.VatCategory))
            {
                var selfAssessed = line.NetAmount * options.ReverseChargeVatRate / 100m;
                reverseOut += selfAssessed;
                if (line.VatDeductible) reverseIn += selfAssessed;
                else Add(perCoding, line.Coding, selfAssessed);
            }
            else if (!line.VatDeductible && line.VatRate != 0m && TakeVat(vatPerRate, line.VatRate, line.NetAmount * line.VatRate / 100m) is var cost and not 0m)
                Add(perCoding, line.Coding, cost);
        }
        foreach (var (coding, net) in perCoding)
            lines.Add(new VoucherLine(coding.Account, ToLedger(net, rate), coding.CostCentre, coding.Project, text, invoiceReference));

        foreach (var (vatRate, vat) in vatPerRate)
            lines.Add(new VoucherLine(options.VatAccountFor(vatRate), ToLedger(vat, rate), Text: text, Reference: invoiceReference));
        if (reverseOut != 0m)
        {
            lines.Add(new VoucherLine(options.VatInReverseAccount, ToLedger(reverseIn, rate), Text: text, Reference: invoiceReference));
            lines.Add(new VoucherLine(options.VatOutReverseAccount, -ToLedger(reverseOut, rate), Text: text, Reference: invoiceReference));
        }

        // Signed like the lines: the stated (positive) amounts times the document's sign; without totals, net + VAT.
        var totals = invoice.Totals;
        var prepaid = totals.Prepaid is { } p && p != 0m ? DocumentSign.Signed(p, invoice.Sign) : 0m;
        if (prepaid != 0m)
            lines.Add(new VoucherLine(options.PrepaymentAccount, -ToLedger(prepaid, rate), Text: text, Reference: invoiceReference));
        var payable = totals.Payable != 0m || prepaid != 0m ? DocumentSign.Signed(totals.Payable, invoice.Sign)
            : totals.TaxInclusive != 0m ? DocumentSign.Signed(totals.TaxInclusive, invoice.Sign)
            : NetPlusVat(codedLines, vatPerRate);
        lines.Add(new VoucherLine(options.PayablesAccount, -ToLedger(payable, rate), Text: text, Reference: invoiceReference));

        AddRoundingDifference(lines, options, text, invoiceReference);
        return Voucher.Create(options.InvoiceSeries, postingDate, text, lines, invoiceReference);
    }

    /// <summary>Moves <paramref name="amount"/> out of the VAT of <paramref name="vatRate"/> (it becomes cost); what was moved.</summary>
    private static decimal TakeVat(List<(decimal Rate, decimal Vat)> vatPerRate, decimal vatRate, decimal amount)
    {
        for (var i = 0; i < vatPerRate.Count; i++)
        {
            if (vatPerRate[i].Rate != vatRate) continue;
            vatPerRate[i] = (vatRate, vatPerRate[i].Vat - amount);
            return amount;
        }
        return 0m;
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
                if (v.TaxAmount != 0m && !PostingOptions.IsReverseCharge(v.Category)) Add(perRate, v.Rate ?? 0m, v.TaxAmount);
            for (var i = 0; i < perRate.Count; i++)
                perRate[i] = (perRate[i].Rate, perRate[i].Amount * invoice.Sign);
        }
        else
        {
            for (var i = 0; i < codedLines.Count; i++)
                if (codedLines[i].VatRate != 0m && !PostingOptions.IsReverseCharge(codedLines[i].VatCategory)) Add(perRate, codedLines[i].VatRate, codedLines[i].NetAmount);
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
