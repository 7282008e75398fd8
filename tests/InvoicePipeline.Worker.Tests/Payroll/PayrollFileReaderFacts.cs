using System.Text;
using InvoicePipeline.Payroll;
using InvoicePipeline.Worker.Payroll;

namespace InvoicePipeline.Worker.Tests.Payroll;

public sealed class PayrollFileReaderFacts
{
    private static List<PayrollTransaction> Read(string csv) => [.. PayrollFileReader.Read(new StringReader(csv), "in.csv", "importer")];

    [Fact]
    public void Read_MatchesHeaders_IgnoringCaseAndOrder_AndSkipsUnknownColumns()
    {
        var rows = Read("Work_Date,EXTRA,Pay_Code,QUANTITY,transaction_ID,Employee_Id\n2025-03-03,x,OT50,2.5,T1,E1\n");
        var tx = Assert.Single(rows);
        Assert.Equal("T1", tx.TransactionId);
        Assert.Equal("E1", tx.EmployeeId);
        Assert.Equal("OT50", tx.PayCode);
        Assert.Equal(new DateOnly(2025, 3, 3), tx.WorkDate);
        Assert.Equal(2.5m, tx.Quantity);
        Assert.Null(tx.PersonId);
        Assert.Equal("in.csv", tx.File);
        Assert.Equal(2, tx.Line);
        Assert.Equal("importer", tx.ImportedBy);
        Assert.Empty(tx.FieldErrors);
    }

    [Fact]
    public void Read_AcceptsAByteOrderMark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("transaction_id,person_id,pay_code,work_date,amount\nF1,19121212-1212,FEE,2025-03-10,4500.00\n")).ToArray();
        var tx = Assert.Single(PayrollFileReader.Read(new MemoryStream(bytes), "fees.csv"));
        Assert.Equal("F1", tx.TransactionId);
        Assert.Equal("19121212-1212", tx.PersonId);
        Assert.Equal(4500.00m, tx.Amount);
    }

    [Fact]
    public void Read_ReadsEveryOptionalColumn_AndTheCorrectionColumns()
    {
        var tx = Assert.Single(Read(
            "transaction_id,employee_id,person_id,pay_code,work_date,quantity,amount,period,cost_centre,reported_by,reference,corrects_period,corrects_rate\n" +
            "T1,E1,19121212-1212,OT50,2025-02-14,6,,2025-03,CC200,anna.manager,\"Retro, new rate\",2025-02,285.00\n"));
        Assert.Equal(new PayrollPeriod(2025, 3), tx.Period);
        Assert.Equal("CC200", tx.CostCentre);
        Assert.Equal("anna.manager", tx.ReportedBy);
        Assert.Equal("Retro, new rate", tx.Reference);
        Assert.Equal(new PayrollPeriod(2025, 2), tx.CorrectsPeriod);
        Assert.Equal(285.00m, tx.CorrectsRate);
        Assert.True(tx.IsCorrection);
    }

    [Fact]
    public void Read_ReportsABadRow_WithLineAndColumn_AndGoesOn()
    {
        var rows = Read(
            "transaction_id,employee_id,pay_code,work_date,quantity,period\n" +
            "T1,E1,OT50,2025-03-03,1,\n" +
            "\n" +
            "T2,E1,OT50,2025-02-30,1,\n" +
            "T3,E1,OT50,2025-03-03,\"1,5\",2025-13\n" +
            ",E1,,2025-03-03,1,\n" +
            "T5,E1,OT50,2025-03-03,1,\n");
        Assert.Equal(["T1", "T2", "T3", "", "T5"], rows.Select(r => r.TransactionId));
        Assert.Equal([2, 4, 5, 6, 7], rows.Select(r => r.Line));
        Assert.Empty(rows[0].FieldErrors);
        Assert.Equal([PayrollColumns.WorkDate], rows[1].FieldErrors.Select(e => e.Column));
        Assert.Equal([PayrollColumns.Quantity, PayrollColumns.Period], rows[2].FieldErrors.Select(e => e.Column));
        Assert.Equal([PayrollColumns.TransactionId, PayrollColumns.PayCode], rows[3].FieldErrors.Select(e => e.Column));
        Assert.Empty(rows[4].FieldErrors);
    }

    [Theory]
    [InlineData("employee_id,pay_code,work_date\n", "transaction_id")]
    [InlineData("transaction_id,pay_code,work_date,quantity\n", "employee_id")]
    [InlineData("transaction_id,employee_id,work_date\n", "pay_code")]
    [InlineData("", "")]
    public void Read_StopsTheFile_WhenTheHeaderLacksARequiredColumn(string csv, string column)
    {
        var ex = Assert.Throws<PayrollFileFormatException>(() => Read(csv));
        Assert.Equal("in.csv", ex.File);
        Assert.Equal(1, ex.Line);
        Assert.Equal(column, ex.Column);
    }
}
