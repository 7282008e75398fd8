using InvoicePipeline.Invoices;
using InvoicePipeline.MasterData;
using InvoicePipeline.Suppliers;

namespace InvoicePipeline.Tests.Suppliers;

public sealed class SupplierIdentificationFacts
{
    private static readonly Supplier Acme = new()
    {
        SupplierId = "S1", Name = "Acme AB", OrgNo = "556036-0793", VatId = "SE556036079301", PeppolId = "0007:5560360793",
        Country = "SE", Bankgiro = "5050-1055",
    };

    private static readonly Supplier Blocked = new() { SupplierId = "S2", Name = "Blocked A/S", VatId = "DK 12 34 56 78", Country = "DK", Blocked = true };

    private static readonly SupplierIdentification Register = new([Acme, Blocked]);

    private static Invoice From(Party seller, params PaymentInstruction[] means) => new() { Seller = seller, PaymentMeans = means };

    [Fact]
    public void Identify_FindsSupplier_ByPeppolId() =>
        Assert.Same(Acme, Register.Identify(From(new Party { EndpointId = new SchemedId("5560360793", "0007") })).Supplier);

    [Theory]
    [InlineData("5560360793")]
    [InlineData("556036-0793")]
    [InlineData("SE 556036-0793 01")]
    [InlineData("SE556036079301")]
    public void Identify_FindsSupplier_ByOrganisationNumberInAnyWriting(string legalId)
    {
        var decision = Register.Identify(From(new Party { LegalId = new SchemedId(legalId, null), CountryCode = "SE" }));
        Assert.Same(Acme, decision.Supplier);
        Assert.Equal("organisation number", decision.MatchedBy);
    }

    [Fact]
    public void Identify_FindsSupplier_ByVatIdWithSpaces() =>
        Assert.Same(Blocked, Register.Identify(From(new Party { VatId = "dk12345678" })).Supplier);

    [Fact]
    public void Identify_RaisesUnknownSupplier_NamingTheIdentifiers()
    {
        var decision = Register.Identify(From(new Party { LegalName = "Stranger AB", LegalId = new SchemedId("5567321707", "0007") }));
        Assert.Null(decision.Supplier);
        var issue = Assert.Single(decision.Issues);
        Assert.Equal(ExceptionCode.UnknownSupplier, issue.Code);
        Assert.Contains("5567321707", issue.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Identify_RaisesSupplierBlocked_ForABlockedSupplier() =>
        Assert.Contains(Register.Identify(From(new Party { VatId = "DK12345678" })).Issues, i => i.Code == ExceptionCode.SupplierBlocked);

    [Fact]
    public void Identify_AcceptsTheRegisteredAccount_InAnyWriting()
    {
        var decision = Register.Identify(From(new Party { VatId = "SE556036079301" }, new PaymentInstruction("30", null, new PaymentAccount(AccountKind.Bankgiro, "50501055"))));
        Assert.Empty(decision.Issues);
    }

    [Fact]
    public void Identify_RaisesBankAccountMismatch_WhenThePayeeAccountIsNotRegistered()
    {
        var decision = Register.Identify(From(new Party { VatId = "SE556036079301" }, new PaymentInstruction("30", null, new PaymentAccount(AccountKind.Bankgiro, "9999999"))));
        var issue = Assert.Single(decision.Issues);
        Assert.Equal(ExceptionCode.BankAccountMismatch, issue.Code);
        Assert.Contains("9999999", issue.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iso6523-actorid-upis::0007:556036-0793", "peppol:0007:5560360793")]
    [InlineData("0088: 7300010000001", "peppol:0088:7300010000001")]
    [InlineData("5560360793", null)]
    public void PeppolKey_NormalisesSchemeAndValue(string input, string? expected) => Assert.Equal(expected, SupplierIdentification.PeppolKey(input));
}
