using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace InvoicePipeline.Worker.Tests.MasterData;

public sealed class MasterDataImporterFacts : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private PipelineDbContext _ctx = null!;
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _ctx = _db.Open();
        await Database.MigrateAsync(_ctx, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _db.DisposeAsync();
    }

    private MasterDataImporter Importer() => new(_ctx, TimeProvider.System, NullLogger<MasterDataImporter>.Instance);

    private string Folder(params (string Name, string Content)[] files)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_db.Folder, "md-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        foreach (var (name, content) in files) File.WriteAllText(Path.Combine(dir, name), content);
        return dir;
    }

    [Fact]
    public async Task Import_ReportsEveryRowError_WithFileLineAndColumn_AndAppliesNothingFromThatFile()
    {
        var dir = Folder(
            ("suppliers.csv", "supplier_id,name,peppol_id,blocked,payment_terms_days\nS1,Good AB,0007:5560360793,false,30\nS2,,0007:1,maybe,30\nS3,Third AB,nocolon,false,thirty\n"),
            ("cost_centres.csv", "cost_centre,name\nCC1,Ekonomi\n"));

        var result = await Importer().ImportAsync(dir, Ct);

        var suppliers = result.Files.Single(f => f.File == "suppliers.csv");
        Assert.False(suppliers.Applied);
        Assert.Contains(suppliers.Errors, e => e is { Line: 3, Column: "name" });
        Assert.Contains(suppliers.Errors, e => e is { Line: 3, Column: "blocked" } && e.Reason.Contains("maybe", StringComparison.Ordinal));
        Assert.Contains(suppliers.Errors, e => e is { Line: 4, Column: "peppol_id" });
        Assert.Contains(suppliers.Errors, e => e is { Line: 4, Column: "payment_terms_days" });
        Assert.Equal(4, suppliers.Errors.Count);
        Assert.Equal(0, await _ctx.Suppliers.CountAsync(Ct));
        // The other file is applied.
        Assert.True(result.Files.Single(f => f.File == "cost_centres.csv").Applied);
        Assert.Equal(1, await _ctx.CostCentres.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_BytesThatAreNotUtf8_OrAnUnterminatedQuote_AreAnErrorNamingFileAndLine_AndNothingIsApplied()
    {
        var dir = Folder(("cost_centres.csv", "cost_centre,name\nCC1,Ekonomi\n"));
        // Latin-1 'ö' (0xF6) on line 3: read as UTF-8 it would silently become U+FFFD in the name.
        File.WriteAllBytes(Path.Combine(dir, "accounts.csv"), [.. "account,name,type\n4010,Varor,expense\n5410,F"u8, 0xF6, .. "rbrukning,expense\n"u8]);
        File.WriteAllText(Path.Combine(dir, "approvers.csv"), "user_id,name,cost_centre,max_amount\nanna,\"Anna,CC1,1000\n" + string.Concat(Enumerable.Repeat("x,y,CC1,1\n", 10_000)));

        var result = await Importer().ImportAsync(dir, Ct);

        var accounts = Assert.Single(result.Files.Single(f => f.File == "accounts.csv").Errors);
        Assert.Equal(("accounts.csv", 3L), (accounts.File, accounts.Line));
        Assert.Contains("not UTF-8", accounts.Reason, StringComparison.Ordinal);
        var approvers = Assert.Single(result.Files.Single(f => f.File == "approvers.csv").Errors);
        Assert.Equal(2, approvers.Line);
        Assert.Contains("longer than", approvers.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await _ctx.Accounts.CountAsync(Ct));
        Assert.True(result.Files.Single(f => f.File == "cost_centres.csv").Applied);
    }

    [Fact]
    public async Task Import_MissingRequiredColumn_IsOneHeaderError()
    {
        var result = await Importer().ImportAsync(Folder(("accounts.csv", "account,type\n4010,expense\n")), Ct);
        var error = Assert.Single(result.Errors);
        Assert.Equal(1, error.Line);
        Assert.Equal("name", error.Column);
    }

    [Fact]
    public async Task Import_IsIdempotent_AndUpsertsByKey()
    {
        var dir = Folder(("accounts.csv", "\uFEFFACCOUNT,Name\n4010,Inköp\n2440,Leverantörsskulder\n"));
        await Importer().ImportAsync(dir, Ct);
        var again = await Importer().ImportAsync(dir, Ct);
        Assert.Equal(0, again.Files[0].Inserted);
        Assert.Equal(2, again.Files[0].Updated);
        Assert.Equal(2, await _ctx.Accounts.CountAsync(Ct));

        await Importer().ImportAsync(Folder(("accounts.csv", "account,name\n4010,Inköp material\n")), Ct);
        Assert.Equal("Inköp material", (await _ctx.Accounts.AsNoTracking().SingleAsync(a => a.AccountNumber == "4010", Ct)).Name);
    }

    [Fact]
    public async Task Import_DuplicateKeyInAFile_IsAnError()
    {
        var result = await Importer().ImportAsync(Folder(("cost_centres.csv", "cost_centre,name\nCC1,A\nCC1,B\n")), Ct);
        Assert.Contains(result.Errors, e => e.Line == 3 && e.Reason.Contains("line 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Import_AChangedSupplierAccount_IsRecordedForQuarantine_ButAFirstRegistrationIsNot()
    {
        await Importer().ImportAsync(Folder(("suppliers.csv", "supplier_id,name,bankgiro\nS1,A AB,5050-1055\n")), Ct);
        Assert.Equal(0, await _ctx.SupplierAccountChanges.CountAsync(Ct));
        await Importer().ImportAsync(Folder(("suppliers.csv", "supplier_id,name,bankgiro\nS1,A AB,123-4566\n")), Ct);
        var change = await _ctx.SupplierAccountChanges.SingleAsync(Ct);
        Assert.Equal(("S1", "50501055", "1234566"), (change.SupplierId, change.OldNumber, change.NewNumber));
    }

    [Fact]
    public async Task Import_TheSampleMasterData_HasNoErrors()
    {
        var result = await Importer().ImportAsync(Samples.MasterData, Ct);
        Assert.Empty(result.Errors);
        Assert.True(result.Files.Count >= 8);
    }
}
