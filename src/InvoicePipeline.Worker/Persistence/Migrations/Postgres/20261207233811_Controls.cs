using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvoicePipeline.Worker.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Controls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportedBy",
                table: "supplier_account_changes",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutboxPath",
                table: "payment_files",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReleasedAt",
                table: "payment_files",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReleasedBy",
                table: "payment_files",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Xml",
                table: "payment_files",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ImportedBy",
                table: "masterdata_imports",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportedBy",
                table: "supplier_account_changes");

            migrationBuilder.DropColumn(
                name: "OutboxPath",
                table: "payment_files");

            migrationBuilder.DropColumn(
                name: "ReleasedAt",
                table: "payment_files");

            migrationBuilder.DropColumn(
                name: "ReleasedBy",
                table: "payment_files");

            migrationBuilder.DropColumn(
                name: "Xml",
                table: "payment_files");

            migrationBuilder.DropColumn(
                name: "ImportedBy",
                table: "masterdata_imports");
        }
    }
}
