using System.Globalization;
using System.Text;
using InvoicePipeline.MasterData;

namespace InvoicePipeline.Benchmarks;

/// <summary>
/// The payroll benchmarks' data, deterministic: 20,000 employees in three cost centres (half HOURLY, half MONTHLY),
/// seven pay codes with effective-dated rates (a pay-group rate before the general one), and N transaction rows of
/// February and March 2025 — every tenth with only the person id (as fee mass imports), every seventh with both ids.
/// Shared by <see cref="PayrollImportBenchmarks"/> (in memory) and <see cref="PayrollHarness"/> (CSV files, PostgreSQL).
/// </summary>
public static class PayrollBenchData
{
    public const int Employees = 20_000;
    public static readonly string[] Codes = ["OT50", "OT100", "OB1", "OB2", "TRAVEL_DAY", "MILEAGE", "FEE"];
    private static readonly string[] CostCentres = ["CC100", "CC200", "CC300"];

    public static List<Employee> EmployeeList() => [.. Enumerable.Range(0, Employees).Select(i => new Employee
    {
        EmployeeId = Id(i), PersonId = PersonId(i), Name = "Test", EmploymentStart = new(2020, 1, 1),
        CostCentre = CostCentres[i % 3], ManagerUserId = "anna.manager",
        PayGroup = i % 2 == 0 ? "HOURLY" : "MONTHLY",
    })];

    public static List<PayCode> PayCodes() => [.. Codes.Select(c => new PayCode
    {
        Code = c, Description = c, Unit = c == "FEE" ? PayUnit.Amount : c == "MILEAGE" ? PayUnit.Piece : PayUnit.Hour,
        Account = "7010", MaxQuantity = c == "FEE" ? 50000m : 2000m,
    })];

    public static List<PayRate> PayRates() => [.. Codes.Where(c => c != "FEE").SelectMany(c => new[]
    {
        new PayRate { PayCode = c, Rate = 285m, ValidFrom = new(2024, 1, 1), ValidTo = new(2025, 1, 31) },
        new PayRate { PayCode = c, Rate = 298m, ValidFrom = new(2025, 2, 1) },
        new PayRate { PayCode = c, Rate = 310m, ValidFrom = new(2025, 1, 1), PayGroup = "HOURLY" },
    })];

    /// <summary>employees.csv, pay_codes.csv, pay_rates.csv, cost_centres.csv and accounts.csv as data-formats.md names them.</summary>
    public static void WriteMasterData(string folder)
    {
        Directory.CreateDirectory(folder);
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        static string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
        Write(Path.Combine(folder, "employees.csv"), "employee_id,person_id,name,employment_start,cost_centre,country,employment_end,manager_user_id,pay_group",
            EmployeeList().Select(e => $"{e.EmployeeId},{e.PersonId},{e.Name},{D(e.EmploymentStart)},{e.CostCentre},SE,,{e.ManagerUserId},{e.PayGroup}"));
        Write(Path.Combine(folder, "pay_codes.csv"), "pay_code,description,unit,account,allowed_pay_groups,max_quantity",
            PayCodes().Select(p => $"{p.Code},{p.Description},{p.Unit.ToString().ToLowerInvariant()},{p.Account},,{N(p.MaxQuantity)}"));
        Write(Path.Combine(folder, "pay_rates.csv"), "pay_code,rate,valid_from,pay_group,valid_to,currency",
            PayRates().Select(r => $"{r.PayCode},{N(r.Rate)},{D(r.ValidFrom)},{r.PayGroup},{D(r.ValidTo)},SEK"));
        Write(Path.Combine(folder, "cost_centres.csv"), "cost_centre,name,manager_user_id",
            CostCentres.Select(c => $"{c},Cost centre {c},bo.chef"));
        Write(Path.Combine(folder, "accounts.csv"), "account,name,type", ["7010,Wages,expense", "2821,Payroll liability,payroll_liability"]);
    }

    /// <summary>A payroll transaction file of <paramref name="rows"/> rows (about 75 bytes each).</summary>
    public static void WritePayroll(string path, int rows, string idPrefix = "T", DateOnly? firstDay = null)
    {
        var first = firstDay ?? new DateOnly(2025, 2, 1);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("transaction_id,employee_id,person_id,pay_code,work_date,quantity,amount,period,cost_centre,reported_by,reference\n");
        for (var i = 0; i < rows; i++)
        {
            var code = Codes[i % Codes.Length];
            var e = i % Employees;
            // Every tenth row carries only the person id, as fee mass imports do.
            var employee = i % 10 == 0 ? "" : Id(e);
            var person = i % 10 == 0 || i % 7 == 0 ? PersonId(e) : "";
            // Each employee gets one row per day, February to March 2025 (both rate periods): no content repeats below 1,180,000 rows.
            var workDate = first.AddDays(i / Employees % 59);
            var quantity = code == "FEE" ? "" : (1 + i % 8 + 0.5m * (i % 2)).ToString(CultureInfo.InvariantCulture);
            var amount = code == "FEE" ? "4500.00" : "";
            w.Write(string.Create(CultureInfo.InvariantCulture,
                $"{idPrefix}{i},{employee},{person},{code},{workDate:yyyy-MM-dd},{quantity},{amount},,,hr.clerk,bench\n"));
        }
    }

    private static void Write(string path, string header, IEnumerable<string> lines)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write(header);
        w.Write('\n');
        foreach (var l in lines)
        {
            w.Write(l);
            w.Write('\n');
        }
    }

    public static string Id(int i) => "E" + i.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Fictitious Swedish numbers with a valid check digit (serials 98x-99x, born 1960-1999).</summary>
    public static string PersonId(int i)
    {
        var nine = string.Create(CultureInfo.InvariantCulture, $"{60 + i % 40:D2}{1 + i / 40 % 12:D2}{1 + i / 480 % 28:D2}{980 + i / 13440 % 20:D3}");
        return "19" + nine[..6] + "-" + nine[6..] + InvoicePipeline.Identifiers.Luhn.CheckDigit(nine).ToString(CultureInfo.InvariantCulture);
    }
}
