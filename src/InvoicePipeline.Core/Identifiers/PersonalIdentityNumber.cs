namespace InvoicePipeline.Identifiers;

/// <summary>
/// Swedish personnummer/samordningsnummer and Danish CPR numbers: format, date validity and check digit.
/// <para>
/// Sweden (Skatteverket SKV 704 and 707): <c>YYYYMMDD-NNNN</c>, <c>YYYYMMDDNNNN</c>, <c>YYMMDD-NNNN</c>, <c>YYMMDDNNNN</c>
/// or <c>YYMMDD+NNNN</c> (the person is 100 or older in the reference year). A samordningsnummer adds 60 to the day.
/// The Luhn check covers the ten digits YYMMDDNNNN.
/// </para>
/// <para>
/// Denmark (CPR-kontoret): <c>DDMMYY-NNNN</c> or <c>DDMMYYNNNN</c>; the century follows from the year and the 7th digit.
/// Until 1 October 2007 every CPR number met the modulus-11 check; since then CPR issues numbers without it for birth
/// dates whose mod-11 series are exhausted, and those are always 1 January dates (the published list of years is
/// explicitly not exhaustive). Our rule: modulus 11 is enforced for every birth date except 1 January of any year,
/// where a number failing it is still valid. A real number is then never rejected, and a typo is caught on 364 of 365 days.
/// </para>
/// </summary>
public static class PersonalIdentityNumber
{
    private static readonly int[] CprWeights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];

    /// <summary>
    /// A Swedish number. <paramref name="referenceDate"/> decides the century of the ten-digit forms (usually the
    /// date the number is used on, e.g. the work date); it is ignored for the twelve-digit forms.
    /// </summary>
    public static bool TryParseSwedish(string? value, DateOnly referenceDate, out PersonalIdentity identity)
    {
        identity = default;
        if (!TrySplit(value, out var digits, out var separator)) return false;
        int year;
        string ten;
        if (digits.Length == 12)
        {
            if (separator == '+') return false;
            year = int.Parse(digits.AsSpan(0, 4), provider: System.Globalization.CultureInfo.InvariantCulture);
            ten = digits[2..];
        }
        else if (digits.Length == 10)
        {
            ten = digits;
            var yy = Two(ten, 0);
            // The latest year ending in yy that is not after the reference year; '+' means a century earlier.
            year = referenceDate.Year - (referenceDate.Year - yy) % 100;
            if (separator == '+') year -= 100;
        }
        else return false;

        var month = Two(ten, 2);
        var day = Two(ten, 4);
        var kind = PersonalIdentityKind.Personnummer;
        if (day > 60)
        {
            day -= 60;
            kind = PersonalIdentityKind.Samordningsnummer;
        }
        if (!TryDate(year, month, day, out var birth)) return false;
        if (!Luhn.IsValid(ten)) return false;
        identity = new PersonalIdentity(kind, birth, ten);
        return true;
    }

    /// <summary>A Danish CPR number: date with the century from the 7th digit, modulus 11 except on 1 January.</summary>
    public static bool TryParseDanish(string? value, out PersonalIdentity identity)
    {
        identity = default;
        if (!TrySplit(value, out var digits, out var separator) || digits.Length != 10 || separator == '+') return false;
        var day = Two(digits, 0);
        var month = Two(digits, 2);
        var yy = Two(digits, 4);
        var year = CprCentury(digits[6] - '0', yy) + yy;
        if (!TryDate(year, month, day, out var birth)) return false;
        if (!(day == 1 && month == 1) && !PassesModulus11(digits)) return false;
        identity = new PersonalIdentity(PersonalIdentityKind.DanishCpr, birth, digits);
        return true;
    }

    /// <summary>
    /// A Danish CPR number judged without modulus 11: the date part and century only. <paramref name="failsModulus11"/>
    /// says whether the check fails (outside 1 January). CPR does not promise modulus 11 for every number (cpr.dk), so
    /// payroll does not reject such a number outright: the row waits for a person, with the reason shown.
    /// </summary>
    public static bool TryParseDanishDate(string? value, out PersonalIdentity identity, out bool failsModulus11)
    {
        identity = default;
        failsModulus11 = false;
        if (!TrySplit(value, out var digits, out var separator) || digits.Length != 10 || separator == '+') return false;
        var day = Two(digits, 0);
        var month = Two(digits, 2);
        var yy = Two(digits, 4);
        if (!TryDate(CprCentury(digits[6] - '0', yy) + yy, month, day, out var birth)) return false;
        failsModulus11 = !(day == 1 && month == 1) && !PassesModulus11(digits);
        identity = new PersonalIdentity(PersonalIdentityKind.DanishCpr, birth, digits);
        return true;
    }

    /// <summary>By the country of employees.csv (<c>SE</c> default, <c>DK</c>).</summary>
    public static bool TryParse(string? value, string? country, DateOnly referenceDate, out PersonalIdentity identity) =>
        string.Equals(country, "DK", StringComparison.OrdinalIgnoreCase)
            ? TryParseDanish(value, out identity)
            : TryParseSwedish(value, referenceDate, out identity);

    /// <summary>When the country is unknown: a twelve-digit number is Swedish; a ten-digit one is tried as Swedish, then Danish.</summary>
    public static bool TryParseAny(string? value, DateOnly referenceDate, out PersonalIdentity identity) =>
        TryParseSwedish(value, referenceDate, out identity) || TryParseDanish(value, out identity);

    /// <summary>The CPR modulus-11 check (weights 4,3,2,7,6,5,4,3,2,1), true when the weighted sum is divisible by 11.</summary>
    public static bool PassesModulus11(ReadOnlySpan<char> tenDigits)
    {
        if (tenDigits.Length != 10) return false;
        var sum = 0;
        for (var i = 0; i < 10; i++) sum += (tenDigits[i] - '0') * CprWeights[i];
        return sum % 11 == 0;
    }

    /// <summary>
    /// The form reports show: the date part as written and the four last digits starred (<c>19121212-****</c>,
    /// <c>121212-****</c>). Anything that is not a recognisable number becomes <c>****</c>, so nothing leaks.
    /// </summary>
    public static string Mask(string? value)
    {
        if (!TrySplit(value, out var digits, out _) || digits.Length is not (10 or 12)) return "****";
        return string.Concat(digits.AsSpan(0, digits.Length - 4), "-****");
    }

    /// <summary>Ten or twelve digits, with an optional separator ('-' or '+') right before the last four.</summary>
    private static bool TrySplit(string? value, out string digits, out char separator)
    {
        digits = "";
        separator = '\0';
        if (string.IsNullOrWhiteSpace(value)) return false;
        var s = value.Trim();
        Span<char> buffer = stackalloc char[12];
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                if (n == 12) return false;
                buffer[n++] = c;
            }
            else if ((c is '-' or '+') && separator == '\0' && s.Length - i - 1 == 4) separator = c;
            else return false;
        }
        if (n is not (10 or 12)) return false;
        digits = new string(buffer[..n]);
        return true;
    }

    private static int CprCentury(int seventh, int yy) => seventh switch
    {
        <= 3 => 1900,
        4 or 9 => yy <= 36 ? 2000 : 1900,
        _ => yy <= 57 ? 2000 : 1800,
    };

    private static int Two(string s, int at) => (s[at] - '0') * 10 + (s[at + 1] - '0');

    private static bool TryDate(int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }
}
