using BenchmarkDotNet.Attributes;
using InvoicePipeline.Posting;
using InvoicePipeline.Worker.Tests.Support;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// The build step of bulk posting alone: one voucher per invoice for 5,000 attested invoices of 1–4 lines
/// (<see cref="AttestedInvoices"/>), through the poster's own <see cref="InvoiceVouchers.Build"/>, as one read chunk
/// would go. Reported per invoice.
/// </summary>
[MemoryDiagnoser]
public class VoucherBuildBenchmarks
{
    private const int Invoices = 5000;
    private List<SupplierInvoice> _invoices = [];
    private List<SupplierInvoiceLine> _lines = [];
    private Dictionary<long, string> _versions = [];
    private readonly Dictionary<string, OrganisationLedger> _ledgers = new()
    {
        [InvoicePipeline.MasterData.Organisation.DefaultId] = new(Worker.Organisations.OrganisationBook.Default(new Worker.Hosting.PipelineOptions()),
            new Worker.Hosting.PostingOptions().Rules(), new ExchangeRateTable(AttestedInvoices.Rates()), new DateOnly(2026, 11, 30)),
    };

    [GlobalSetup]
    public void Setup()
    {
        (_invoices, _lines) = AttestedInvoices.Create(1, Invoices, new Random(42));
        _versions = _invoices.ToDictionary(i => i.Id, _ => "1");
    }

    [Benchmark(OperationsPerInvoke = Invoices)]
    public int BuildVouchers() => InvoiceVouchers.Build(_invoices, _lines, _versions, _ledgers).Built.Count;
}
