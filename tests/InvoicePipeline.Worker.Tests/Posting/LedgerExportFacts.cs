using System.Diagnostics;
using System.Text.Json;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Posting;
using InvoicePipeline.Worker.Posting.Journal;
using InvoicePipeline.Worker.Posting.Sie;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace InvoicePipeline.Worker.Tests.Posting;

public sealed class LedgerExportFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ExportSie_PassesTheIndependentChecker_WithTheLedgersCounts(DatabaseProvider provider)
    {
        var checker = SharedSamples.PathTo("tools", "sie_check.py");
        await using var db = await TestDatabase.CreateAsync(provider);
        await PipelineHost.RunSamplesAsync(db);

        await using var ctx = db.Open();
        var file = Path.Combine(db.Folder, "ledger.se");
        var export = new LedgerExport(ctx, new PipelineOptions(), new BusinessClock(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)), "Europe/Stockholm"));
        // One fiscal year per file (#RAR 0): the calendar year of the sample run's posting date.
        var posted = await ctx.Vouchers.AsNoTracking().Select(v => v.Date).Distinct().ToListAsync(Ct);
        var year = Assert.Single(posted.Select(d => d.Year).Distinct());
        // The ledger of one organisation of the sample centre (organisations.md: SIE is one organisation's ledger).
        var ssc = await ctx.Organisations.AsNoTracking().SingleAsync(o => o.OrganisationId == Samples.Organisation, Ct);
        var counts = await export.SieAsync(ssc, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), file, Ct);

        var own = await ctx.Vouchers.AsNoTracking().Where(v => v.OrganisationId == ssc.OrganisationId).Select(v => v.Id).ToListAsync(Ct);
        var lines = await ctx.VoucherLines.AsNoTracking().Where(l => own.Contains(l.VoucherId)).ToListAsync(Ct);
        Assert.Equal(own.Count, counts.Vouchers);
        Assert.Equal(lines.Count, counts.Transactions);
        Assert.Equal(lines.Where(l => l.Amount > 0).Sum(l => l.Amount), counts.DebitTotal);

        var psi = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { checker, file, "--strict", "--json" }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync(Ct);
        await p.WaitForExitAsync(Ct);
        using var json = JsonDocument.Parse(output);
        Assert.True(p.ExitCode == 0, output + await p.StandardError.ReadToEndAsync(Ct));
        Assert.Empty(json.RootElement.GetProperty("errors").EnumerateArray());
        Assert.Equal(counts.Vouchers, json.RootElement.GetProperty("vouchers").GetInt32());
        Assert.Equal(counts.Transactions, json.RootElement.GetProperty("transactions").GetInt32());
        Assert.Equal(counts.DebitTotal, decimal.Parse(json.RootElement.GetProperty("debit_total").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Sie_QuotesAndEncodesAsPc8()
    {
        Assert.Equal("\"Städ \\\"AB\\\"\"", SieWriter.Q("Städ \"AB\""));
        Assert.Equal("\"a b\"", SieWriter.Q("a\tb"));
        var bytes = SieWriter.Pc8.GetBytes("Städ Åre €");
        Assert.Equal(0x84, bytes[2]); // ä in CP437
        Assert.Equal(0x8F, bytes[5]); // Å in CP437
        Assert.Equal((byte)'?', bytes[^1]); // no € in CP437: replaced, never U+FFFD
        Assert.Equal("-12.50", SieWriter.Amount(-12.5m));
    }

    [Fact]
    public async Task Journal_EscapesFormulas_FromSupplierText()
    {
        var voucher = new VoucherEntry { Id = 1, Series = "A", Number = 7, Date = new DateOnly(2026, 11, 20), InvoiceId = 42 };
        IReadOnlyList<VoucherLineEntry> lines =
        [
            new() { VoucherId = 1, LineNo = 1, Account = "4010", CostCentre = "CC100", Amount = 100m, Text = "=HYPERLINK(\"http://evil\",\"x\")" },
            new() { VoucherId = 1, LineNo = 2, Account = "2440", Amount = -100m, Text = "@SUM(A1)" },
        ];
        var writer = new StringWriter();
        var rows = await JournalWriter.WriteAsync(writer, One(voucher, lines), Ct);
        Assert.Equal(2, rows);
        var csv = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', JournalWriter.Columns), csv[0]);
        foreach (var row in csv.Skip(1))
            Assert.DoesNotMatch("(^|,)\"?[=@+\\-][A-Z]", row);
        Assert.Contains("100.00", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Journal_WritesNumbersAsNumbers_NeverWithTheFormulaEscape()
    {
        var voucher = new VoucherEntry { Id = 1, Series = "A", Number = 7, Date = new DateOnly(2026, 11, 20), InvoiceId = 42 };
        IReadOnlyList<VoucherLineEntry> lines =
        [
            new() { VoucherId = 1, LineNo = 1, Account = "2440", Amount = 725m, Text = "-credit" },
            new() { VoucherId = 1, LineNo = 2, Account = "4010", Amount = -725m, Text = "x" },
        ];
        var writer = new StringWriter();
        await JournalWriter.WriteAsync(writer, One(voucher, lines), Ct);
        var csv = writer.ToString();
        Assert.DoesNotContain("'7", csv, StringComparison.Ordinal);
        Assert.Contains(",725.00,", csv, StringComparison.Ordinal);
        Assert.Contains("'-credit", csv, StringComparison.Ordinal); // text keeps its escape
    }

    private static async IAsyncEnumerable<(VoucherEntry, IReadOnlyList<VoucherLineEntry>)> One(VoucherEntry v, IReadOnlyList<VoucherLineEntry> l)
    {
        await Task.Yield();
        yield return (v, l);
    }
}
