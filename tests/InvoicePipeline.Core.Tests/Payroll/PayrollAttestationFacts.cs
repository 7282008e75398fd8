using InvoicePipeline.MasterData;
using InvoicePipeline.Payroll;
using static InvoicePipeline.Tests.Support.PayrollSome;

namespace InvoicePipeline.Tests.Payroll;

public sealed class PayrollAttestationFacts
{
    private readonly PayrollMasterData _master = Master();

    private static PayrollAttestationCase Case(string id = "T1", string employee = "E100", string costCentre = "CC100",
        string? reportedBy = "clerk", string? importedBy = "batch.user", PayrollStatus status = PayrollStatus.AwaitingAttestation) =>
        new(id, employee, costCentre, reportedBy, importedBy, status);

    [Fact]
    public void Decide_AllowsTheEmployeesManager() =>
        Assert.True(PayrollAttestation.Decide(new("anna.manager"), Case(), _master).Allowed);

    [Fact]
    public void Decide_AllowsTheCostCentresManager() =>
        Assert.True(PayrollAttestation.Decide(new("bo.chef"), Case(), _master).Allowed);

    [Fact]
    public void Decide_DeniesSomeoneWhoManagesNeither()
    {
        var d = PayrollAttestation.Decide(new("clerk2"), Case(), _master);
        Assert.False(d.Allowed);
        Assert.Contains("manages neither", d.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DeniesTheManager_OnTheirOwnTransaction() =>
        Assert.False(PayrollAttestation.Decide(new("anna.manager", EmployeeId: "E100"), Case(), _master).Allowed);

    [Fact]
    public void Decide_DeniesTheManager_WhoReportedTheRow() =>
        Assert.False(PayrollAttestation.Decide(new("anna.manager"), Case(reportedBy: "Anna.Manager"), _master).Allowed);

    [Fact]
    public void Decide_DeniesTheManager_WhoImportedTheFile() =>
        Assert.False(PayrollAttestation.Decide(new("bo.chef"), Case(importedBy: "bo.chef"), _master).Allowed);

    [Fact]
    public void Decide_DeniesARow_ThatIsNotAwaitingAttestation() =>
        Assert.False(PayrollAttestation.Decide(new("anna.manager"), Case(status: PayrollStatus.Attested), _master).Allowed);

    [Fact]
    public void AttestersOf_FallsBackToTheCostCentreManager_WhenTheEmployeesManagerReportedIt()
    {
        Assert.Equal(["anna.manager", "bo.chef"], PayrollAttestation.AttestersOf(Case(), _master));
        Assert.Equal(["bo.chef"], PayrollAttestation.AttestersOf(Case(reportedBy: "anna.manager"), _master));
        Assert.Empty(PayrollAttestation.AttestersOf(Case(reportedBy: "anna.manager", importedBy: "bo.chef"), _master));
    }

    [Fact]
    public void QueueFor_HoldsOnlyWhatTheUserMayAttest()
    {
        PayrollAttestationCase[] cases =
        [
            Case("T1"),                                                   // E100: anna (manager) and bo (CC100)
            Case("T2", employee: "E200", costCentre: "CC200"),            // bo only
            Case("T3", employee: "E300", costCentre: "CC300"),            // anna (manager and CC300)
            Case("T4", reportedBy: "anna.manager"),                       // four eyes: not anna
            Case("T5", status: PayrollStatus.Rejected),
        ];
        Assert.Equal(["T1", "T3"], PayrollAttestation.QueueFor(new("anna.manager"), cases, _master).Select(c => c.TransactionId));
        Assert.Equal(["T1", "T2", "T4"], PayrollAttestation.QueueFor(new("bo.chef"), cases, _master).Select(c => c.TransactionId));
    }

    /// <summary>Bo Chef is employed too (E400, in his own cost centre CC200, managed by anna) and linked by employees.csv's user_id.</summary>
    private static PayrollMasterData WithBoEmployed(string? userId) => new(
        [Anna(), Bo(), Dane(), new Employee
        {
            EmployeeId = "E400", PersonId = "19820127-9877", Name = "Bo Chef", EmploymentStart = new(2010, 9, 1),
            CostCentre = "CC200", ManagerUserId = "anna.manager", PayGroup = "MONTHLY", UserId = userId,
        }],
        PayCodes(), PayRates(), CostCentres());

    [Fact]
    public void Decide_DeniesTheCostCentreManager_OnTheirOwnTransaction_WhenEmployeesCsvLinksTheUser()
    {
        var own = Case("T9", employee: "E400", costCentre: "CC200");
        // Without the link bo.chef would attest his own overtime as the manager of CC200.
        Assert.True(PayrollAttestation.Decide(new("bo.chef"), own, WithBoEmployed(userId: null)).Allowed);

        var linked = WithBoEmployed(userId: "Bo.Chef");
        var d = PayrollAttestation.Decide(new("bo.chef"), own, linked);
        Assert.False(d.Allowed);
        Assert.Contains("own transaction T9", d.Reason, StringComparison.Ordinal);
        Assert.True(PayrollAttestation.Decide(new("anna.manager"), own, linked).Allowed);
        Assert.Equal(["anna.manager"], PayrollAttestation.AttestersOf(own, linked));
        Assert.Equal(["E400"], linked.EmployeesOfUser("bo.chef"));
        // Other employees' rows in his cost centre stay his to attest.
        Assert.True(PayrollAttestation.Decide(new("bo.chef"), Case("T10", employee: "E200", costCentre: "CC200"), linked).Allowed);
    }

    [Fact]
    public void QueueFor_LeavesOutTheAttestersOwnTransactions()
    {
        var linked = WithBoEmployed(userId: "bo.chef");
        PayrollAttestationCase[] cases = [Case("T1"), Case("T2", employee: "E400", costCentre: "CC200"), Case("T3", employee: "E400", costCentre: "CC100")];
        Assert.Equal(["T1"], PayrollAttestation.QueueFor(new("bo.chef"), cases, linked).Select(c => c.TransactionId));
        Assert.Equal(["T1", "T2", "T3"], PayrollAttestation.QueueFor(new("anna.manager"), cases, linked).Select(c => c.TransactionId));
    }
}
