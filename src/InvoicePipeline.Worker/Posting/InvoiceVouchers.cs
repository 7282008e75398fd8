using InvoicePipeline.Coding;
using InvoicePipeline.Invoices;
using InvoicePipeline.Posting;
using InvoicePipeline.Worker.Persistence;
using PostingOptions = InvoicePipeline.Posting.PostingOptions;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// The reader's build step (and the benchmark's): each invoice read gets its lines and its voucher from the core's
/// <see cref="VoucherBuilder"/>, or the reason it cannot be posted.
/// </summary>
internal static class InvoiceVouchers
{
    public static (List<BuiltVoucher> Built, List<RefusedInvoice> Refused) Build(
        List<SupplierInvoice> invoices, List<SupplierInvoiceLine> lines, Dictionary<long, string> versions, IReadOnlyDictionary<string, OrganisationLedger> ledgers)
    {
        var linesOf = new Dictionary<long, List<SupplierInvoiceLine>>(invoices.Count);
        foreach (var line in lines)
        {
            if (!linesOf.TryGetValue(line.InvoiceId, out var own)) linesOf.Add(line.InvoiceId, own = new List<SupplierInvoiceLine>(4));
            own.Add(line);
        }
        var built = new List<BuiltVoucher>(invoices.Count);
        var refused = new List<RefusedInvoice>();
        foreach (var inv in invoices)
        {
            // An invoice attested after its id was read has no version of that read: the next pass takes it.
            if (!versions.TryGetValue(inv.Id, out var version)) continue;
            inv.Lines = linesOf.TryGetValue(inv.Id, out var own) ? own : [];
            // Posted only in its organisation's ledger, by its organisation's rules.
            if (inv.OrganisationId is null || !ledgers.TryGetValue(inv.OrganisationId, out var ledger))
            {
                refused.Add(new(inv, version, ExceptionCode.UnknownBuyer, $"invoice {inv.Id} belongs to no organisation of the centre ({inv.OrganisationId ?? "none"})"));
                continue;
            }
            var rules = ledger.Rules;
            try
            {
                built.Add(new(inv, version, VoucherBuilder.ForInvoice(ToDocument(inv), $"invoice {inv.Id}", CodedLines(inv, rules), ledger.PostingDate, ledger.Rates, rules,
                    inv.SupplierId)));
            }
            catch (PostingRefusedException ex)
            {
                refused.Add(new(inv, version, ex.Code, ex.Message));
            }
            catch (UnbalancedVoucherException ex)
            {
                refused.Add(new(inv, version, ExceptionCode.MissingCoding, ex.Message));
            }
        }
        return (built, refused);
    }

    /// <summary>What posting needs of the document: kind, number, dates, currency, totals and the VAT breakdown.</summary>
    private static Invoice ToDocument(SupplierInvoice inv) => new()
    {
        // The stored sign decides (a Svefaktura credit note is an Invoice root with type code 381).
        Kind = inv.Sign < 0 ? DocumentKind.CreditNote : inv.Kind, Number = inv.InvoiceNumber, IssueDate = inv.IssueDate ?? default, Currency = inv.Currency,
        Seller = new Party { Name = inv.SellerName },
        Totals = new MonetaryTotals { Payable = inv.Payable, TaxInclusive = inv.TotalInclVat, TaxTotal = inv.VatTotal, Prepaid = inv.Prepaid },
        VatBreakdown = StoredDocument.ReadVat(inv.VatBreakdownJson),
    };

    /// <summary>Coded lines signed for booking (the stored sign: negative on credit notes), VAT deductible as the account says.</summary>
    private static List<CodedLine> CodedLines(SupplierInvoice inv, PostingOptions rules)
    {
        var sign = inv.Sign;
        var coded = new List<CodedLine>(inv.Lines.Count);
        foreach (var l in inv.Lines)
        {
            if (l.Account is null)
                throw new PostingRefusedException(ExceptionCode.MissingCoding, $"invoice {inv.Id} has uncoded lines");
            coded.Add(new CodedLine(l.LineId, l.NetAmount * sign, l.VatCategory, l.VatRate,
                new InvoicePipeline.Coding.Coding(l.Account, l.CostCentre, l.Project),
                Enum.TryParse<CodingSource>(l.CodingSource, out var source) ? source : CodingSource.Person,
                rules.NonDeductibleVatAccounts.Count == 0 || !rules.NonDeductibleVatAccounts.Contains(l.Account)));
        }
        return coded;
    }
}
