using InvoicePipeline.Payroll;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.Payroll;

/// <summary>The demo's payroll files (samples/inbox/payroll) against samples/masterdata: every outcome the demo shows.</summary>
public sealed class PayrollSampleFilesFacts
{
    private static List<(PayrollTransaction Tx, PayrollOutcome Outcome)> Run()
    {
        var master = SampleMasterData.Payroll();
        var keys = new PayrollDuplicateKeys();
        return [.. Directory.GetFiles(SampleMasterData.Samples("inbox", "payroll", "SSC"), "*.csv").Order(StringComparer.Ordinal)
            .SelectMany(f => PayrollFileReader.ReadFile(f, "demo.import"))
            .Select(tx => (tx, PayrollValidator.Validate(tx, master, keys)))];
    }

    private static (PayrollTransaction Tx, PayrollOutcome Outcome) Row(List<(PayrollTransaction Tx, PayrollOutcome Outcome)> rows, string file, int line) =>
        rows.Single(r => r.Tx.File.StartsWith(file, StringComparison.Ordinal) && r.Tx.Line == line);

    [Fact]
    public void Samples_RaiseEveryPayrollExceptionCode()
    {
        var raised = Run().SelectMany(r => r.Outcome.Exceptions.Select(e => e.Code)).ToHashSet(StringComparer.Ordinal);
        Assert.All(PayrollExceptionCode.All, code => Assert.Contains(code, raised));
    }

    [Fact]
    public void Samples_HaveTheExpectedOutcomeOnEveryRow()
    {
        var rows = Run();
        Assert.Equal(41, rows.Count);
        string Codes(string file, int line) => Row(rows, file, line).Outcome.ExceptionCodes;
        decimal? Amount(string file, int line) => Row(rows, file, line).Outcome.Amount;

        Assert.Equal(745m, Amount("2025-03-dev", 2));        // OT50 2.5 h x 298
        Assert.Equal(930m, Amount("2025-03-dev", 6));        // HOURLY's own OT50 rate 310 x 3 (samordningsnummer employee)
        Assert.Equal(-2000m, Amount("2025-03-dev", 10));     // absence deduction 8 h x -250
        Assert.Equal(845.50m, Amount("2025-03-dev", 13));    // stated expense
        Assert.Equal(78m, Amount("2025-03-dev", 14));        // retro delta 6 h x (298 - 285)
        Assert.Equal(285m, Row(rows, "2025-03-dev", 14).Outcome.CorrectedRate);
        Assert.Equal("NO_RATE", Codes("2025-03-dev", 16));
        Assert.Equal("PAY_CODE_NOT_ALLOWED", Codes("2025-03-dev", 17));
        Assert.Equal("NOT_EMPLOYED", Codes("2025-03-dev", 18));
        Assert.Equal("UNKNOWN_EMPLOYEE", Codes("2025-03-dev", 19));
        Assert.Equal("UNKNOWN_PAY_CODE", Codes("2025-03-dev", 20));
        Assert.Equal("QUANTITY_OUT_OF_RANGE", Codes("2025-03-dev", 21));
        Assert.Equal(PayrollStatus.Duplicate, Row(rows, "2025-03-dev", 22).Outcome.Status);
        Assert.Equal(PayrollStatus.Duplicate, Row(rows, "2025-03-dev", 23).Outcome.Status);
        Assert.Equal("NOT_EMPLOYED", Codes("2025-03-dev", 24));   // 2025-02-30 is no date

        Assert.Equal("E1008", Row(rows, "2025-03-fees", 2).Outcome.EmployeeId);   // fee with only a person id
        Assert.Equal(4500m, Amount("2025-03-fees", 2));
        Assert.Equal("INVALID_PERSON_ID", Codes("2025-03-fees", 6));
        Assert.Equal("UNKNOWN_EMPLOYEE", Codes("2025-03-fees", 7));
        Assert.Equal("PAY_CODE_NOT_ALLOWED", Codes("2025-03-fees", 8));
        Assert.Equal("QUANTITY_OUT_OF_RANGE", Codes("2025-03-fees", 9));
        Assert.Equal("DUPLICATE_TRANSACTION", Codes("2025-03-fees", 10));
        Assert.Equal("DUPLICATE_TRANSACTION", Codes("2025-03-fees", 11));
        Assert.Equal(new PayrollPeriod(2025, 4), Row(rows, "2025-03-fees", 12).Outcome.Period);
        Assert.Equal("QUANTITY_OUT_OF_RANGE", Codes("2025-03-fees", 13));
        Assert.Equal("E1007", Row(rows, "2025-03-fees", 14).Outcome.EmployeeId);   // CPR without modulus 11
        Assert.Equal("E1004", Row(rows, "2025-03-fees", 15).Outcome.EmployeeId);   // samordningsnummer
        Assert.Equal("QUANTITY_OUT_OF_RANGE", Codes("2025-03-fees", 16));
        Assert.Equal("QUANTITY_OUT_OF_RANGE", Codes("2025-03-fees", 17));

        Assert.Equal(23, rows.Count(r => r.Outcome.IsAccepted));
    }

    [Fact]
    public void Samples_NeverPutAPersonId_InAReasonOrTheReport()
    {
        var rows = Run();
        var personIds = rows.Select(r => r.Tx.PersonId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var writer = new StringWriter();
        PayrollReportWriter.Write(writer, rows.Select(r => PayrollReportRow.From(r.Tx, r.Outcome)));
        var text = writer.ToString() + string.Join('\n', rows.SelectMany(r => r.Outcome.Exceptions).Select(e => e.Reason));
        Assert.NotEmpty(personIds);
        Assert.All(personIds, p => Assert.DoesNotContain(p, text, StringComparison.Ordinal));
    }
}
