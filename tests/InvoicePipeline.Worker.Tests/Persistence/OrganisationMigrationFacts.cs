using InvoicePipeline.MasterData;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InvoicePipeline.Worker.Tests.Persistence;

/// <summary>A database of one organisation, made before organisations existed, migrates without losing a row.</summary>
public sealed class OrganisationMigrationFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Migrate_FromAOneOrganisationDatabase_PutsEveryRowInTheDefaultOrganisation(DatabaseProvider provider)
    {
        await using var test = await TestDatabase.CreateAsync(provider);
        await using (var db = test.Open())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_Organisations", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before, Ct);
            var receivedAt = provider == DatabaseProvider.Sqlite ? "0" : "now()";
            foreach (var sql in new[]
            {
                """INSERT INTO suppliers ("SupplierId", "Name", "Blocked", "OrgNo", "Iban") VALUES ('S0001', 'Kontorsvaror AB', false, '5560360793', 'SE4550000000058398257466')""",
                """INSERT INTO purchase_order_lines ("PoNumber", "PoLine", "SupplierId", "Quantity", "UnitPrice", "Currency") VALUES ('PO1', '1', 'S0001', 10, 99.5, 'SEK')""",
                """INSERT INTO cost_centres ("Code", "Name") VALUES ('CC100', 'Ekonomi')""",
                """INSERT INTO exchange_rates ("Date", "Currency", "Rate") VALUES ('2026-11-02', 'EUR', 11.25)""",
                """INSERT INTO voucher_counters ("Series", "FiscalYear", "NextNumber") VALUES ('A', 2026, 43)""",
                $$"""INSERT INTO invoices ("Id", "DocumentId", "Kind", "SupplierId", "InvoiceNumber", "Currency", "TotalExclVat", "VatTotal", "TotalInclVat", "Payable", "Status", "Match", "Exceptions", "DuplicateKey", "RegisteredBy", "ReceivedAt", "RunId", "DocumentJson", "VatBreakdownJson") VALUES (7, 1, 'Invoice', 'S0001', 'F-1', 'SEK', 100, 25, 125, 125, 'Attested', 'order', '', 'S0001|F1', 'system', {{receivedAt}}, 'r1', 'null', '[]')""",
            })
                await db.Database.ExecuteSqlRawAsync(sql, Ct);
            await db.Database.MigrateAsync(Ct);
        }

        await using (var db = test.Open())
        {
            var supplier = await db.Suppliers.SingleAsync(Ct);
            Assert.Equal((Organisation.DefaultId, "S0001", "Kontorsvaror AB", "SE4550000000058398257466"), (supplier.OrganisationId, supplier.SupplierId, supplier.Name, supplier.Iban));
            var line = await db.PurchaseOrderLines.SingleAsync(Ct);
            Assert.Equal((Organisation.DefaultId, "PO1", 99.5m), (line.OrganisationId, line.PoNumber, line.UnitPrice));
            Assert.Equal(Organisation.DefaultId, (await db.CostCentres.SingleAsync(Ct)).OrganisationId);
            var rate = await db.ExchangeRates.SingleAsync(Ct);
            Assert.Equal(("", "SEK", 11.25m), (rate.OrganisationId, rate.ToCurrency, rate.Rate)); // centre-wide, quoted in SEK
            var counter = await db.VoucherCounters.SingleAsync(Ct);
            Assert.Equal((Organisation.DefaultId, 43), (counter.OrganisationId, counter.NextNumber));
            var invoice = await db.Invoices.SingleAsync(Ct);
            Assert.Equal((Organisation.DefaultId, "S0001|F1"), (invoice.OrganisationId, invoice.DuplicateKey));

            // Keys are now per organisation: the same supplier id and duplicate key at another organisation are another row.
            db.Suppliers.Add(new Supplier { OrganisationId = "KAMK", SupplierId = "S0001", Name = "Other AB" });
            await db.SaveChangesAsync(Ct);
            Assert.Equal(2, await db.Suppliers.CountAsync(s => s.SupplierId == "S0001", Ct));
        }
    }
}
