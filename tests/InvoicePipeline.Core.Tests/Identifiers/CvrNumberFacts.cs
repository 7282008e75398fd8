using InvoicePipeline.Identifiers;

namespace InvoicePipeline.Core.Tests.Identifiers;

public sealed class CvrNumberFacts
{
    [Theory]
    [InlineData("12345674", true)]
    [InlineData("DK20214414", true)]
    [InlineData("DK 20 21 44 14", true)]
    [InlineData("0184:20214414", true)]
    [InlineData("12345678", false)]
    [InlineData("1234567", false)]
    [InlineData("2021000829", false)]
    public void IsValid_ChecksEightDigitsAndModulus11(string value, bool valid) => Assert.Equal(valid, CvrNumber.IsValid(value));
}
