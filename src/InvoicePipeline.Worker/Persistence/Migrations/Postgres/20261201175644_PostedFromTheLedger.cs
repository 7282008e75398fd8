using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvoicePipeline.Worker.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PostedFromTheLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Posted is now read from the ledger (an attested invoice with a voucher): posting no longer rewrites the invoice.
            migrationBuilder.Sql("""UPDATE invoices SET "Status" = 'Attested' WHERE "Status" = 'Posted'""");

            migrationBuilder.DropColumn(
                name: "PostedAt",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "VoucherId",
                table: "invoices");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PostedAt",
                table: "invoices",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "VoucherId",
                table: "invoices",
                type: "bigint",
                nullable: true);

            migrationBuilder.Sql("""UPDATE invoices AS i SET "Status" = 'Posted', "VoucherId" = v."Id", "PostedAt" = v."CreatedAt" FROM vouchers AS v WHERE v."InvoiceId" = i."Id" AND i."Status" = 'Attested'""");
        }
    }
}
