using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvoicePipeline.Worker.Persistence.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutboxPath",
                table: "payment_files",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReleasedAt",
                table: "payment_files",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReleasedBy",
                table: "payment_files",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Xml",
                table: "payment_files",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ImportedBy",
                table: "masterdata_imports",
                type: "TEXT",
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
