using System.Globalization;
using CsvHelper;
using InvoicePipeline.MasterData;
using InvoicePipeline.Payroll;

namespace InvoicePipeline.Worker.Tests.Support;

/// <summary>
/// Reads the project's own samples/masterdata payroll files for tests, just enough to build
/// <see cref="PayrollMasterData"/> (the real master-data import lives elsewhere and validates far more).
/// </summary>
public static class SampleMasterData
{
    public static string Samples(params string[] parts) => Path.Combine([RepositoryRoot.Find(), "samples", .. parts]);

    public static PayrollMasterData Payroll()
    {
        var employees = Rows("employees.csv", r => new Employee
        {
            EmployeeId = r.GetString("employee_id"), PersonId = r.GetString("person_id"), Name = r.GetString("name"),
            EmploymentStart = Date(r.GetString("employment_start"))!.Value, EmploymentEnd = Date(r.GetString("employment_end")),
            CostCentre = r.GetString("cost_centre"), Country = Or(r.GetString("country"), "SE"),
            ManagerUserId = Null(r.GetString("manager_user_id")), PayGroup = Null(r.GetString("pay_group")),
        });
        var codes = Rows("pay_codes.csv", r => new PayCode
        {
            Code = r.GetString("pay_code"), Description = r.GetString("description"),
            Unit = Enum.Parse<PayUnit>(r.GetString("unit"), ignoreCase: true), Account = r.GetString("account"),
            AllowedPayGroups = r.GetString("allowed_pay_groups").Split(';', StringSplitOptions.RemoveEmptyEntries),
            MaxQuantity = Dec(r.GetString("max_quantity")),
        });
        var rates = Rows("pay_rates.csv", r => new PayRate
        {
            PayCode = r.GetString("pay_code"), Rate = Dec(r.GetString("rate"))!.Value, ValidFrom = Date(r.GetString("valid_from"))!.Value,
            PayGroup = Null(r.GetString("pay_group")), ValidTo = Date(r.GetString("valid_to")), Currency = Null(r.GetString("currency")),
        });
        CostCentre[] centres =
        [
            new() { Code = "CC100", Name = "Finance", ManagerUserId = "bo.chef" },
            new() { Code = "CC200", Name = "Operations", ManagerUserId = "bo.chef" },
            new() { Code = "CC300", Name = "Nordic office", ManagerUserId = "anna.manager" },
        ];
        return new PayrollMasterData(employees, codes, rates, centres);
    }

    private static List<T> Rows<T>(string file, Func<CsvReader, T> map)
    {
        using var csv = CsvReader.FromFile(Samples("masterdata", "SSC", file), new CsvReaderOptions { Separator = ',' });
        var list = new List<T>();
        while (csv.Read()) list.Add(map(csv));
        return list;
    }

    private static string? Null(string s) => s.Length == 0 ? null : s;
    private static string Or(string s, string fallback) => s.Length == 0 ? fallback : s;
    private static DateOnly? Date(string s) => s.Length == 0 ? null : DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static decimal? Dec(string s) => s.Length == 0 ? null : decimal.Parse(s, CultureInfo.InvariantCulture);
}
