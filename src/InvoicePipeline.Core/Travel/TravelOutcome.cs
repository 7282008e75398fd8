using InvoicePipeline.Payroll;

namespace InvoicePipeline.Travel;

/// <summary>
/// A claim line judged and priced: <see cref="Amount"/> is what is paid (the computed per diem or mileage, or what the
/// agreement pays, or the expense claimed), split into the <see cref="TaxFree"/> part and the <see cref="Taxable"/>
/// excess for the payroll export; all rounded once (<see cref="Money.Round"/>). <see cref="Explanation"/> says how.
/// Claims are attested like payroll rows, so they share <see cref="PayrollStatus"/>.
/// </summary>
public sealed record TravelOutcome(
    PayrollStatus Status,
    IReadOnlyList<TravelException> Exceptions,
    decimal? Amount,
    decimal? TaxFree,
    decimal? Taxable,
    decimal? NetAmount,
    decimal? VatAmount,
    string Explanation)
{
    public bool IsAccepted => Status == PayrollStatus.AwaitingAttestation;

    public string ExceptionCodes => string.Join(';', Exceptions.Select(e => e.Code).Distinct(StringComparer.Ordinal));
}
