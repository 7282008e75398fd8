using InvoicePipeline.MasterData;

namespace InvoicePipeline.Worker.Tests.Scanned.Support;

/// <summary>
/// The scans in samples/inbox/scanned, for the demo: suppliers the demo master data has (556036-0793 with bankgiro
/// 5050-1055, and 5560000001 with plusgiro 471100-8), one of them with a VAT amount that does not fit any rate.
/// </summary>
public static class DemoScans
{
    public static readonly Supplier First = new()
    {
        SupplierId = "556036-0793", Name = "Kontorsvaruhuset AB", OrgNo = "556036-0793", VatId = "SE556036079301", Bankgiro = "5050-1055", Country = "SE",
    };

    public static readonly Supplier Second = new()
    {
        SupplierId = "5560000001", Name = "Städ & Fastighetsservice AB", OrgNo = "5560000001", VatId = "SE556000000101", Plusgiro = "471100-8", Country = "SE",
    };

    public static string Folder => Path.Combine(Tests.Support.RepositoryRoot.Find(), "samples", "inbox", "scanned", "SSC");

    /// <summary>File name → the invoice printed in it, and whether reading it must end in LOW_CONFIDENCE.</summary>
    public static IReadOnlyList<(string File, ScanTruth Truth, Degradation Degradation, bool LowConfidence)> All { get; } =
    [
        ("scan-01-kontorsvaruhuset.png", Invoice(First, 101, 0, 4_800.00m, 25, "Anna Berg", new DateOnly(2026, 11, 3)), new Degradation(0.8f, 0.001, 0.2f, 0.9f), false),
        ("scan-02-stadservice.pdf", Invoice(Second, 102, 2, 18_250.00m, 25, "KS1001", new DateOnly(2026, 11, 5)), new Degradation(-0.6f, 0.001, 0.2f, 0.85f), false),
        ("scan-03-kontorsvaruhuset-text.pdf", Invoice(First, 103, 1, 1_240.50m, 12, "Lars Holm", new DateOnly(2026, 11, 10)), Degradation.None, false),
        ("scan-04-stadservice.jpg", Invoice(Second, 104, 0, 9_600.00m, 25, "KS1001", new DateOnly(2026, 11, 12)), new Degradation(1.2f, 0.003, 0.4f, 0.8f), false),
        ("scan-05-kontorsvaruhuset-low-confidence.png", Invoice(First, 105, 1, 7_350.00m, 25, "Eva Lund", new DateOnly(2026, 11, 14)) with { Vat = 1_973.50m }, new Degradation(-1.0f, 0.004, 0.5f, 0.85f), true),
    ];

    private static ScanTruth Invoice(Supplier s, int n, int layout, decimal net, decimal rate, string buyerRef, DateOnly issue) => new()
    {
        Language = "sv",
        Layout = layout,
        SupplierName = s.Name,
        SupplierStreet = "Storgatan 12",
        OrgNo = s.OrgNo!.Length == 10 ? $"{s.OrgNo[..6]}-{s.OrgNo[6..]}" : s.OrgNo,
        VatId = s.VatId!,
        InvoiceNumber = "2026" + n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        IssueDate = issue,
        DueDate = issue.AddDays(30),
        Currency = "SEK",
        Net = net,
        VatRate = rate,
        Vat = Money.Round(net * rate / 100m),
        OcrReference = ScanTruthFactory.WithLuhn(new Random(n), 10),
        Bankgiro = s.Bankgiro,
        Plusgiro = s.Plusgiro,
        OrderReference = "PO-" + (4500 + n).ToString(System.Globalization.CultureInfo.InvariantCulture),
        BuyerReference = buyerRef,
        Description = layout == 0 ? "Kontorsmaterial" : "Lokalvård",
    };
}
