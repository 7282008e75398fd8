namespace InvoicePipeline.Travel;

/// <summary>Why a claim line is not accepted; the report and the dashboard show the code with its reason.</summary>
public static class TravelExceptionCode
{
    public const string InvalidField = "INVALID_FIELD";
    public const string UnknownEmployee = "UNKNOWN_EMPLOYEE";
    public const string ReturnBeforeDeparture = "RETURN_BEFORE_DEPARTURE";
    public const string OverlappingTrip = "OVERLAPPING_TRIP";
    public const string UnknownCountry = "UNKNOWN_COUNTRY";
    public const string ReceiptMissing = "RECEIPT_MISSING";
    public const string ClaimTooOld = "CLAIM_TOO_OLD";
    public const string NoPerDiemRate = "NO_PER_DIEM_RATE";
    public const string NoMileageRate = "NO_MILEAGE_RATE";
    public const string CorrectsNotAccepted = "CORRECTS_NOT_ACCEPTED";
}

public sealed record TravelException(string Code, string Column, string Reason);
