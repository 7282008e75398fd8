using System.Globalization;
using System.Text.Json;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Tests.Support;

/// <summary>
/// Attested, coded invoices as they stand when posting begins (1–4 lines, 25/12/6 % VAT, one in twenty a credit
/// note, one in fifty in EUR), written straight to the tables: the posting tests and the posting benchmark start here
/// (a test fixture; the benchmark project links this file).
/// </summary>
public static class AttestedInvoices
{
    private static readonly string[] Accounts = ["4010", "5410", "5460", "6110", "6250", "6540", "5010", "6212"];
    private static readonly decimal[] VatRates = [25m, 25m, 25m, 12m, 6m];

    /// <summary>EUR rates for every issue date <see cref="Create"/> uses.</summary>
    public static List<InvoicePipeline.MasterData.ExchangeRate> Rates() =>
        Enumerable.Range(0, 25).Select(d => new InvoicePipeline.MasterData.ExchangeRate { Date = new DateOnly(2026, 11, 1).AddDays(d), Currency = "EUR", Rate = 11.2345m }).ToList();

    public static (List<SupplierInvoice> Invoices, List<SupplierInvoiceLine> Lines) Create(long firstId, int count, Random rnd)
    {
        var invoices = new List<SupplierInvoice>(count);
        var lines = new List<SupplierInvoiceLine>(count * 3);
        for (var id = firstId; id < firstId + count; id++)
        {
            var vatRate = VatRates[rnd.Next(VatRates.Length)];
            var lineCount = 1 + rnd.Next(4);
            var first = lines.Count;
            for (var k = 1; k <= lineCount; k++)
            {
                var amount = rnd.Next(100, 2_000_000) / 100m;
                lines.Add(new SupplierInvoiceLine
                {
                    InvoiceId = id, LineNo = k, LineId = k.ToString(CultureInfo.InvariantCulture), Description = $"Article {rnd.Next(100_000)}", Quantity = 1,
                    UnitPrice = amount, NetAmount = amount, VatCategory = "S", VatRate = vatRate, Account = Accounts[rnd.Next(Accounts.Length)],
                    CostCentre = "CC" + rnd.Next(100).ToString("D3", CultureInfo.InvariantCulture), Project = k % 3 == 0 ? "P1" : null, CodingSource = "Order",
                });
            }
            var net = lines.Skip(first).Sum(l => l.NetAmount);
            var vat = Money.Round(net * vatRate / 100m);
            var supplier = "SUP" + rnd.Next(10_000).ToString("D5", CultureInfo.InvariantCulture);
            var number = "B" + id.ToString(CultureInfo.InvariantCulture);
            var issued = new DateOnly(2026, 11, 1).AddDays(rnd.Next(25));
            // The stored document is what intake keeps of the parsed invoice (about a kilobyte of JSON).
            var document = JsonSerializer.Serialize(new
            {
                Number = number, IssueDate = issued, Seller = new { Name = "Supplier " + supplier, Id = supplier, Iban = $"SE{rnd.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999)}" },
                Lines = lines.Skip(first).Select(l => new { l.LineId, l.Description, l.Quantity, l.UnitPrice, l.NetAmount, l.VatRate, Item = rnd.Next(1_000_000) }),
                Note = $"Order {rnd.Next(1_000_000)}, delivery {rnd.Next(1_000_000)}, contact {rnd.Next(1_000_000)}",
            });
            var kind = rnd.Next(20) == 0 ? DocumentKind.CreditNote : DocumentKind.Invoice;
            invoices.Add(new SupplierInvoice
            {
                Id = id, DocumentId = id, OrganisationId = InvoicePipeline.MasterData.Organisation.DefaultId, Kind = kind, Sign = DocumentSign.Of(kind, null),
                SupplierId = supplier,
                SellerName = "Supplier " + supplier, InvoiceNumber = number, IssueDate = issued, DueDate = issued.AddDays(30),
                Currency = rnd.Next(50) == 0 ? "EUR" : "SEK", TotalExclVat = net, VatTotal = vat, TotalInclVat = net + vat, Payable = net + vat, LedgerAmountExclVat = net,
                Status = InvoiceStatus.Attested, Match = InvoicePipeline.Matching.MatchKind.Order, AttestedBy = "anna.manager",
                DuplicateKey = InvoicePipeline.Duplicates.InvoiceKey.StoredKey(supplier, DocumentSign.Of(kind, null), number),
                AttestedAt = DateTimeOffset.UtcNow, ReceivedAt = DateTimeOffset.UtcNow, RunId = "seed", DocumentJson = document,
                VatBreakdownJson = StoredDocument.WriteVat([new VatBreakdown("S", vatRate, net, vat)]),
            });
        }
        return (invoices, lines);
    }
}
