namespace InvoicePipeline.Payroll;

/// <summary>
/// Column names of payroll transaction files (data-formats.md), lower case. <c>corrects_period</c> and
/// <c>corrects_rate</c> are this project's additions for retroactive corrections (extra columns are allowed).
/// </summary>
public static class PayrollColumns
{
    public const string TransactionId = "transaction_id";
    public const string EmployeeId = "employee_id";
    public const string PersonId = "person_id";
    public const string PayCode = "pay_code";
    public const string WorkDate = "work_date";
    public const string Quantity = "quantity";
    public const string Amount = "amount";
    public const string Period = "period";
    public const string CostCentre = "cost_centre";
    public const string ReportedBy = "reported_by";
    public const string Reference = "reference";
    public const string CorrectsPeriod = "corrects_period";
    public const string CorrectsRate = "corrects_rate";
}
