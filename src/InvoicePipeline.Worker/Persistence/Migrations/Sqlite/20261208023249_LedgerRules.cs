using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvoicePipeline.Worker.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LedgerRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DuplicateOf",
                table: "invoices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Prepaid",
                table: "invoices",
                type: "TEXT",
                precision: 19,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sign",
                table: "invoices",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "invoice_lines",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "VatDeductible",
                table: "accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            // The one sign rule for what is stored already: credit notes of every syntax (a Svefaktura credit note is an
            // Invoice root with type code 381, kept in the parsed document), then the lossless, kind-aware duplicate key
            // (supplier|I or C|number up to case and surrounding spaces), recomputed for every invoice that has one.
            migrationBuilder.Sql("""
                UPDATE invoices SET "Sign" = -1
                WHERE "Kind" = 'CreditNote' OR "DocumentJson" LIKE '%"typeCode":"381"%' OR "DocumentJson" LIKE '%"typeCode":"396"%' OR "DocumentJson" LIKE '%"typeCode":"532"%'
                """);
            migrationBuilder.Sql("""
                UPDATE invoices SET "DuplicateKey" = "SupplierId" || (CASE WHEN "Sign" < 0 THEN '|C|' ELSE '|I|' END) || UPPER(TRIM("InvoiceNumber"))
                WHERE "DuplicateKey" IS NOT NULL AND "SupplierId" IS NOT NULL
                """);

            migrationBuilder.CreateTable(
                name: "period_locks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Organisation = table.Column<string>(type: "TEXT", nullable: false),
                    Month = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Through = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_period_locks", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_period_locks_Organisation_Month",
                table: "period_locks",
                columns: new[] { "Organisation", "Month" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "period_locks");

            migrationBuilder.DropColumn(
                name: "DuplicateOf",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "Prepaid",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "Sign",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "invoice_lines");

            migrationBuilder.DropColumn(
                name: "VatDeductible",
                table: "accounts");
        }
    }
}
