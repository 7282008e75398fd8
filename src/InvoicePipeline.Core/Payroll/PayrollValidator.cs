using System.Globalization;
using InvoicePipeline.Identifiers;
using InvoicePipeline.MasterData;
using static InvoicePipeline.Payroll.PayrollExceptionCode;

namespace InvoicePipeline.Payroll;

/// <summary>
/// Validates and prices one transaction against master data and the keys already accepted (outcomes.md codes).
/// Every applicable exception is reported, not only the first, so a rejected row can be fixed in one go.
/// Reasons name the column and the rule and mask person ids.
/// </summary>
public static class PayrollValidator
{
    public static PayrollOutcome Validate(PayrollTransaction tx, PayrollMasterData master, PayrollDuplicateKeys accepted)
    {
        var ex = new List<PayrollException>();
        foreach (var e in tx.FieldErrors) ex.Add(new PayrollException(CodeForColumn(e.Column), e.Column, e.Reason));
        var dateKnown = !HasFieldError(tx, PayrollColumns.WorkDate);

        var employee = ResolveEmployee(tx, master, dateKnown, ex);
        if (employee is not null && dateKnown && !employee.IsEmployedOn(tx.WorkDate))
            ex.Add(new(NotEmployed, PayrollColumns.WorkDate, Invariant($"employee {employee.EmployeeId} is not employed on {tx.WorkDate:yyyy-MM-dd} (employment {employee.EmploymentStart:yyyy-MM-dd} to {employee.EmploymentEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "open"})")));

        var code = ResolvePayCode(tx, master, ex);
        if (code is not null && employee is not null && code.AllowedPayGroups.Count > 0
            && (employee.PayGroup is null || !code.AllowedPayGroups.Contains(employee.PayGroup, StringComparer.OrdinalIgnoreCase)))
            ex.Add(new(PayCodeNotAllowed, PayrollColumns.PayCode, $"pay code {code.Code} is allowed for pay groups {string.Join(';', code.AllowedPayGroups)}, employee {employee.EmployeeId} is in '{employee.PayGroup}'"));

        if (code is not null) CheckQuantity(tx, code, ex);

        PayRate? rate = null;
        if (code is not null && code.Unit != PayUnit.Amount && employee is not null && dateKnown)
        {
            rate = PayrollPricer.FindRate(master.RatesFor(code.Code), employee.PayGroup, tx.WorkDate);
            if (rate is null)
                ex.Add(new(NoRate, PayrollColumns.PayCode, Invariant($"no rate for pay code {code.Code}, pay group '{employee.PayGroup}' valid on {tx.WorkDate:yyyy-MM-dd}")));
        }

        CheckDuplicate(tx, employee, code, accepted, ex);

        var status = tx.FieldErrors.Count > 0 ? PayrollStatus.Rejected : StatusFor(ex);
        var price = status == PayrollStatus.AwaitingAttestation && code is not null ? PayrollPricer.Price(code, tx, rate) : null;
        if (status == PayrollStatus.AwaitingAttestation)
            accepted.Add(tx.TransactionId, employee!.EmployeeId, code!.Code, tx.WorkDate, DuplicateQuantity(tx), tx.CorrectsPeriod, tx.CorrectsRate);

        return new PayrollOutcome(status, ex, employee?.EmployeeId, NonEmpty(tx.CostCentre) ?? employee?.CostCentre,
            code?.Account, code?.Unit, tx.EffectivePeriod, price?.Rate, price?.CorrectedRate, price?.Amount);
    }

    /// <summary>Which code a cell the reader could not parse leads to: the code of the rule that cell feeds.</summary>
    public static string CodeForColumn(string column) => column switch
    {
        PayrollColumns.PersonId => InvalidPersonId,
        PayrollColumns.EmployeeId => UnknownEmployee,
        PayrollColumns.PayCode => UnknownPayCode,
        PayrollColumns.CorrectsRate => NoRate,
        // Without a work date or period, employment on the date cannot be established.
        PayrollColumns.WorkDate or PayrollColumns.Period or PayrollColumns.CorrectsPeriod => NotEmployed,
        // A row without a transaction id cannot be told apart from others (rejected, not marked Duplicate).
        PayrollColumns.TransactionId => DuplicateTransaction,
        _ => QuantityOutOfRange,
    };

