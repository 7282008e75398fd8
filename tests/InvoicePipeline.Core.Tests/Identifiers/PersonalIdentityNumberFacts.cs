using InvoicePipeline.Identifiers;

namespace InvoicePipeline.Tests.Identifiers;

public sealed class PersonalIdentityNumberFacts
{
    private static readonly DateOnly Ref = new(2025, 6, 15);

    [Theory]
    [InlineData("19121212-1212", "1912-12-12")]   // Skatteverket's test personnummer
    [InlineData("191212121212", "1912-12-12")]
    [InlineData("121212+1212", "1912-12-12")]     // '+': 100 or older in the reference year
    [InlineData("121212-1212", "2012-12-12")]     // '-': the latest century
    [InlineData("1212121212", "2012-12-12")]
    [InlineData("19811218-9876", "1981-12-18")]
    [InlineData("20000229-1003", "2000-02-29")]   // leap day
    public void TryParseSwedish_AcceptsPersonnummer_InEveryForm(string value, string birth)
    {
        Assert.True(PersonalIdentityNumber.TryParseSwedish(value, Ref, out var id));
        Assert.Equal(PersonalIdentityKind.Personnummer, id.Kind);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), id.BirthDate);
    }

    [Theory]
    [InlineData("701063-2391", "1970-10-03")]     // Skatteverket's samordningsnummer example: day 63 = 3 + 60
    [InlineData("19850375-1003", "1985-03-15")]
    public void TryParseSwedish_AcceptsSamordningsnummer_WithDayPlus60(string value, string birth)
    {
        Assert.True(PersonalIdentityNumber.TryParseSwedish(value, Ref, out var id));
        Assert.Equal(PersonalIdentityKind.Samordningsnummer, id.Kind);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), id.BirthDate);
    }

    [Theory]
    [InlineData("19121212-1213")]   // Luhn fails
    [InlineData("701063-2392")]     // Luhn fails on a samordningsnummer
    [InlineData("20010229-1002")]   // Luhn holds, but 2001 has no 29 February
    [InlineData("1212121-212")]     // separator in the wrong place
    [InlineData("19121212+1212")]   // '+' has no meaning in the twelve-digit form
    [InlineData("12121212")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("ÅÄÖ121212-1212")]
    public void TryParseSwedish_Rejects_WhenFormatDateOrCheckDigitFails(string? value) =>
        Assert.False(PersonalIdentityNumber.TryParseSwedish(value, Ref, out _));

    [Theory]
    [InlineData("850332")]   // day 32
    [InlineData("851301")]   // month 13
    [InlineData("850392")]   // samordningsnummer day 92 = 32
    [InlineData("850360")]   // day 60 = samordningsnummer day 0
    public void TryParseSwedish_Rejects_AnImpossibleDate_EvenWithAValidCheckDigit(string date)
    {
        var nine = date + "100";
        var value = nine + Luhn.CheckDigit(nine);
        Assert.True(Luhn.IsValid(value));
        Assert.False(PersonalIdentityNumber.TryParseSwedish(value, Ref, out _));
    }

    [Theory]
    [InlineData("070761-4285", "1961-07-07")]   // modulus 11 holds; 7th digit 4 with year 61 = 1900s
    [InlineData("150280-4002", "1980-02-15")]
    [InlineData("010505-5005", "2005-05-01")]   // 7th digit 5 with year 05 = 2000s
    [InlineData("290200-4001", "2000-02-29")]   // 7th digit 4 with year 00 = 2000, a leap year
    [InlineData("1203872018", "1987-03-12")]
    public void TryParseDanish_AcceptsCpr_WithModulus11(string value, string birth)
    {
        Assert.True(PersonalIdentityNumber.TryParseDanish(value, out var id));
        Assert.Equal(PersonalIdentityKind.DanishCpr, id.Kind);
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), id.BirthDate);
    }

    [Theory]
    [InlineData("010165-1234", "1965-01-01")]   // the first CPR number without modulus 11 (1 October 2007) began 010165
    [InlineData("010190-1235", "1990-01-01")]
    public void TryParseDanish_AcceptsCpr_WithoutModulus11_On1January(string value, string birth)
    {
        Assert.False(PersonalIdentityNumber.PassesModulus11(value.Replace("-", "", StringComparison.Ordinal)));
        Assert.True(PersonalIdentityNumber.TryParseDanish(value, out var id));
        Assert.Equal(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), id.BirthDate);
    }

    [Theory]
    [InlineData("070761-4286")]   // modulus 11 fails and the birth date is not 1 January
    [InlineData("150280-4003")]
    [InlineData("290200-0006")]   // modulus 11 holds, but 7th digit 0 = 1900, not a leap year
    [InlineData("320180-4002")]   // day 32
    [InlineData("070761+4285")]
    [InlineData("19070761-4285")]
    public void TryParseDanish_Rejects_WhenDateOrModulus11Fails(string value) =>
        Assert.False(PersonalIdentityNumber.TryParseDanish(value, out _));

    [Fact]
    public void TryParse_UsesTheEmployeeCountry()
    {
        Assert.True(PersonalIdentityNumber.TryParse("290200-4001", "DK", Ref, out _));
        Assert.False(PersonalIdentityNumber.TryParse("290200-4001", "SE", Ref, out _));   // as YYMMDD: day 00
        Assert.True(PersonalIdentityNumber.TryParse("19121212-1212", null, Ref, out _));
    }

    [Fact]
    public void Digits_AreTheSameKey_WhicheverFormIsWritten()
    {
        PersonalIdentityNumber.TryParseSwedish("19121212-1212", Ref, out var a);
        PersonalIdentityNumber.TryParseSwedish("121212+1212", Ref, out var b);
        Assert.Equal("1212121212", a.Digits);
        Assert.Equal(a.Digits, b.Digits);
        Assert.DoesNotContain("1212121212", a.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("19121212-1212", "19121212-****")]
    [InlineData("191212121212", "19121212-****")]
    [InlineData("121212+1212", "121212-****")]
    [InlineData("070761-4285", "070761-****")]
    [InlineData("not a number", "****")]
    [InlineData("", "****")]
    [InlineData(null, "****")]
    public void Mask_StarsTheLastFourDigits(string? value, string expected) =>
        Assert.Equal(expected, PersonalIdentityNumber.Mask(value));
}
