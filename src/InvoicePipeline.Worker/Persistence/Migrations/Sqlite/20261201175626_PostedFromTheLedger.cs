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

            // SQLite (3.35 and later) drops a plain column in place. EF's DropColumn rebuilds the whole table instead,
            // which needs PRAGMA foreign_keys outside the migration's transaction, and EF warned about it as the first
            // line of every fresh database (the demo's). Same schema either way.
            migrationBuilder.Sql("""ALTER TABLE invoices DROP COLUMN "PostedAt";""");
            migrationBuilder.Sql("""ALTER TABLE invoices DROP COLUMN "VoucherId";""");
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
