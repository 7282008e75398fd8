namespace InvoicePipeline.Payroll;

/// <summary>
/// One row of a payroll transaction file (data-formats.md), as read: values are as stated, unpriced.
/// A retroactive correction is an explicit delta row: <see cref="CorrectsPeriod"/> names the period that was paid
/// and <see cref="CorrectsRate"/> the rate it was paid at; it pays quantity × (today's rate for the work date − that rate).
/// </summary>
public sealed class PayrollTransaction
{
    public string File { get; init; } = "";
    /// <summary>The line in the file (the header is line 1).</summary>
    public int Line { get; init; }
    public string TransactionId { get; init; } = "";
    public string? EmployeeId { get; init; }
    /// <summary>Personnummer, samordningsnummer or CPR as written. Never logged; masked in reports.</summary>
    public string? PersonId { get; init; }
    public string PayCode { get; init; } = "";
    public DateOnly WorkDate { get; init; }
    public decimal? Quantity { get; init; }
    /// <summary>The stated amount, for pay codes of unit <c>amount</c>.</summary>
    public decimal? Amount { get; init; }
    /// <summary>The period stated in the file; null = the work date's month (<see cref="EffectivePeriod"/>).</summary>
    public PayrollPeriod? Period { get; init; }
    /// <summary>Overrides the employee's cost centre.</summary>
    public string? CostCentre { get; init; }
    /// <summary>The user who reported the deviation (four eyes: they may not attest it).</summary>
    public string? ReportedBy { get; init; }
    public string? Reference { get; init; }
    public PayrollPeriod? CorrectsPeriod { get; init; }
    public decimal? CorrectsRate { get; init; }
    /// <summary>The user who imported the file (set by the caller; four eyes).</summary>
    public string? ImportedBy { get; init; }
    /// <summary>Cells the reader could not parse; each becomes an exception and rejects the row.</summary>
    public IReadOnlyList<PayrollFieldError> FieldErrors { get; init; } = [];

    public bool IsCorrection => CorrectsPeriod is not null || CorrectsRate is not null;

    public PayrollPeriod EffectivePeriod => Period ?? PayrollPeriod.Of(WorkDate);
}

/// <summary>A cell that could not be read: its column (header name) and why. Never holds a person id.</summary>
public sealed record PayrollFieldError(string Column, string Reason);
