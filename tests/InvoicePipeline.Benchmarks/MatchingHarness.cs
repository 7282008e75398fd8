using System.Diagnostics;
using System.Globalization;
using InvoicePipeline.Invoices;
using InvoicePipeline.Matching;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- match --invoices 100000 --lines 1000000`:
/// builds an order book of the given number of open order lines (5 per order, 10,000 suppliers) and matches the
/// invoices against it on one thread, the way a chunk does (no database query per invoice).
/// </summary>
public static class MatchingHarness
{
    public static int Run(string[] args)
    {
        int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        var invoices = Arg("--invoices", 100_000);
        var lineCount = Arg("--lines", 1_000_000);
        var random = new Random(42);
        var orders = lineCount / 5;
        var sw = Stopwatch.StartNew();
        var lines = new List<OpenOrderLine>(lineCount);
        for (var o = 0; o < orders; o++)
            for (var l = 1; l <= 5; l++)
                lines.Add(new OpenOrderLine(new PurchaseOrderLine
                {
                    PoNumber = $"PO{o:D7}", PoLine = l.ToString(CultureInfo.InvariantCulture), SupplierId = $"S{o % 10_000:D5}",
                    Quantity = 10 + random.Next(50), UnitPrice = Math.Round(5m + (decimal)random.NextDouble() * 500m, 2), Currency = "SEK",
                    Account = "4010", CostCentre = "CC1", ItemId = $"I{random.Next(100_000)}",
                }, 0, random.Next(4) == 0 ? null : 60m));
        var book = new OrderBook(lines);
        var built = sw.Elapsed;
        var docs = Enumerable.Range(0, invoices).Select(n =>
        {
            var o = random.Next(orders);
            var withRef = n % 10 != 0;
            var po = lines[o * 5];
            var invoiceLines = Enumerable.Range(0, 1 + random.Next(4)).Select(k =>
            {
                var ol = lines[o * 5 + k].Line;
                var qty = Math.Min(ol.Quantity, 1 + random.Next(10));
                return new InvoiceLine { Id = (k + 1).ToString(CultureInfo.InvariantCulture), Quantity = qty, UnitPrice = ol.UnitPrice, NetAmount = Money.Round(qty * ol.UnitPrice), OrderLineReference = withRef ? ol.PoLine : null, SellersItemId = ol.ItemId };
            }).ToList();
            var net = invoiceLines.Sum(l => l.NetAmount);
            return (Supplier: po.Line.SupplierId, Invoice: new Invoice
            {
                Number = $"F{n}", IssueDate = new DateOnly(2026, 11, 5), Currency = "SEK", OrderReference = withRef ? po.Line.PoNumber : null,
                Totals = new MonetaryTotals { LineExtension = net, TaxExclusive = net }, Lines = invoiceLines,
            });
        }).ToList();
        sw.Restart();
        var matched = 0;
        var exceptions = 0;
        foreach (var (supplier, invoice) in docs)
        {
            var m = OrderMatcher.Match(invoice, supplier, book, TolerancePolicy.Standard);
            if (m.Matched) matched++;
            exceptions += m.Issues.Count;
        }
        var match = sw.Elapsed;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"order book of {lineCount:N0} lines built in {built.TotalSeconds:F2} s; {invoices:N0} invoices matched in {match.TotalSeconds:F2} s ({invoices / match.TotalSeconds:N0}/s, one thread); {matched:N0} matched, {exceptions:N0} exceptions; peak {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024:N0} MB"));
        return 0;
    }
}