    private static Employee? ResolveEmployee(PayrollTransaction tx, PayrollMasterData master, bool dateKnown, List<PayrollException> ex)
    {
        if (HasFieldError(tx, PayrollColumns.EmployeeId) || HasFieldError(tx, PayrollColumns.PersonId)) return null;
        var employeeId = NonEmpty(tx.EmployeeId);
        var personId = NonEmpty(tx.PersonId);
        if (employeeId is null && personId is null)
        {
            ex.Add(new(UnknownEmployee, PayrollColumns.EmployeeId, "neither employee_id nor person_id is given"));
            return null;
        }

        Employee? byId = null;
        if (employeeId is not null)
        {
            byId = master.EmployeeById(employeeId);
            if (byId is null) ex.Add(new(UnknownEmployee, PayrollColumns.EmployeeId, $"no employee with employee_id {employeeId}"));
        }
        if (personId is null) return byId;

        // The century of a ten-digit Swedish number is judged against the work date.
        var reference = dateKnown ? tx.WorkDate : tx.EffectivePeriod.LastDay;
        var masked = PersonalIdentityNumber.Mask(personId);
        var parsed = byId is not null
            ? PersonalIdentityNumber.TryParse(personId, byId.Country, reference, out var identity)
            : PersonalIdentityNumber.TryParseAny(personId, reference, out identity);
        var held = false;
        if (!parsed && (byId is null || string.Equals(byId.Country, "DK", StringComparison.OrdinalIgnoreCase))
            && PersonalIdentityNumber.TryParseDanishDate(personId, out identity, out var failsModulus11) && failsModulus11)
        {
            // cpr.dk does not promise modulus 11 for every number: a valid date with a failing check waits for a person.
            held = parsed = true;
            ex.Add(new(CprModulus11Unchecked, PayrollColumns.PersonId,
                $"person_id {masked} is a valid CPR date but fails modulus 11, which CPR does not promise for every number: check the number before attesting"));
        }
        if (!parsed)
        {
            ex.Add(new(InvalidPersonId, PayrollColumns.PersonId, $"person_id {masked} fails its format, date or check digit"));
            return null;
        }

        var byPerson = master.EmployeeByPersonDigits(identity.Digits, out var ambiguous);
        if (held && (byPerson is null || (byId is not null && !ReferenceEquals(byId, byPerson))))
        {
            // A number failing modulus 11 that names nobody (or someone else) is most likely a typo: rejected as before.
            ex.RemoveAll(e => e.Code == CprModulus11Unchecked);
            ex.Add(new(InvalidPersonId, PayrollColumns.PersonId, $"person_id {masked} fails modulus 11 and names no employee"));
            return null;
        }
        if (byPerson is null)
        {
            var why = ambiguous ? $"person_id {masked} names more than one employee" : $"no employee with person_id {masked}";
            if (byId is not null) why = $"person_id {masked} does not name employee {byId.EmployeeId}";
            ex.Add(new(UnknownEmployee, PayrollColumns.PersonId, why));
            return null;
        }
        if (byId is not null && !ReferenceEquals(byId, byPerson))
        {
            ex.Add(new(UnknownEmployee, PayrollColumns.PersonId, $"employee_id {byId.EmployeeId} and person_id {masked} name different employees"));
            return null;
        }
        if (byId is null && !held && !PersonalIdentityNumber.TryParse(personId, byPerson.Country, reference, out _))
        {
            ex.Add(new(InvalidPersonId, PayrollColumns.PersonId, $"person_id {masked} is not a valid {byPerson.Country} number"));
            return null;
        }
        return employeeId is null || byId is not null ? byPerson : null;
    }

