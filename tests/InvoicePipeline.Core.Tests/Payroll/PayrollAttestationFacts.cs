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
}
