using InvoicePipeline.Invoices;
using InvoicePipeline.Responses;

namespace InvoicePipeline.Core.Tests.Responses;

public sealed class SupplierResponsesFacts
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Fact]
    public void Rejected_ForARuleViolation_SaysLegalInformationWithTheRuleAndAsksForANewInvoice()
    {
        var r = SupplierResponses.Rejected(Today, [new RaisedException(ExceptionCode.RuleViolation, "BR-CO-15 totals")]);
        Assert.Equal(ResponseStatus.Rejected, r.Status);
        Assert.Equal([("OPStatusReason", "LEG", "RULE_VIOLATION: BR-CO-15 totals"), ("OPStatusAction", "NIN", null)],
            r.Clarifications.Select(c => (c.ListId, c.Code, c.Text)));
    }

    [Fact]
    public void Rejected_ByAnAccountant_CarriesTheAccountantsReason()
    {
        var r = SupplierResponses.Rejected(Today, [], "  Fel mottagare  ");
        Assert.Equal(("OTH", "Fel mottagare"), (r.Clarifications[0].Code, r.Clarifications[0].Text));
    }

    [Fact]
    public void UnderReview_WithOnlyTheCentresOwnWork_SendsNothing()
    {
        Assert.Null(SupplierResponses.UnderReview(Today,
        [
            new(ExceptionCode.MissingCoding, "line 1"), new(ExceptionCode.NoApprover, ""), new(ExceptionCode.MissingExchangeRate, ""),
            new(ExceptionCode.LowConfidence, ""), new(ExceptionCode.SuspectedDuplicate, ""), new("UNKNOWN_BUYER", ""),
        ]));
    }

    [Fact]
    public void UnderReview_WithAVarianceTheSupplierCanMend_IsUnderQueryNamingEachOne()
    {
        var r = SupplierResponses.UnderReview(Today, [new(ExceptionCode.MissingCoding, "x"), new(ExceptionCode.NoMatch, "no order PO-1"), new(ExceptionCode.PriceVariance, "line 2")])!;
        Assert.Equal(ResponseStatus.UnderQuery, r.Status);
        Assert.Equal(["REF", "PRI", "PIN"], r.Clarifications.Select(c => c.Code));
    }

    [Theory]
    [InlineData(ResponseStatus.Acknowledged, "AB")]
    [InlineData(ResponseStatus.UnderQuery, "UQ")]
    [InlineData(ResponseStatus.Rejected, "RE")]
    [InlineData(ResponseStatus.Accepted, "AP")]
    [InlineData(ResponseStatus.Paid, "PD")]
    public void Code_IsTheUncl4343Code(ResponseStatus status, string code)
    {
        Assert.Equal(code, SupplierResponse.Code(status));
        Assert.True(SupplierResponse.TryParse(code, out var back));
        Assert.Equal(status, back);
    }
}
