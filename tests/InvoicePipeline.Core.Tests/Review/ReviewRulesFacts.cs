using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;
using InvoicePipeline.Review;

namespace InvoicePipeline.Tests.Review;

public sealed class ReviewRulesFacts
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly Approver Bo = new() { UserId = "bo", CostCentre = "CC200", MaxAmount = 50_000m, Role = ApproverRole.Approver };

    private static ReviewCase Case(InvoiceStatus status, decimal amount = 10_000m, string? reviewedBy = null, string? codedBy = null, params string[] orderedBy) =>
        new(status, amount, ["CC200"], "system", codedBy, reviewedBy, orderedBy);

    private static ReviewActor Actor(string id, string role, params Approver[] authorities) =>
        new(id, new HashSet<string> { role }, authorities);

    [Fact]
    public void Accept_ByAnAccountant_WithAReason_LeadsToAttestation()
    {
        var r = ReviewRules.Decide(Case(InvoiceStatus.AwaitingReview), Actor("anna", "accountant"), ReviewAction.Accept, "price agreed by phone", Today);
        Assert.True(r.Allowed);
        Assert.Equal(InvoiceStatus.AwaitingAttestation, r.NewStatus);
    }

    [Fact]
    public void Accept_WithoutAReason_IsRefused() =>
        Assert.False(ReviewRules.Decide(Case(InvoiceStatus.AwaitingReview), Actor("anna", "accountant"), ReviewAction.Accept, " ", Today).Allowed);

    [Fact]
    public void Attest_WithinAuthority_IsAllowed_ExactlyAtTheLimitToo()
    {
        Assert.True(ReviewRules.Decide(Case(InvoiceStatus.AwaitingAttestation, 50_000m), Actor("bo", "approver", Bo), ReviewAction.Attest, null, Today).Allowed);
        var above = ReviewRules.Decide(Case(InvoiceStatus.AwaitingAttestation, 50_000.01m), Actor("bo", "approver", Bo), ReviewAction.Attest, null, Today);
        Assert.False(above.Allowed);
        Assert.Contains("above your authority", above.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reviewed")]
    [InlineData("coded")]
    [InlineData("ordered")]
    public void Attest_WhatYouTouchedYourself_IsRefused(string how)
    {
        var c = how switch
        {
            "reviewed" => Case(InvoiceStatus.AwaitingAttestation, reviewedBy: "bo"),
            "coded" => Case(InvoiceStatus.AwaitingAttestation, codedBy: "bo"),
            _ => Case(InvoiceStatus.AwaitingAttestation, 10_000m, null, null, "bo"),
        };
        var r = ReviewRules.Decide(c, Actor("bo", "approver", Bo), ReviewAction.Attest, null, Today);
        Assert.False(r.Allowed);
        Assert.Contains("Segregation of duties", r.Message, StringComparison.Ordinal);
        Assert.Contains(how, r.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attest_ByAnAccountant_OrForAnotherCostCentre_OrWithAnExpiredAuthority_IsRefused()
    {
        Assert.False(ReviewRules.Decide(Case(InvoiceStatus.AwaitingAttestation), Actor("anna", "accountant", Bo), ReviewAction.Attest, null, Today).Allowed);
        var other = new Approver { UserId = "bo", CostCentre = "CC100", MaxAmount = 1e6m };
        Assert.False(ReviewRules.Decide(Case(InvoiceStatus.AwaitingAttestation), Actor("bo", "approver", other), ReviewAction.Attest, null, Today).Allowed);
        var expired = new Approver { UserId = "bo", CostCentre = "*", MaxAmount = 1e6m, ValidTo = Today.AddDays(-1) };
        Assert.False(ReviewRules.Decide(Case(InvoiceStatus.AwaitingAttestation), Actor("bo", "approver", expired), ReviewAction.Attest, null, Today).Allowed);
    }

    [Fact]
    public void InvalidTransitions_AreRefused_WithTheStatusNamed()
    {
        var r = ReviewRules.Decide(Case(InvoiceStatus.Posted), Actor("anna", "accountant"), ReviewAction.Reject, "wrong", Today);
        Assert.False(r.Allowed);
        Assert.Contains("Posted", r.Message, StringComparison.Ordinal);
        Assert.Equal(InvoiceStatus.OnHold, ReviewRules.Decide(Case(InvoiceStatus.AwaitingReview), Actor("anna", "accountant"), ReviewAction.Hold, "ask supplier", Today).NewStatus);
        Assert.Equal(InvoiceStatus.AwaitingReview, ReviewRules.Decide(Case(InvoiceStatus.OnHold), Actor("anna", "accountant"), ReviewAction.Release, null, Today).NewStatus);
        Assert.Equal(InvoiceStatus.AwaitingReview, ReviewRules.Decide(Case(InvoiceStatus.AwaitingAttestation), Actor("bo", "approver", Bo), ReviewAction.SendBack, "wrong cost centre", Today).NewStatus);
    }

    [Fact]
    public void PickAndRecode_AreForAccountants_OnInvoicesAwaitingReview_WithAValue()
    {
        Assert.True(ReviewRules.Decide(Case(InvoiceStatus.AwaitingReview), Actor("anna", "accountant"), ReviewAction.PickMatch, "PO-1", Today).Allowed);
        Assert.False(ReviewRules.Decide(Case(InvoiceStatus.AwaitingReview), Actor("bo", "approver", Bo), ReviewAction.Recode, "4010;CC1", Today).Allowed);
        Assert.False(ReviewRules.Decide(Case(InvoiceStatus.Attested), Actor("anna", "accountant"), ReviewAction.Recode, "4010;CC1", Today).Allowed);
        Assert.False(ReviewRules.Decide(Case(InvoiceStatus.AwaitingReview), Actor("anna", "accountant"), ReviewAction.PickMatch, "", Today).Allowed);
    }
}