    private static PayCode? ResolvePayCode(PayrollTransaction tx, PayrollMasterData master, List<PayrollException> ex)
    {
        if (HasFieldError(tx, PayrollColumns.PayCode)) return null;
        var code = master.PayCode(tx.PayCode);
        if (code is null) ex.Add(new(UnknownPayCode, PayrollColumns.PayCode, $"pay code '{tx.PayCode}' does not exist"));
        return code;
    }

    private static void CheckQuantity(PayrollTransaction tx, PayCode code, List<PayrollException> ex)
    {
        if (HasFieldError(tx, PayrollColumns.Quantity) || HasFieldError(tx, PayrollColumns.Amount)) return;
        if (code.Unit == PayUnit.Amount)
        {
            // max_quantity caps the amount of an amount code; a negative amount only reverses on a correction row.
            if (tx.Amount is not { } amount) ex.Add(new(QuantityOutOfRange, PayrollColumns.Amount, $"amount is missing for pay code {code.Code} (unit amount)"));
            else if (amount < 0 && !tx.IsCorrection) ex.Add(new(QuantityOutOfRange, PayrollColumns.Amount, Invariant($"amount {amount} is negative")));
            else if (code.MaxQuantity is { } max && Math.Abs(amount) > max) ex.Add(new(QuantityOutOfRange, PayrollColumns.Amount, Invariant($"amount {amount} is above the limit {max} of pay code {code.Code}")));
            return;
        }

        if (tx.Quantity is not { } quantity) ex.Add(new(QuantityOutOfRange, PayrollColumns.Quantity, $"quantity is missing for pay code {code.Code}"));
        else if (quantity <= 0) ex.Add(new(QuantityOutOfRange, PayrollColumns.Quantity, Invariant($"quantity {quantity} is not positive")));
        else if (code.MaxQuantity is { } max && quantity > max) ex.Add(new(QuantityOutOfRange, PayrollColumns.Quantity, Invariant($"quantity {quantity} is above the limit {max} of pay code {code.Code}")));

        if (!tx.IsCorrection) return;
        if (tx.CorrectsRate is null) ex.Add(new(NoRate, PayrollColumns.CorrectsRate, "a correction must name the rate it corrects (corrects_rate)"));
        if (tx.CorrectsPeriod is not { } corrected)
            ex.Add(new(QuantityOutOfRange, PayrollColumns.CorrectsPeriod, "a correction must name the period it corrects (corrects_period)"));
        else if (corrected >= tx.EffectivePeriod)
            ex.Add(new(QuantityOutOfRange, PayrollColumns.CorrectsPeriod, $"corrects_period {corrected} is not before the period {tx.EffectivePeriod}"));
    }

    private static void CheckDuplicate(PayrollTransaction tx, Employee? employee, PayCode? code, PayrollDuplicateKeys accepted, List<PayrollException> ex)
    {
        if (NonEmpty(tx.TransactionId) is { } id && accepted.ContainsTransactionId(id))
            ex.Add(new(DuplicateTransaction, PayrollColumns.TransactionId, $"transaction_id {id} was already accepted"));
        else if (employee is not null && code is not null
            && accepted.ContainsContent(employee.EmployeeId, code.Code, tx.WorkDate, DuplicateQuantity(tx), tx.CorrectsPeriod, tx.CorrectsRate))
            ex.Add(new(DuplicateTransaction, PayrollColumns.TransactionId, Invariant($"employee {employee.EmployeeId}, pay code {code.Code}, {tx.WorkDate:yyyy-MM-dd}, quantity {DuplicateQuantity(tx)} was already accepted")));
    }

    // Amount codes often carry no quantity: their amount stands in for it in the duplicate key.
    private static decimal DuplicateQuantity(PayrollTransaction tx) => tx.Quantity ?? tx.Amount ?? 0m;

    private static bool HasFieldError(PayrollTransaction tx, string column)
    {
        foreach (var e in tx.FieldErrors)
            if (string.Equals(e.Column, column, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
