using InvoicePipeline.MasterData;

namespace InvoicePipeline.Payroll;

/// <summary>
/// The master data a payroll run validates against, indexed once for in-memory lookups
/// (36,000 employees and a few hundred pay codes fit easily). Employee ids and pay codes compare ordinally.
/// </summary>
public sealed class PayrollMasterData
{
    private readonly Dictionary<string, Employee> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Employee?> _byPersonDigits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PayCode> _payCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PayRate[]> _rates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CostCentre> _costCentres = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _employeesOfUser = new(StringComparer.OrdinalIgnoreCase);

    public PayrollMasterData(
        IEnumerable<Employee> employees,
        IEnumerable<PayCode> payCodes,
        IEnumerable<PayRate> payRates,
        IEnumerable<CostCentre>? costCentres = null)
    {
        foreach (var e in employees)
        {
            _byId[e.EmployeeId] = e;
            var digits = PersonDigits(e.PersonId);
            // Two employees with the same ten digits (rare: SE and DK forms can collide) cannot be told apart by person id.
            if (digits is not null) _byPersonDigits[digits] = _byPersonDigits.ContainsKey(digits) ? null : e;
            if (e.UserId?.Trim() is { Length: > 0 } user)
            {
                if (!_employeesOfUser.TryGetValue(user, out var own)) _employeesOfUser[user] = own = [];
                own.Add(e.EmployeeId);
            }
        }
        foreach (var p in payCodes) _payCodes[p.Code] = p;
        foreach (var g in payRates.GroupBy(r => r.PayCode, StringComparer.Ordinal))
            _rates[g.Key] = [.. g.OrderByDescending(r => r.ValidFrom)];
        foreach (var c in costCentres ?? []) _costCentres[c.Code] = c;
    }

    public Employee? EmployeeById(string employeeId) => _byId.GetValueOrDefault(employeeId);

    /// <summary>The employee with these ten check-digit digits; null when none or when ambiguous.</summary>
    public Employee? EmployeeByPersonDigits(string digits, out bool ambiguous)
    {
        ambiguous = false;
        if (!_byPersonDigits.TryGetValue(digits, out var e)) return null;
        ambiguous = e is null;
        return e;
    }

    public PayCode? PayCode(string code) => _payCodes.GetValueOrDefault(code);

    /// <summary>The rates of a pay code, latest valid_from first.</summary>
    public IReadOnlyList<PayRate> RatesFor(string payCode) => _rates.GetValueOrDefault(payCode) ?? [];

    /// <summary>The employments (employee ids) linked to a user by employees.csv's user_id; user ids compare case-insensitively.</summary>
    public IReadOnlyList<string> EmployeesOfUser(string userId) =>
        _employeesOfUser.GetValueOrDefault(userId.Trim()) ?? (IReadOnlyList<string>)[];

    /// <summary>
    /// The employees whose manager the user is and the cost centres they manage (user ids case-insensitive, as
    /// attestation compares them): every transaction the user could attest is charged to one or the other.
    /// </summary>
    public (List<string> Employees, List<string> CostCentres) ManagedBy(string userId)
    {
        static bool Same(string user, string? manager) => manager is not null && string.Equals(user.Trim(), manager.Trim(), StringComparison.OrdinalIgnoreCase);
        return ([.. _byId.Values.Where(e => Same(userId, e.ManagerUserId)).Select(e => e.EmployeeId)],
            [.. _costCentres.Values.Where(c => Same(userId, c.ManagerUserId)).Select(c => c.Code)]);
    }

    public string? CostCentreManager(string? costCentre) =>
        costCentre is null ? null : _costCentres.GetValueOrDefault(costCentre)?.ManagerUserId;

    /// <summary>The ten digits of a person id as written in employees.csv (any accepted form), without checking it.</summary>
    internal static string? PersonDigits(string? personId)
    {
        if (string.IsNullOrWhiteSpace(personId)) return null;
        Span<char> buffer = stackalloc char[12];
        var n = 0;
        foreach (var c in personId)
        {
            if (!char.IsAsciiDigit(c)) continue;
            if (n == 12) return null;
            buffer[n++] = c;
        }
        return n switch { 10 => new string(buffer[..10]), 12 => new string(buffer[2..12]), _ => null };
    }
}
