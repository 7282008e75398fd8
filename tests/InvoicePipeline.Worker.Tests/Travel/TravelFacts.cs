using System.Text;
using System.Text.Json;
using InvoicePipeline.Payroll;
using InvoicePipeline.Travel;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Payroll;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Runs;
using InvoicePipeline.Worker.Tests.Support;
using InvoicePipeline.Worker.Travel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace InvoicePipeline.Worker.Tests.Travel;

/// <summary>Issue 22: travel claims read in the nightly run, judged and priced by the Core rules, attested, posted and exported.</summary>
public sealed class TravelFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateOnly BusinessDate = new(2026, 12, 1);

    private static BusinessClock Clock => new(new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)), "Europe/Stockholm");

    private static TravelPolicy Policy => new PipelineOptions().Travel.Policy(BusinessDate);

    /// <summary>The sample claims (samples/inbox/travel) alone, run through the real host on the business date 2026-12-01.</summary>
    private static async Task<NightlyRunOutcome> RunSampleClaimsAsync(TestDatabase db)
    {
        var inbox = Path.Combine(db.Folder, "inbox");
        var travel = Directory.CreateDirectory(Path.Combine(inbox, "travel")).FullName;
        foreach (var f in Directory.EnumerateFiles(Path.Combine(Samples.FullInbox, "travel"))) File.Copy(f, Path.Combine(travel, Path.GetFileName(f)));
        await using var host = await PipelineHost.StartAsync(db, new Dictionary<string, string?> { ["Pipeline:AsOf"] = "2026-12-01" });
        return await host.RunAsync(inbox, Samples.MasterData, Path.Combine(db.Folder, "out"));
    }

    private static async Task<ReceivedDocument> StoreAsync(PipelineDbContext ctx, string name, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content.ReplaceLineEndings("\n"));
        var doc = new ReceivedDocument { Sha256 = Guid.NewGuid().ToString("N"), FileName = "travel/" + name, Channel = DocumentChannel.Travel, Size = bytes.Length, Content = bytes, ReceivedAt = DateTimeOffset.UtcNow, RunId = "r-" + name };
        ctx.Documents.Add(doc);
        await ctx.SaveChangesAsync(Ct);
        ctx.ChangeTracker.Clear();
        return doc;
    }

    private static async Task<PipelineDbContext> SampleMasterAsync(TestDatabase db)
    {
        var ctx = db.Open();
        await Database.MigrateAsync(ctx, Ct);
        var import = await new MasterDataImporter(ctx, TimeProvider.System, NullLogger<MasterDataImporter>.Instance).ImportAsync(Samples.MasterData, Ct);
        Assert.False(import.HasErrors, string.Join("\n", import.Errors));
        return ctx;
    }

    /// <summary>The export row of a claim line and pay code: employee, quantity, amount, period, cost centre.</summary>
    private static (string, decimal?, decimal, string, string) Exported(string[] export, string transactionId, string payCode)
    {
        var c = Assert.Single(export.Skip(1).Select(l => l.Split(',')), c => c[7] == transactionId && c[1] == payCode);
        static decimal? Number(string s) => s.Length == 0 ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        return (c[0], Number(c[2]), Number(c[4])!.Value, c[5], c[6]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TheNightlyRun_ReadsTheClaims_PricesThemByTheCoreRules_AndReportsEachLineInTravelCsv(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var outcome = await RunSampleClaimsAsync(db);
        var summary = outcome.Summary!;
        Assert.Equal(1, summary.Documents.TravelFiles);
        Assert.Equal(0, summary.Documents.PayrollFiles);
        Assert.Equal((9, 12, 7, 5, 7), (summary.Travel!.Claims, summary.Travel.Lines, summary.Travel.Accepted, summary.Travel.Rejected, summary.Travel.AwaitingAttestation));

        var dir = Path.Combine(db.Folder, "out", summary.RunId);
        var report = await File.ReadAllLinesAsync(Path.Combine(dir, "travel.csv"), Ct);
        Assert.Equal("file,line,claim_id,employee_id,line_type,status,exceptions,amount,tax_free,taxable,organisation", report[0]);
        Assert.Equal(13, report.Length);
        // A travel file is no invoice document: documents.csv does not list it.
        Assert.DoesNotContain(await File.ReadAllLinesAsync(Path.Combine(dir, "documents.csv"), Ct), l => l.StartsWith("travel/", StringComparison.Ordinal));
        var rows = report.Skip(1).Select(l => l.Split(',')).ToDictionary(c => c[1]);
        // Mileage, own car, 90 km: 90 × 2.5 tax-free and 90 × 1.3 taxable (mileage_rates.csv, 2026).
        Assert.Equal(["travel/2026-11-claims.csv", "4", "C-1001", "E1001", "mileage", "AwaitingAttestation", "", "342.00", "225.00", "117.00", ""], rows["4"]);
        // The hotel: an expense, neither tax-free nor taxable.
        Assert.Equal(["C-1001", "expense", "AwaitingAttestation", "1950.00", "", ""], new[] { rows["3"][2], rows["3"][4], rows["3"][5], rows["3"][7], rows["3"][8], rows["3"][9] });
        // Abroad, 3600 paid by the agreement: tax-free is Germany's normalbelopp 880 for three full days, breakfast
        // provided on the second (−15 %), and two nights without paid lodging at half of it: 880 + 748 + 880 + 880 = 3388.
        var de = rows["5"];
        Assert.Equal(("trip", "3600.00", "3388.00", "212.00"), (de[4], de[7], de[8], de[9]));
        Assert.Equal(3600m, decimal.Parse(de[8], System.Globalization.CultureInfo.InvariantCulture) + decimal.Parse(de[9], System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(decimal.Parse(de[9], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal(("Rejected", "OVERLAPPING_TRIP"), (rows["8"][5], rows["8"][6]));
        Assert.Equal(("Rejected", "RECEIPT_MISSING"), (rows["9"][5], rows["9"][6]));
        Assert.Equal(("Rejected", "UNKNOWN_COUNTRY"), (rows["10"][5], rows["10"][6]));
        Assert.Equal(("Rejected", "RETURN_BEFORE_DEPARTURE"), (rows["11"][5], rows["11"][6]));
        Assert.Equal(("Rejected", "CORRECTS_NOT_ACCEPTED"), (rows["12"][5], rows["12"][6]));

        await using var ctx = db.Open();
        var overlap = await ctx.TravelClaims.AsNoTracking().SingleAsync(e => e.ClaimId == "C-1004", Ct);
        Assert.Contains("already on trip T-1002 of claim C-1002", overlap.Reasons, StringComparison.Ordinal);
        var danish = await ctx.TravelClaims.AsNoTracking().SingleAsync(e => e.ClaimId == "C-1003", Ct);
        Assert.StartsWith("DK rules:", danish.Explanation, StringComparison.Ordinal);
        var hotel = await ctx.TravelClaims.AsNoTracking().SingleAsync(e => e.ClaimId == "C-1001" && e.LineType == TravelLineType.Expense, Ct);
        Assert.Equal((1950m, 1741.07m, 208.93m, "CC100"), (hotel.Amount, hotel.NetAmount, hotel.VatAmount, hotel.CostCentre));
        var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "summary.json"), Ct));
        Assert.Equal(12, json.RootElement.GetProperty("travel").GetProperty("lines").GetInt32());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TheEmployeesManagerAttests_FourEyes_ThenThePayrollCutOffPostsTheClaimsWithInputVat_AndExportsThem(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await RunSampleClaimsAsync(db);
        await using var ctx = db.Open();
        var travel = new TravelDesk(ctx, Clock);

        // E1010 is bo.chef's own employment (employees.csv user_id): his manager anna.manager attests his mileage, he does not.
        Assert.DoesNotContain("C-1009", (await travel.QueueAsync("bo.chef", Ct)).Select(e => e.ClaimId));
        var (none, refused) = await travel.ActAsync("bo.chef", attest: true, ["C-1009"], null, Ct);
        Assert.Equal(0, none);
        Assert.Contains("own transaction C-1009", Assert.Single(refused), StringComparison.Ordinal);
        Assert.Equal(["C-1001", "C-1003", "C-1009"], (await travel.QueueAsync("anna.manager", Ct)).Select(e => e.ClaimId).Distinct());
        // bo.chef manages E1003, and cost centre CC300 of E1006: the payroll rule lets him attest C-1003 too.
        Assert.Equal(["C-1002", "C-1003"], (await travel.QueueAsync("bo.chef", Ct)).Select(e => e.ClaimId).Distinct());
        Assert.Equal(3, (await travel.ActAsync("anna.manager", attest: true, null, null, Ct)).Done);
        Assert.Equal(1, (await travel.ActAsync("bo.chef", attest: true, ["C-1002"], null, Ct)).Done);
        var history = await ctx.History.AsNoTracking().Where(h => h.Subject == TravelDesk.Subject && h.Action == "attest").ToListAsync(Ct);
        Assert.Equal(7, history.Count);
        Assert.Contains(history, h => h.Actor == "anna.manager" && h.Reason!.Contains("manager of employee E1010", StringComparison.Ordinal));

        ctx.ChangeTracker.Clear();
        var attested = await ctx.TravelClaims.AsNoTracking().Where(e => e.Status == PayrollStatus.Attested).ToListAsync(Ct);
        Assert.Equal(7, attested.Count);
        var payroll = new PayrollDesk(ctx, new PipelineOptions(), Clock);
        var result = await payroll.PostAsync("2026-11", Path.Combine(db.Folder, "payroll"), Ct);
        Assert.Equal((0, 7, "L1"), (result.Posted, result.TravelPosted, result.Voucher));

        ctx.ChangeTracker.Clear();
        var voucher = await ctx.Vouchers.AsNoTracking().SingleAsync(v => v.PayrollBatch == "2026-11", Ct);
        var lines = await ctx.VoucherLines.AsNoTracking().Where(l => l.VoucherId == voucher.Id).ToListAsync(Ct);
        Assert.Equal(0m, lines.Sum(l => l.Amount));
        decimal On(string account) => lines.Where(l => l.Account == account).Sum(l => l.Amount);
        // Input VAT of the hotel (208.93) and the train (67.92) on 2641; their net cost on 5831 and 5810.
        Assert.Equal(208.93m + 67.92m, On("2641"));
        Assert.Equal(1741.07m, On("5831"));
        Assert.Equal(1132.08m, On("5810"));
        // Mileage: own car 225 tax-free + company car 140 × 1.2 = 168; the own car's 117 taxable.
        Assert.Equal(225m + 168m, On("7331"));
        Assert.Equal(117m, On("7332"));
        var de = attested.Single(e => e.ClaimId == "C-1002" && e.LineType == TravelLineType.Trip);
        // Both trips to Germany (E1003's, and the Danish E1006's) are per diem abroad.
        var dk = attested.Single(e => e.ClaimId == "C-1003");
        Assert.Equal(de.TaxFree + dk.TaxFree, On("7323"));
        Assert.Equal(attested.Single(e => e.ClaimId == "C-1001" && e.LineType == TravelLineType.Trip).TaxFree, On("7321"));
        Assert.Equal(de.Taxable, On("7322"));
        Assert.Equal(-attested.Sum(e => e.Amount ?? 0), On("2821"));
        Assert.All(await ctx.TravelClaims.AsNoTracking().Where(e => e.VoucherId == voucher.Id).ToListAsync(Ct), e => Assert.Equal(PayrollStatus.Posted, e.Status));

        var export = await File.ReadAllLinesAsync(result.ExportFile, Ct);
        Assert.Equal("employee_id,pay_code,quantity,rate,amount,period,cost_centre,transaction_id,corrects_period,corrects_rate", export[0]);
        Assert.Equal(("E1001", 90m, 225m, "2026-11", "CC100"), Exported(export, "C-1001/4", "MIL"));
        Assert.Equal(("E1001", 90m, 117m, "2026-11", "CC100"), Exported(export, "C-1001/4", "MIL_SKATT"));
        Assert.Equal(("E1001", (decimal?)null, 1950m, "2026-11", "CC100"), Exported(export, "C-1001/3", "UTLAGG"));
        Assert.Equal(("E1003", (decimal?)null, 3388m, "2026-11", "CC200"), Exported(export, "C-1002/5", "TRAKT"));
        Assert.Equal(("E1003", (decimal?)null, 212m, "2026-11", "CC200"), Exported(export, "C-1002/5", "TRAKT_SKATT"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ACorrection_ReversesThePostedClaim_AndBooksTheNewAmountInTheOpenPeriod_BothInTheEmployeesHistory(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = await SampleMasterAsync(db);
        var header = "claim_id,employee_id,line_type,departure,km,vehicle,reported_by,corrects\n";
        var first = await StoreAsync(ctx, "first.csv", header + "K-1,E1001,mileage,2026-10-05T08:00,100,own,ebba.exempel,\n");
        Assert.Equal(1, await TravelIntake.ProcessAsync(ctx, [first], "r1", Policy, Ct));
        var travel = new TravelDesk(ctx, Clock);
        var payroll = new PayrollDesk(ctx, new PipelineOptions(), Clock);
        Assert.Equal(1, (await travel.ActAsync("anna.manager", true, ["K-1"], null, Ct)).Done);
        var october = await payroll.PostAsync("2026-10", Path.Combine(db.Folder, "payroll"), Ct);
        Assert.Equal(1, october.TravelPosted);

        // The km were 120, not 100: the correction names the claim it corrects.
        var fix = await StoreAsync(ctx, "fix.csv", header + "K-2,E1001,mileage,2026-10-05T08:00,120,own,ebba.exempel,K-1\nK-3,E1001,mileage,2026-10-06T08:00,10,own,ebba.exempel,K-404\n");
        Assert.Equal(2, await TravelIntake.ProcessAsync(ctx, [fix], "r2", Policy, Ct));
        ctx.ChangeTracker.Clear();
        var refused = await ctx.TravelClaims.AsNoTracking().SingleAsync(e => e.ClaimId == "K-3", Ct);
        Assert.Equal((PayrollStatus.Rejected, TravelExceptionCode.CorrectsNotAccepted), (refused.Status, refused.Exceptions));
        Assert.Contains("K-404 was never accepted", refused.Reasons, StringComparison.Ordinal);
        Assert.Equal(1, (await travel.ActAsync("anna.manager", true, ["K-2"], null, Ct)).Done);
        // K-2 already corrects K-1: a second correction of K-1 before the cut-off is refused (it would pay twice).
        var twice = await StoreAsync(ctx, "twice.csv", header + "K-4,E1001,mileage,2026-10-05T08:00,110,own,ebba.exempel,K-1\n");
        await TravelIntake.ProcessAsync(ctx, [twice], "r-twice", Policy, Ct);
        var k4 = await ctx.TravelClaims.AsNoTracking().SingleAsync(e => e.ClaimId == "K-4", Ct);
        Assert.Equal(TravelExceptionCode.CorrectsNotAccepted, k4.Exceptions);
        Assert.Contains("K-1 is already corrected by claim K-2", k4.Reasons, StringComparison.Ordinal);
        // October is closed by now: the correction is booked in the open period it is cut off in.
        var november = await payroll.PostAsync("2026-11", Path.Combine(db.Folder, "payroll"), Ct);
        Assert.Equal(1, november.TravelPosted);

        ctx.ChangeTracker.Clear();
        var voucher = await ctx.Vouchers.AsNoTracking().SingleAsync(v => v.PayrollBatch == "2026-11", Ct);
        var lines = await ctx.VoucherLines.AsNoTracking().Where(l => l.VoucherId == voucher.Id).ToListAsync(Ct);
        // 100 km reversed (−250 tax-free, −130 taxable), 120 km booked (300, 156): the net is the difference.
        Assert.Equal(50m, lines.Where(l => l.Account == "7331").Sum(l => l.Amount));
        Assert.Equal(26m, lines.Where(l => l.Account == "7332").Sum(l => l.Amount));
        Assert.Equal(-76m, lines.Where(l => l.Account == "2821").Sum(l => l.Amount));
        var export = await File.ReadAllLinesAsync(november.ExportFile, Ct);
        Assert.Equal(("E1001", -100m, -250m, "2026-11", "CC100"), Exported(export, "K-1/2/reversed", "MIL"));
        Assert.Equal(("E1001", 120m, 300m, "2026-11", "CC100"), Exported(export, "K-2/2/corrects K-1", "MIL"));

        var employeeHistory = await travel.HistoryOfEmployeeAsync("E1001", Ct);
        var k1 = employeeHistory.Single(e => e.ClaimId == "K-1");
        Assert.Equal((PayrollStatus.Posted, "K-2", voucher.Id), (k1.Status, k1.CorrectedBy, k1.ReversedByVoucherId));
        Assert.Equal((PayrollStatus.Posted, "K-1"), employeeHistory.Single(e => e.ClaimId == "K-2") is var k2 ? (k2.Status, k2.Corrects) : default);
        Assert.Contains(await ctx.History.AsNoTracking().Where(h => h.Subject == TravelDesk.Subject && h.SubjectId == k1.Id).Select(h => h.Action).ToListAsync(Ct), a => a == "reverse");
        // A second correction of K-1 is refused: K-2 replaced it.
        var again = await StoreAsync(ctx, "again.csv", header + "K-5,E1001,mileage,2026-10-05T08:00,130,own,ebba.exempel,K-1\n");
        await TravelIntake.ProcessAsync(ctx, [again], "r3", Policy, Ct);
        var k5 = await ctx.TravelClaims.AsNoTracking().SingleAsync(e => e.ClaimId == "K-5", Ct);
        Assert.Equal((PayrollStatus.Rejected, TravelExceptionCode.CorrectsNotAccepted), (k5.Status, k5.Exceptions));
        Assert.Contains("correct K-2 instead", k5.Reasons, StringComparison.Ordinal);
        // Correcting the correction is what is allowed.
        var latest = await StoreAsync(ctx, "latest.csv", header + "K-6,E1001,mileage,2026-10-05T08:00,130,own,ebba.exempel,K-2\n");
        await TravelIntake.ProcessAsync(ctx, [latest], "r4", Policy, Ct);
        Assert.Equal(PayrollStatus.AwaitingAttestation, (await ctx.TravelClaims.AsNoTracking().SingleAsync(e => e.ClaimId == "K-6", Ct)).Status);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task RateFiles_AreImportedAsMasterData_AndAFileWithErrorsIsNotApplied_NamingFileLineAndColumn(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = await SampleMasterAsync(db);
        Assert.Equal(300m, (await ctx.PerDiemRates.AsNoTracking().SingleAsync(r => r.Country == "SE" && r.Year == 2026, Ct)).FullDay);
        var own = await ctx.MileageRates.AsNoTracking().SingleAsync(r => r.Vehicle == "own" && r.Year == 2026, Ct);
        Assert.Equal((2.5m, 1.3m), (own.PerKm, own.PerKmTaxable));

        var dir = Directory.CreateDirectory(Path.Combine(db.Folder, "bad-rates")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "per_diem_rates.csv"), "country,year,full_day\nSE,2027,320\nXX,2027,100\nFI,twenty,100\n", Ct);
        await File.WriteAllTextAsync(Path.Combine(dir, "mileage_rates.csv"), "vehicle,year,per_km\nbike,2027,1\n", Ct);
        var result = await new MasterDataImporter(ctx, TimeProvider.System, NullLogger<MasterDataImporter>.Instance).ImportAsync(dir, Ct);
        var errors = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(errors, e => e.StartsWith("per_diem_rates.csv:3: column 'country'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("per_diem_rates.csv:4: column 'year'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("mileage_rates.csv:2: column 'vehicle'", StringComparison.Ordinal));
        // Not applied: the good row of the bad file is not there either.
        Assert.False(await ctx.PerDiemRates.AnyAsync(r => r.Year == 2027, Ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ABadCell_RejectsItsLineNamingTheColumn_AHeaderWithoutARequiredColumn_RejectsTheFile_TheRestGoesOn(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using var ctx = await SampleMasterAsync(db);
        var noType = await StoreAsync(ctx, "no-type.csv", "claim_id,employee_id,km\nX-1,E1001,10\n");
        var mixed = await StoreAsync(ctx, "mixed.csv", """
            CLAIM_ID,Employee_Id,Line_Type,Departure,Return,Country,Overnight,Distance_km,Meals_Provided,Km,Vehicle,Amount,Receipt_Ref
            M-1,E1001,trip,2026-11-02 07:00,2026-11-03T18:00,SE,true,300,,,,,
            M-2,E1001,mileage,2026-11-04T07:00,,,,,,1.5x,own,,
            M-3,E1001,trip,2026-11-05T07:00,2026-11-06T18:00,SE,true,300,2026-11-06:BX,,,,
            M-4,E1002,expense,2026-11-05T07:00,,,,,,,,150.00,R-4
            M-5,E9999,expense,2026-11-05T07:00,,,,,,,,90.00,
            """);
        Assert.Equal(6, await TravelIntake.ProcessAsync(ctx, [noType, mixed], "r1", Policy, Ct));
        var stored = await ctx.TravelClaims.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);
        var file = Assert.Single(stored, e => e.DocumentId == noType.Id);
        Assert.Equal(PayrollStatus.Rejected, file.Status);
        Assert.Contains("the required column line_type is missing", file.Reasons, StringComparison.Ordinal);
        var byClaim = stored.Where(e => e.DocumentId == mixed.Id).ToDictionary(e => e.ClaimId);
        Assert.Contains("INVALID_FIELD (departure)", byClaim["M-1"].Reasons, StringComparison.Ordinal);
        Assert.Contains("INVALID_FIELD (km)", byClaim["M-2"].Reasons, StringComparison.Ordinal);
        Assert.Contains("INVALID_FIELD (meals_provided)", byClaim["M-3"].Reasons, StringComparison.Ordinal);
        Assert.Equal((PayrollStatus.AwaitingAttestation, 150m), (byClaim["M-4"].Status, byClaim["M-4"].Amount));
        Assert.Equal((2, 3, 4, 5), (byClaim["M-1"].Line, byClaim["M-2"].Line, byClaim["M-3"].Line, byClaim["M-4"].Line));
        Assert.Contains("UNKNOWN_EMPLOYEE", byClaim["M-5"].Exceptions, StringComparison.Ordinal);
    }
}
