namespace InvoicePipeline.Identifiers;

public enum PersonalIdentityKind
{
    /// <summary>Swedish personnummer.</summary>
    Personnummer,
    /// <summary>Swedish samordningsnummer: a personnummer whose day is raised by 60.</summary>
    Samordningsnummer,
    /// <summary>Danish CPR number (DDMMYY-NNNN).</summary>
    DanishCpr,
}

/// <summary>
/// A checked personal identity number. <see cref="Digits"/> holds the ten digits the check digit covers
/// (YYMMDDNNNN for Sweden, DDMMYYNNNN for Denmark): the key employees are matched on, whichever way the number was written.
/// Never log an instance; use <see cref="PersonalIdentityNumber.Mask"/> in reports.
/// </summary>
public readonly record struct PersonalIdentity(PersonalIdentityKind Kind, DateOnly BirthDate, string Digits)
{
    /// <summary>Masked, so that a record printed by accident shows no number.</summary>
    public override string ToString() => $"{Kind} {BirthDate:yyyyMMdd}-****";
}
