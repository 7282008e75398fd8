using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvoicePipeline.Worker.Persistence.Migrations.Sqlite
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
            migrationBuilder.AddColumn<long>(
                name: "PostedAt",
                table: "invoices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "VoucherId",
                table: "invoices",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.Sql("""UPDATE invoices SET "Status" = 'Posted', "VoucherId" = v."Id" FROM vouchers AS v WHERE v."InvoiceId" = invoices."Id" AND invoices."Status" = 'Attested'""");
        }
    }
}
