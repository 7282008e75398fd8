using InvoicePipeline.Payroll;
using InvoicePipeline.Worker.Payroll;

namespace InvoicePipeline.Worker.Tests.Payroll;

public sealed class PayrollWriterFacts
{
    private static readonly PayrollPeriod March = new(2025, 3);

    private static PayrollTransaction Tx(string id, decimal? quantity = 2.5m) => new()
    {
        File = "2025-03-deviations.csv", Line = 2, TransactionId = id, EmployeeId = "E1001", PersonId = "19121212-1212",
        PayCode = "OT50", WorkDate = new(2025, 3, 3), Quantity = quantity,
    };

    private static PayrollOutcome Accepted(decimal amount) =>
        new(PayrollStatus.AwaitingAttestation, [], "E1001", "CC100", "7010", null, March, 298m, null, amount);

    [Fact]
    public void ReportWriter_WritesTheContractColumns_AndOneRowPerTransaction()
    {
        var rejected = new PayrollOutcome(PayrollStatus.Rejected,
            [new(PayrollExceptionCode.QuantityOutOfRange, "quantity", "q"), new(PayrollExceptionCode.DuplicateTransaction, "transaction_id", "d")],
            "E1001", "CC100", "7010", null, March, null, null, null);
        var w = new StringWriter();
        PayrollReportWriter.Write(w, [PayrollReportRow.From(Tx("D-1"), Accepted(745m)), PayrollReportRow.From(Tx("D-2", 14m), rejected)]);
        Assert.Equal(
            "file,line,transaction_id,employee_id,pay_code,status,exceptions,amount,organisation\n" +
            "2025-03-deviations.csv,2,D-1,E1001,OT50,AwaitingAttestation,,745.00,\n" +
            "2025-03-deviations.csv,2,D-2,E1001,OT50,Rejected,QUANTITY_OUT_OF_RANGE;DUPLICATE_TRANSACTION,,\n",
            w.ToString());
    }

    [Fact]
    public void ExportWriter_WritesThePeriodsRows_WithoutPersonIds()
    {
        var w = new StringWriter();
        var correction = new PayrollTransaction
        {
            TransactionId = "D-13", EmployeeId = "E1001", PayCode = "OT50", WorkDate = new(2025, 2, 14), Quantity = 6m,
            Period = March, CorrectsPeriod = new(2025, 2), CorrectsRate = 285m,
        };
        var correctionOutcome = new PayrollOutcome(PayrollStatus.Attested, [], "E1001", "CC100", "7010", null, March, 298m, 285m, 78m);
        PayrollExportWriter.Write(w, March, [PayrollExportRow.From(Tx("D-1"), Accepted(-745.5m)), PayrollExportRow.From(correction, correctionOutcome)]);
        Assert.Equal(
            "employee_id,pay_code,quantity,rate,amount,period,cost_centre,transaction_id,corrects_period,corrects_rate\n" +
            "E1001,OT50,2.5,298,-745.5,2025-03,CC100,D-1,,\n" +
            "E1001,OT50,6,298,78,2025-03,CC100,D-13,2025-02,285\n",
            w.ToString());
        Assert.DoesNotContain("1212", w.ToString(), StringComparison.Ordinal);
        Assert.Equal("payroll-export-2025-03.csv", PayrollExportWriter.FileName(March));
    }

    [Fact]
    public void ExportWriter_RefusesARowOfAnotherPeriod()
    {
        var april = new PayrollOutcome(PayrollStatus.Attested, [], "E1001", "CC100", "7010", null, new(2025, 4), 298m, null, 1m);
        Assert.Throws<ArgumentException>(() => PayrollExportWriter.Write(new StringWriter(), March, [PayrollExportRow.From(Tx("D-9"), april)]));
    }
}
