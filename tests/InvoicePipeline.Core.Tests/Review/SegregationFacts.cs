using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;
using InvoicePipeline.Review;

namespace InvoicePipeline.Tests.Review;

/// <summary>Issue 18: segregation of duties from every person's action in the history, not only the last reviewer.</summary>
public sealed class SegregationFacts
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateTimeOffset At = new(2026, 11, 19, 9, 30, 0, TimeSpan.Zero);
    private static readonly Approver Anna = new() { UserId = "anna", CostCentre = "CC200", MaxAmount = 50_000m, Role = ApproverRole.Approver };
    private static readonly ReviewActor AnnaActs = new("anna", new HashSet<string> { "accountant", "approver" }, [Anna]);

    private static ReviewOutcome Attest(string? reviewedBy, params PersonAction[] history) =>
        ReviewRules.Decide(new ReviewCase(InvoiceStatus.AwaitingAttestation, 1_000m, ["CC200"], "system", null, reviewedBy, [], history), AnnaActs, ReviewAction.Attest, null, Today);

    [Theory]
    [InlineData("pickmatch", "picked the match of")]
    [InlineData("correctscan", "corrected the scan of")]
    [InlineData("recode", "recoded")]
    [InlineData("accept", "reviewed (accepted)")]
    [InlineData("sendback", "sent back")]
    [InlineData("hold", "put on hold")]
    [InlineData("release", "released")]
    public void Attest_AfterAnyEarlierActionOfYours_IsRefused_NamingIt(string action, string named)
    {
        var r = Attest("bo", new PersonAction("bo", "accept", At.AddHours(-1)), new PersonAction("ANNA", action, At));
        Assert.False(r.Allowed);
        Assert.Contains($"you {named} (2026-11-19 09:30 UTC) this invoice", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attest_ByTheFirstReviewer_AfterASendBackAndASecondReviewersAccept_IsRefused()
    {
        // The invoice's ReviewedBy is the second reviewer's; the history still shows anna accepted it first.
        var r = Attest("bo", new PersonAction("anna", "accept", At), new PersonAction("carl", "sendback", At.AddHours(1)), new PersonAction("bo", "accept", At.AddHours(2)));
        Assert.False(r.Allowed);
        Assert.Contains("reviewed (accepted)", r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attest_AfterOthersActions_OrTheSystems_OrYourOwnEarlierAttestation_IsAllowed()
    {
        Assert.True(Attest("bo", new PersonAction("bo", "pickmatch", At), new PersonAction("system", "accept", At), new PersonAction("anna", "attest", At)).Allowed);
        Assert.Empty(Segregation.Conflicts("anna", [new PersonAction("anna", "attest", At), new PersonAction("anna", "pay", At)]));
    }
}
