using InvoicePipeline.MasterData;
using InvoicePipeline.Payroll;

namespace InvoicePipeline.Tests.Support;

/// <summary>A small payroll world: three employees, a handful of pay codes and effective-dated rates.</summary>
public static class PayrollSome
{
    public static readonly DateOnly Day = new(2025, 3, 12);

    public static Employee Anna() => new()
    {
        EmployeeId = "E100", PersonId = "19121212-1212", Name = "Tolvan Tolvansson", EmploymentStart = new(2020, 1, 1),
        CostCentre = "CC100", ManagerUserId = "anna.manager", PayGroup = "MONTHLY",
    };

    public static Employee Bo() => new()
    {
        EmployeeId = "E200", PersonId = "701063-2391", Name = "Samuel Samordning", EmploymentStart = new(2024, 1, 1),
        EmploymentEnd = new(2025, 2, 28), CostCentre = "CC200", ManagerUserId = "bo.chef", PayGroup = "HOURLY",
    };

    public static Employee Dane() => new()
    {
        EmployeeId = "E300", PersonId = "070761-4285", Name = "Dorthe Dansk", Country = "DK", EmploymentStart = new(2024, 5, 1),
        CostCentre = "CC300", ManagerUserId = "anna.manager", PayGroup = "HOURLY",
    };

    public static IReadOnlyList<PayCode> PayCodes() =>
    [
        new() { Code = "OT50", Description = "Overtime 50%", Unit = PayUnit.Hour, Account = "7010", MaxQuantity = 12m },
        new() { Code = "OB1", Description = "Unsocial hours", Unit = PayUnit.Hour, Account = "7011", AllowedPayGroups = ["HOURLY"] },
        new() { Code = "TRAV", Description = "Travel allowance", Unit = PayUnit.Day, Account = "7320" },
        new() { Code = "FEE", Description = "Fee", Unit = PayUnit.Amount, Account = "7090", MaxQuantity = 50000m },
        new() { Code = "NORATE", Description = "Piece work, no rate yet", Unit = PayUnit.Piece, Account = "7012" },
    ];

    public static IReadOnlyList<PayRate> PayRates() =>
    [
        new() { PayCode = "OT50", Rate = 300m, ValidFrom = new(2024, 1, 1), ValidTo = new(2025, 3, 31) },
        new() { PayCode = "OT50", Rate = 320m, ValidFrom = new(2025, 4, 1) },
        new() { PayCode = "OT50", Rate = 350m, ValidFrom = new(2025, 1, 1), PayGroup = "HOURLY" },
        new() { PayCode = "OB1", Rate = 54.5m, ValidFrom = new(2024, 1, 1) },
        new() { PayCode = "TRAV", Rate = 290m, ValidFrom = new(2024, 1, 1) },
    ];

    public static IReadOnlyList<CostCentre> CostCentres() =>
    [
        new() { Code = "CC100", Name = "Finance", ManagerUserId = "bo.chef" },
        new() { Code = "CC200", Name = "Operations", ManagerUserId = "bo.chef" },
        new() { Code = "CC300", Name = "Copenhagen", ManagerUserId = "anna.manager" },
    ];

    public static PayrollMasterData Master() => new([Anna(), Bo(), Dane()], PayCodes(), PayRates(), CostCentres());

    public static PayrollTransaction Tx(
        string id = "T1", string? employee = "E100", string? person = null, string code = "OT50", DateOnly? date = null,
        decimal? quantity = 2m, decimal? amount = null, string? reportedBy = "some.reporter") => new()
    {
        File = "test.csv", Line = 2, TransactionId = id, EmployeeId = employee, PersonId = person, PayCode = code,
        WorkDate = date ?? Day, Quantity = quantity, Amount = amount, ReportedBy = reportedBy,
    };
}
