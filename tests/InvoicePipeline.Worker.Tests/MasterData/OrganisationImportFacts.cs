using InvoicePipeline.MasterData;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.MasterData;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace InvoicePipeline.Worker.Tests.MasterData;

/// <summary>A centre's master data: organisations.csv and one folder per organisation (organisations.md).</summary>
public sealed class OrganisationImportFacts : IAsyncLifetime
{
    private const string Header = "organisation_id,name,org_no,country,peppol_ids,fiscal_year_start,buyer_references\n";
    private const string Kamk = "KAMK,Kammarkollegiet,202100-0829,SE,0007:2021000829,1,\n";
    private const string Shm = "SHM,Statens historiska museer,2021004888,SE,0088:7350000000012,7,\n";
    private const string Oes = "DK-OES,Økonomistyrelsen,DK 20 21 44 14,DK,0184:20214414,1,\n";

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

    /// <summary>A master-data folder: files named "KAMK/suppliers.csv" go in the organisation's folder.</summary>
    private string Centre(params (string Name, string Content)[] files)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_db.Folder, "md-" + Guid.NewGuid().ToString("N")[..6])).FullName;
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(dir, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }
        return dir;
    }

    [Fact]
    public async Task Import_ACentre_KeepsKeysPerOrganisation_AndTheCentreWideFilesAtTheTop()
    {
        var dir = Centre(
            ("organisations.csv", Header + Kamk + Shm + Oes),
            ("exchange_rates.csv", "date,currency,rate\n2026-11-02,EUR,11.25\n"),
            ("staffing.csv", "month,process,fte\n2026-11,supplier_invoices,4\n"),
            ("KAMK/suppliers.csv", "supplier_id,name,bankgiro\nS0001,Kontorsvaror AB,5050-1055\n"),
            ("SHM/suppliers.csv", "supplier_id,name,bankgiro\nS0001,Museibutiken AB,123-4566\n"),
            ("SHM/purchase_orders.csv", "po_number,po_line,supplier_id,quantity,unit_price,currency\nPO1,1,S0001,2,100,SEK\n"),
            ("DK-OES/exchange_rates.csv", "date,currency,rate,to_currency\n2026-11-02,EUR,7.46,DKK\n"));

        var result = await Importer().ImportAsync(dir, Ct);

        Assert.Empty(result.Errors);
        var organisations = await _ctx.Organisations.AsNoTracking().OrderBy(o => o.OrganisationId).ToListAsync(Ct);
        Assert.Equal(["DK-OES", "KAMK", "SHM"], organisations.Select(o => o.OrganisationId));
        var oes = organisations[0];
        Assert.Equal(("20214414", "DK", "DKK", "0184:20214414"), (oes.OrgNo, oes.Country, oes.LedgerCurrency, oes.PeppolIds.Single()));
        Assert.Equal(("202100-4888", 7, "SEK"), (organisations[2].OrgNo, organisations[2].FiscalYearStart, organisations[2].LedgerCurrency));
        var suppliers = await _ctx.Suppliers.AsNoTracking().Where(s => s.SupplierId == "S0001").OrderBy(s => s.OrganisationId).ToListAsync(Ct);
        Assert.Equal([("KAMK", "Kontorsvaror AB"), ("SHM", "Museibutiken AB")], suppliers.Select(s => (s.OrganisationId, s.Name)));
        Assert.Equal("SHM", (await _ctx.PurchaseOrderLines.SingleAsync(Ct)).OrganisationId);
        var rates = await _ctx.ExchangeRates.AsNoTracking().OrderBy(r => r.OrganisationId).ToListAsync(Ct);
        Assert.Equal([("", "SEK", 11.25m), ("DK-OES", "DKK", 7.46m)], rates.Select(r => (r.OrganisationId, r.ToCurrency, r.Rate)));
        Assert.Contains(result.Files, f => f.File == "SHM/purchase_orders.csv" && f.Inserted == 1);

        // Importing again changes nothing and adds no organisation.
        var again = await Importer().ImportAsync(dir, Ct);
        Assert.Empty(again.Errors);
        Assert.Equal(3, await _ctx.Organisations.CountAsync(Ct));
        Assert.Equal(2, await _ctx.Suppliers.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_AFolderWithoutOrganisationsCsv_IsTheOneDefaultOrganisation()
    {
        var dir = Centre(("suppliers.csv", "supplier_id,name\nS1,A AB\n"), ("exchange_rates.csv", "date,currency,rate\n2026-11-02,EUR,11.25\n"));
        var result = await Importer().ImportAsync(dir, Ct);
        Assert.Empty(result.Errors);
        Assert.Equal(Organisation.DefaultId, (await _ctx.Suppliers.SingleAsync(Ct)).OrganisationId);
        Assert.Equal("", (await _ctx.ExchangeRates.SingleAsync(Ct)).OrganisationId);
        Assert.Equal(0, await _ctx.Organisations.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_AnOrganisationWhoseFolderIsMissing_IsAnErrorOnItsRow_AndNothingOfTheFileIsApplied()
    {
        var dir = Centre(("organisations.csv", Header + Kamk + Shm), ("KAMK/suppliers.csv", "supplier_id,name\nS1,A AB\n"));

        var result = await Importer().ImportAsync(dir, Ct);

        var error = Assert.Single(result.Files.Single(f => f.File == "organisations.csv").Errors);
        Assert.Equal(("organisations.csv", 3L, "organisation_id"), (error.File, error.Line, error.Column));
        Assert.Contains("'SHM/' does not exist", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await _ctx.Organisations.CountAsync(Ct));
        // KAMK is new and its row could not be applied: its folder waits for a corrected organisations.csv.
        Assert.Equal(0, await _ctx.Suppliers.CountAsync(Ct));
        Assert.Contains(result.Files, f => f.File == "KAMK/" && f.Errors.Single().Line == 2);
    }

    [Fact]
    public async Task Import_TwoOrganisationsClaimingOneElectronicAddress_IsAnError_NamingTheFirst()
    {
        var dir = Centre(("organisations.csv", Header + Kamk + "SHM,Statens historiska museer,2021004888,SE,0088:7350000000012; 0007:2021000829,1,\n"),
            ("KAMK/accounts.csv", "account,name\n4010,Inköp\n"), ("SHM/accounts.csv", "account,name\n4010,Inköp\n"));

        var result = await Importer().ImportAsync(dir, Ct);

        var error = Assert.Single(result.Files.Single(f => f.File == "organisations.csv").Errors);
        Assert.Equal((3L, "peppol_ids"), (error.Line, error.Column));
        Assert.Contains("already claimed by KAMK (line 2)", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await _ctx.Organisations.CountAsync(Ct));
    }

    [Fact]
    public async Task Import_AnAddressAlreadyHeldByAnImportedOrganisation_CannotBeTakenByANewOne()
    {
        await Importer().ImportAsync(Centre(("organisations.csv", Header + Kamk), ("KAMK/accounts.csv", "account,name\n4010,Inköp\n")), Ct);
        var result = await Importer().ImportAsync(Centre(("organisations.csv", Header + "SHM,Statens historiska museer,2021004888,SE,0007:2021000829,1,\n"),
            ("SHM/accounts.csv", "account,name\n4010,Inköp\n")), Ct);
        Assert.Contains(result.Errors, e => e is { Line: 2, Column: "peppol_ids" } && e.Reason.Contains("KAMK", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("KAMK,Kammarkollegiet,202100-0828,SE,,1,\n", "Luhn")]
    [InlineData("DK-OES,Økonomistyrelsen,12345678,DK,,1,\n", "modulus-11")]
    [InlineData("DK-OES,Økonomistyrelsen,202100-0829,DK,,1,\n", "modulus-11")]
    public async Task Import_AnOrgNumberFailingItsCheckDigit_IsAnErrorInColumnOrgNo(string row, string check)
    {
        var id = row.Split(',')[0];
        var result = await Importer().ImportAsync(Centre(("organisations.csv", Header + row), ($"{id}/accounts.csv", "account,name\n4010,Inköp\n")), Ct);
        var error = Assert.Single(result.Files.Single(f => f.File == "organisations.csv").Errors);
        Assert.Equal((2L, "org_no"), (error.Line, error.Column));
        Assert.Contains(check, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_ARowNamingAnotherOrganisationsSupplier_IsAnError_AndOnlyThatFileIsNotApplied()
    {
        var dir = Centre(
            ("organisations.csv", Header + Kamk + Shm),
            ("KAMK/suppliers.csv", "supplier_id,name\nS-K1,Kontorsvaror AB\n"),
            ("SHM/suppliers.csv", "supplier_id,name\nS-S1,Museibutiken AB\n"),
            ("SHM/cost_centres.csv", "cost_centre,name\nCC1,Utställningar\n"),
            ("SHM/purchase_orders.csv", "po_number,po_line,supplier_id,quantity,unit_price,currency\nPO1,1,S-S1,2,100,SEK\nPO2,1,S-K1,1,50,SEK\n"),
            ("SHM/approvers.csv", "user_id,name,cost_centre,max_amount,organisation_id\nbo.chef,Bo Chef,CC1,1000,KAMK\n"));

        var result = await Importer().ImportAsync(dir, Ct);

        var orders = result.Files.Single(f => f.File == "SHM/purchase_orders.csv");
        var error = Assert.Single(orders.Errors);
        Assert.Equal(("SHM/purchase_orders.csv", 3L, "supplier_id"), (error.File, error.Line, error.Column));
        Assert.Contains("'S-K1' is not SHM's but KAMK's", error.Reason, StringComparison.Ordinal);
        var approvers = Assert.Single(result.Files.Single(f => f.File == "SHM/approvers.csv").Errors);
        Assert.Equal((2L, "organisation_id"), (approvers.Line, approvers.Column));
        Assert.Equal(0, await _ctx.PurchaseOrderLines.CountAsync(Ct));
        Assert.Equal(0, await _ctx.Approvers.CountAsync(Ct));
        Assert.Equal(2, await _ctx.Suppliers.CountAsync(Ct));
        Assert.Equal(2, await _ctx.Organisations.CountAsync(Ct));
    }
}
