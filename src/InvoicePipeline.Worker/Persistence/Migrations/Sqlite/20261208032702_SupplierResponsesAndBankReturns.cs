using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvoicePipeline.Worker.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupplierResponsesAndBankReturns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "BankFileId",
                table: "payments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BankReason",
                table: "payments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BankReference",
                table: "payments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BankStatus",
                table: "payments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BookingDate",
                table: "payments",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TransferInvoiceId",
                table: "payments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "bank_return_files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", nullable: true),
                    ReadAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunId = table.Column<string>(type: "TEXT", nullable: true),
                    Confirmed = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    Unmatched = table.Column<string>(type: "TEXT", nullable: false),
                    UnmatchedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bank_return_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supplier_responses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    EventKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResponseId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WrittenAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplier_responses", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_bank_return_files_RunId",
                table: "bank_return_files",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_bank_return_files_Sha256",
                table: "bank_return_files",
                column: "Sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supplier_responses_InvoiceId_EventKey",
                table: "supplier_responses",
                columns: new[] { "InvoiceId", "EventKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_supplier_responses_WrittenAt",
                table: "supplier_responses",
                column: "WrittenAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "bank_return_files");

            migrationBuilder.DropTable(
                name: "supplier_responses");

            migrationBuilder.DropColumn(
                name: "BankFileId",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "BankReason",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "BankReference",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "BankStatus",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "BookingDate",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "TransferInvoiceId",
                table: "payments");
        }
    }
}
