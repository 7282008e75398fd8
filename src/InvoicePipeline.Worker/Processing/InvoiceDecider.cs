using System.Globalization;
using InvoicePipeline.Duplicates;
using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;
using InvoicePipeline.Worker.Hosting;

namespace InvoicePipeline.Worker.Processing;

/// <summary>What the pipeline decided for one invoice: supplier, match, coded lines, exceptions, explanations, status.</summary>
public sealed class InvoiceDecision
{
    public Supplier? Supplier { get; set; }
    public string Match { get; set; } = "none";
    public string? MatchRef { get; set; }
    public List<InvoiceIssue> Issues { get; } = [];
    public List<(string Step, string Rule, string Explanation)> Explanations { get; } = [];
    public List<DecidedLine> Lines { get; } = [];
    public decimal? LedgerAmountExclVat { get; set; }
    public InvoiceStatus Status { get; set; }
    public string? DuplicateKey { get; set; }
    public InvoiceKey? Key { get; set; }

    public void Raise(string code, string reason, string step)
    {
        Issues.Add(new InvoiceIssue(code, reason));
        Explanations.Add((step, code, reason));
    }
}

public sealed record DecidedLine(InvoiceLine Line, string? PoNumber, string? PoLine, string? Account, string? CostCentre, string? Project, string? Source);

/// <summary>
/// Identification, duplicates, matching, coding and routing for one invoice against the chunk's master data.
/// Interim thin path of the foundation; the full rules live in the core (issues 3 and 4).
/// </summary>
public static class InvoiceDecider
{
    public static InvoiceDecision Decide(Invoice invoice, ProcessingContext ctx, PipelineOptions options)
    {
        var d = new InvoiceDecision();
        var supplier = ctx.Identification.Identify(invoice);
        d.Supplier = supplier.Supplier;
        foreach (var issue in supplier.Issues) d.Raise(issue.Code, issue.Reason, "supplier");
        if (d.Supplier is not null)
        {
            d.Explanations.Add(("supplier", "identified", $"supplier {d.Supplier.SupplierId} by {supplier.MatchedBy}"));
            var key = InvoiceKey.For(d.Supplier.SupplierId, invoice);
            var duplicate = ctx.AcceptedKeys.Check(key);
            if (duplicate is not null) d.Raise(duplicate.Code, duplicate.Reason, "duplicates");
            if (duplicate?.Code != ExceptionCode.Duplicate)
            {
                d.DuplicateKey = d.Supplier.SupplierId + "|" + key.NormalisedNumber;
                d.Key = key;
            }
        }

        MatchOrder(invoice, ctx, d);
        if (d.Match == "none" && !d.Issues.Any(i => i.Code is ExceptionCode.UnknownSupplier))
            d.Raise(ExceptionCode.NoMatch, invoice.OrderReference is null ? "the invoice names no order and no subscription fits" : $"order {invoice.OrderReference} not found", "matching");

        var rate = LedgerRate(invoice, ctx, options, d);
        d.LedgerAmountExclVat = rate is null ? null : Money.Round(invoice.Totals.TaxExclusive * rate.Value * invoice.Sign);

        if (d.Lines.Any(l => l.Account is null) && d.Match != "none")
            d.Raise(ExceptionCode.MissingCoding, "no account could be derived for line(s) " + string.Join(", ", d.Lines.Where(l => l.Account is null).Select(l => l.Line.Id)), "coding");

        d.Status = ExceptionCode.MostSevere(d.Issues.Select(i => i.Code)) ?? (options.Attestation.AutoAttestMatched && d.Match != "none"
            ? InvoiceStatus.Attested : InvoiceStatus.AwaitingAttestation);
        if (d.Status is InvoiceStatus.Rejected or InvoiceStatus.Duplicate) d.DuplicateKey = null;
        if (d.Status == InvoiceStatus.Attested)
            d.Explanations.Add(("attestation", "auto-attest", $"matched to {d.Match} {d.MatchRef} within tolerance; policy {options.Attestation.PolicyVersion} attests automatically"));
        return d;
    }

