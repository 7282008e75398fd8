namespace InvoicePipeline.Payroll;

/// <summary>What attestation needs to know about a stored transaction (no person id).</summary>
public sealed record PayrollAttestationCase(
    string TransactionId,
    string EmployeeId,
    string CostCentre,
    string? ReportedBy,
    string? ImportedBy,
    PayrollStatus Status)
{
    public static PayrollAttestationCase From(PayrollTransaction tx, PayrollOutcome outcome) =>
        new(tx.TransactionId, outcome.EmployeeId ?? "", outcome.CostCentre ?? "", tx.ReportedBy, tx.ImportedBy, outcome.Status);
}

/// <summary>A user acting on transactions; <see cref="EmployeeId"/> links the user to their own employment, when they have one.</summary>
public sealed record PayrollAttester(string UserId, string? EmployeeId = null);

public sealed record PayrollAttestationDecision(bool Allowed, string Reason);

/// <summary>
/// Who attests payroll: the employee's manager or the manager of the cost centre charged. Four eyes: nobody attests
/// their own transactions (their employee record: <see cref="PayrollAttester.EmployeeId"/> or employees.csv's user_id),
/// ones they reported, or rows of a file they imported — then the other manager (if any) must.
/// </summary>
public static class PayrollAttestation
{
    /// <summary>The users who may attest the case, the employee's manager first; empty when nobody can.</summary>
    public static IReadOnlyList<string> AttestersOf(PayrollAttestationCase c, PayrollMasterData master)
    {
        var candidates = new List<string>(2);
        if (master.EmployeeById(c.EmployeeId)?.ManagerUserId is { Length: > 0 } manager) candidates.Add(manager);
        if (master.CostCentreManager(c.CostCentre) is { Length: > 0 } ccManager && !candidates.Contains(ccManager, StringComparer.OrdinalIgnoreCase))
            candidates.Add(ccManager);
        return [.. candidates.Where(u => Decide(new PayrollAttester(u), c, master).Allowed)];
    }

    public static PayrollAttestationDecision Decide(PayrollAttester who, PayrollAttestationCase c, PayrollMasterData master)
    {
        if (c.Status != PayrollStatus.AwaitingAttestation) return Deny($"transaction {c.TransactionId} is {c.Status}, not awaiting attestation");
        // Own transactions: the attester's employment as the caller knows it, or as employees.csv links it (user_id).
        if (c.EmployeeId.Length > 0 && (string.Equals(who.EmployeeId, c.EmployeeId, StringComparison.Ordinal) || master.EmployeesOfUser(who.UserId).Contains(c.EmployeeId, StringComparer.Ordinal)))
            return Deny($"{who.UserId} may not attest their own transaction {c.TransactionId} (employee {c.EmployeeId})");
        if (Same(who.UserId, c.ReportedBy)) return Deny($"{who.UserId} reported transaction {c.TransactionId}");
        if (Same(who.UserId, c.ImportedBy)) return Deny($"{who.UserId} imported the file of transaction {c.TransactionId}");
        if (Same(who.UserId, master.EmployeeById(c.EmployeeId)?.ManagerUserId))
            return new(true, $"{who.UserId} is the manager of employee {c.EmployeeId}");
        if (Same(who.UserId, master.CostCentreManager(c.CostCentre)))
            return new(true, $"{who.UserId} is the manager of cost centre {c.CostCentre}");
        return Deny($"{who.UserId} manages neither employee {c.EmployeeId} nor cost centre {c.CostCentre}");
    }

    /// <summary>The cases awaiting attestation that <paramref name="who"/> may attest: their queue.</summary>
    public static IEnumerable<PayrollAttestationCase> QueueFor(PayrollAttester who, IEnumerable<PayrollAttestationCase> cases, PayrollMasterData master) =>
        QueueFor(who, cases, c => c, master);

    /// <summary>The rows (stored transactions, claims) whose case <paramref name="who"/> may attest, in their order.</summary>
    public static IEnumerable<T> QueueFor<T>(PayrollAttester who, IEnumerable<T> rows, Func<T, PayrollAttestationCase> caseOf, PayrollMasterData master) =>
        rows.Where(r => Decide(who, caseOf(r), master).Allowed);

    private static bool Same(string userId, string? other) =>
        other is not null && string.Equals(userId.Trim(), other.Trim(), StringComparison.OrdinalIgnoreCase);

    private static PayrollAttestationDecision Deny(string reason) => new(false, reason);
}
