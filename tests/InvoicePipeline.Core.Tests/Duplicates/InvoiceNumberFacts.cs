using InvoicePipeline.Duplicates;

namespace InvoicePipeline.Tests.Duplicates;

public sealed class InvoiceNumberFacts
{
    [Theory]
    [InlineData("INV-0012", "INV12")]
    [InlineData("inv 12", "INV12")]
    [InlineData("INV/12", "INV12")]
    [InlineData("2024/007", "20247")]
    [InlineData("000", "0")]
    [InlineData("A-100", "A100")]
    public void Normalise_IgnoresCaseSpacesSeparatorsAndLeadingZeros(string input, string expected) =>
        Assert.Equal(expected, InvoiceNumber.Normalise(input));

    [Fact]
    public void Normalise_KeepsLettersThatDistinguishNumbers() =>
        Assert.NotEqual(InvoiceNumber.Normalise("A12"), InvoiceNumber.Normalise("B12"));
}