    private static void MatchOrder(Invoice invoice, ProcessingContext ctx, InvoiceDecision d)
    {
        if (invoice.OrderReference is null || d.Supplier is null)
        {
            foreach (var l in invoice.Lines) d.Lines.Add(new DecidedLine(l, null, null, d.Supplier?.DefaultAccount, d.Supplier?.DefaultCostCentre, null, d.Supplier?.DefaultAccount is null ? null : "SupplierDefault"));
            return;
        }
        var orderLines = ctx.OrderLines[invoice.OrderReference].Where(o => o.SupplierId == d.Supplier.SupplierId).ToList();
        if (orderLines.Count == 0)
        {
            foreach (var l in invoice.Lines) d.Lines.Add(new DecidedLine(l, null, null, null, null, null, null));
            return;
        }
        d.Match = "order";
        d.MatchRef = invoice.OrderReference;
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            var line = invoice.Lines[i];
            var po = orderLines.FirstOrDefault(o => o.PoLine == line.OrderLineReference)
                ?? orderLines.FirstOrDefault(o => o.ItemId is not null && o.ItemId == line.SellersItemId)
                ?? (i < orderLines.Count ? orderLines[i] : null);
            if (po is null)
            {
                d.Lines.Add(new DecidedLine(line, null, null, null, null, null, null));
                continue;
            }
            if (po.Currency != invoice.Currency)
                d.Raise(ExceptionCode.CurrencyMismatch, $"line {line.Id}: invoice currency {invoice.Currency}, order {po.PoNumber} in {po.Currency}", "matching");
            var price = line.EffectiveUnitPrice ?? (line.Quantity == 0 ? 0 : line.NetAmount / line.Quantity);
            var tolerance = po.UnitPrice * 0.02m + 0.01m;
            if (Math.Abs(price - po.UnitPrice) > tolerance)
                d.Raise(ExceptionCode.PriceVariance, string.Create(CultureInfo.InvariantCulture, $"line {line.Id}: unit price {price} against order line {po.PoNumber}/{po.PoLine} price {po.UnitPrice}, tolerance ±{tolerance:0.####}"), "matching");
            else
                d.Explanations.Add(("matching", "price", string.Create(CultureInfo.InvariantCulture, $"line {line.Id}: unit price {price} within ±{tolerance:0.####} of order price {po.UnitPrice}")));
            var already = ctx.InvoicedQuantity.GetValueOrDefault((po.PoNumber, po.PoLine));
            var qty = line.Quantity * invoice.Sign;
            if (qty > po.Quantity - already)
                d.Raise(ExceptionCode.QuantityVariance, string.Create(CultureInfo.InvariantCulture, $"line {line.Id}: quantity {line.Quantity} exceeds ordered {po.Quantity} minus invoiced {already}"), "matching");
            if (ctx.ReceivedQuantity.TryGetValue((po.PoNumber, po.PoLine), out var received) && qty > received - already)
                d.Raise(ExceptionCode.NotReceived, string.Create(CultureInfo.InvariantCulture, $"line {line.Id}: quantity {line.Quantity} exceeds received {received} minus invoiced {already}"), "matching");
            ctx.InvoicedQuantity[(po.PoNumber, po.PoLine)] = already + qty;
            d.Lines.Add(new DecidedLine(line, po.PoNumber, po.PoLine, po.Account ?? d.Supplier.DefaultAccount, po.CostCentre ?? d.Supplier.DefaultCostCentre, po.Project, "OrderLine"));
        }
    }

    private static decimal? LedgerRate(Invoice invoice, ProcessingContext ctx, PipelineOptions options, InvoiceDecision d)
    {
        if (string.Equals(invoice.Currency, options.Posting.LedgerCurrency, StringComparison.Ordinal)) return 1m;
        var rate = ctx.ExchangeRates.Where(r => r.Currency == invoice.Currency && r.Date == invoice.IssueDate).Select(r => (decimal?)r.Rate).FirstOrDefault();
        if (rate is null)
            d.Raise(ExceptionCode.MissingExchangeRate, $"no {invoice.Currency} rate for the issue date {invoice.IssueDate:yyyy-MM-dd}", "currency");
        return rate;
    }
}
