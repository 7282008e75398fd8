using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvoicePipeline.Worker.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PayrollDropEmployeeCodeDateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payroll_transactions_EmployeeId_PayCode_WorkDate",
                table: "payroll_transactions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_payroll_transactions_EmployeeId_PayCode_WorkDate",
                table: "payroll_transactions",
                columns: new[] { "EmployeeId", "PayCode", "WorkDate" });
        }
    }
}
