using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InvoicePipeline.Worker.Persistence.Migrations.Postgres
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
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BankReason",
                table: "payments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BankReference",
                table: "payments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BankStatus",
                table: "payments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "BookingDate",
                table: "payments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TransferInvoiceId",
                table: "payments",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "bank_return_files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Sha256 = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MessageId = table.Column<string>(type: "text", nullable: true),
                    ReadAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RunId = table.Column<string>(type: "text", nullable: true),
                    Confirmed = table.Column<int>(type: "integer", nullable: false),
                    Rejected = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    Unmatched = table.Column<string>(type: "text", nullable: false),
                    UnmatchedCount = table.Column<int>(type: "integer", nullable: false),
                    Error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_bank_return_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "supplier_responses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    InvoiceId = table.Column<long>(type: "bigint", nullable: false),
                    EventKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Format = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Organisation = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ResponseId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WrittenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
