using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using InvoicePipeline.MasterData;
using InvoicePipeline.Payroll;
using InvoicePipeline.Worker.Payroll;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// Read + validate + price 1,000,000 payroll rows streamed from a CSV file, with master data in memory
/// (20,000 employees, 10 pay codes). The database write is not part of it.
/// dotnet run -c Release --project tests/InvoicePipeline.Benchmarks -- --filter '*PayrollImport*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class PayrollImportBenchmarks
{
    private const int Rows = 1_000_000;
    private const int Employees = 20_000;
    private static readonly string[] Codes = ["OT50", "OT100", "OB1", "OB2", "TRAVEL_DAY", "MILEAGE", "FEE"];
    private string _file = "";
    private PayrollMasterData _master = null!;

    [GlobalSetup]
    public void Setup()
    {
        var employees = Enumerable.Range(0, Employees).Select(i => new Employee
        {
            EmployeeId = Id(i), PersonId = PersonId(i), Name = "Test", EmploymentStart = new(2020, 1, 1),
            CostCentre = "CC" + (100 + i % 3 * 100).ToString(CultureInfo.InvariantCulture), ManagerUserId = "anna.manager",
            PayGroup = i % 2 == 0 ? "HOURLY" : "MONTHLY",
        }).ToList();
        var codes = Codes.Select(c => new PayCode
        {
            Code = c, Description = c, Unit = c == "FEE" ? PayUnit.Amount : c == "MILEAGE" ? PayUnit.Piece : PayUnit.Hour,
            Account = "7010", MaxQuantity = c == "FEE" ? 50000m : 2000m,
        }).ToList();
        var rates = Codes.Where(c => c != "FEE").SelectMany(c => new[]
        {
            new PayRate { PayCode = c, Rate = 285m, ValidFrom = new(2024, 1, 1), ValidTo = new(2025, 1, 31) },
            new PayRate { PayCode = c, Rate = 298m, ValidFrom = new(2025, 2, 1) },
            new PayRate { PayCode = c, Rate = 310m, ValidFrom = new(2025, 1, 1), PayGroup = "HOURLY" },
        }).ToList();
        _master = new PayrollMasterData(employees, codes, rates);

        _file = Path.Combine(Path.GetTempPath(), "payroll-bench-1m.csv");
        using var w = new StreamWriter(_file, false, new UTF8Encoding(false), 1 << 16);
        w.Write("transaction_id,employee_id,person_id,pay_code,work_date,quantity,amount,period,cost_centre,reported_by,reference\n");
        for (var i = 0; i < Rows; i++)
        {
            var code = Codes[i % Codes.Length];
            var e = i % Employees;
            // Every tenth row carries only the person id, as fee mass imports do.
            var employee = i % 10 == 0 ? "" : Id(e);
            var person = i % 10 == 0 || i % 7 == 0 ? PersonId(e) : "";
            var day = 1 + i / Employees % 28;
            var quantity = code == "FEE" ? "" : (1 + i % 8 + 0.5m * (i % 2)).ToString(CultureInfo.InvariantCulture);
            var amount = code == "FEE" ? "4500.00" : "";
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"T{i},{employee},{person},{code},2025-03-{day:D2},{quantity},{amount},,,anna.manager,bench\n"));
        }
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

    private static string Id(int i) => "E" + i.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Fictitious Swedish numbers with a valid check digit (serials 98x-99x, born 1960-1999).</summary>
    private static string PersonId(int i)
    {
        var nine = string.Create(CultureInfo.InvariantCulture, $"{60 + i % 40:D2}{1 + i / 40 % 12:D2}{1 + i / 480 % 28:D2}{980 + i / 13440 % 20:D3}");
        return "19" + nine[..6] + "-" + nine[6..] + InvoicePipeline.Identifiers.Luhn.CheckDigit(nine).ToString(CultureInfo.InvariantCulture);
    }
}
