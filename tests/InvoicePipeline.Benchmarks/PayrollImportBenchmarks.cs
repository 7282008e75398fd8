using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using InvoicePipeline.Payroll;
using InvoicePipeline.Worker.Payroll;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// Read + validate + price 1,000,000 payroll rows streamed from a CSV file, with master data in memory
/// (20,000 employees, 7 pay codes; <see cref="PayrollBenchData"/>). The database write is measured by
/// <see cref="PayrollHarness"/> (`-- payroll --rows N`).
/// dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- --filter '*PayrollImport*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PayrollImportBenchmarks
{
    private const int Rows = 1_000_000;
    private string _file = "";
    private PayrollMasterData _master = null!;

    [GlobalSetup]
    public void Setup()
    {
        _master = new PayrollMasterData(PayrollBenchData.EmployeeList(), PayrollBenchData.PayCodes(), PayrollBenchData.PayRates());
        _file = Path.Combine(Path.GetTempPath(), "payroll-bench-1m.csv");
        PayrollBenchData.WritePayroll(_file, Rows);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark]
    public int ReadValidatePrice()
    {
        var keys = new PayrollDuplicateKeys();
        var accepted = 0;
        foreach (var tx in PayrollFileReader.ReadFile(_file, "bench"))
            if (PayrollValidator.Validate(tx, _master, keys).IsAccepted) accepted++;
        return accepted;
    }
}
