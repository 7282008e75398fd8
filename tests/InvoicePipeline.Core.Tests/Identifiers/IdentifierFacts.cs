using InvoicePipeline.Identifiers;

namespace InvoicePipeline.Tests.Identifiers;

public sealed class IdentifierFacts
{
    [Theory]
    [InlineData("5560000001", true)]
    [InlineData("5560000000", false)]
    [InlineData("556036-0793", true)]   // a real organisation number form with a valid check digit
    [InlineData("SE556036079301", true)]
    [InlineData("0007:5560360793", true)]
    [InlineData("556036-0794", false)]
    public void OrganisationNumber_IsValid(string value, bool expected) => Assert.Equal(expected, OrganisationNumber.IsValid(value));

    [Theory]
    [InlineData("5050-1055", true)]
    [InlineData("5050-1056", false)]
    [InlineData("123-4567", false)]
    public void Bankgiro_IsValid(string value, bool expected) => Assert.Equal(expected, AccountNumber.IsValidBankgiro(value));

    [Theory]
    [InlineData("SE45 5000 0000 0583 9825 7466", true)]
    [InlineData("SE45 5000 0000 0583 9825 7467", false)]
    [InlineData("DK50 0040 0440 1162 43", true)]
    public void Iban_IsValid(string value, bool expected) => Assert.Equal(expected, AccountNumber.IsValidIban(value));

    [Fact]
    public void Luhn_CheckDigit_CompletesANumberThatThenValidates()
    {
        var digit = Luhn.CheckDigit("12345678");
        Assert.True(Luhn.IsValid("12345678" + digit));
        Assert.False(Luhn.IsValid("12345678" + (digit + 1) % 10));
    }

    [Fact]
    public void Money_Round_IsHalfAwayFromZeroToTwoDecimals()
    {
        Assert.Equal(0.13m, Money.Round(0.125m));
        Assert.Equal(-0.13m, Money.Round(-0.125m));
        Assert.Equal(1.12m, Money.Round(1.1249m));
    }
}
