using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvoicePipeline.Worker.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Organisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_vouchers_Series_FiscalYear_Number",
                table: "vouchers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_voucher_counters",
                table: "voucher_counters");

            migrationBuilder.DropPrimaryKey(
                name: "PK_suppliers",
                table: "suppliers");

            migrationBuilder.DropIndex(
                name: "IX_suppliers_OrgNo",
                table: "suppliers");

            migrationBuilder.DropIndex(
                name: "IX_suppliers_PeppolId",
                table: "suppliers");

            migrationBuilder.DropIndex(
                name: "IX_suppliers_VatId",
                table: "suppliers");

            migrationBuilder.DropIndex(
                name: "IX_supplier_account_changes_SupplierId",
                table: "supplier_account_changes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_subscriptions",
                table: "subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_subscriptions_SupplierId",
                table: "subscriptions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_purchase_order_lines",
                table: "purchase_order_lines");

            migrationBuilder.DropIndex(
                name: "IX_purchase_order_lines_SupplierId",
                table: "purchase_order_lines");

            migrationBuilder.DropIndex(
                name: "IX_payroll_transactions_TransactionId",
                table: "payroll_transactions");

            migrationBuilder.DropIndex(
                name: "IX_payroll_transactions_TransactionId_Accepted",
                table: "payroll_transactions");

            migrationBuilder.DropIndex(
                name: "IX_pay_rates_PayCode_PayGroup_ValidFrom",
                table: "pay_rates");

            migrationBuilder.DropPrimaryKey(
                name: "PK_pay_codes",
                table: "pay_codes");

            migrationBuilder.DropIndex(
                name: "IX_invoices_DuplicateKey",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "IX_invoices_SupplierId_IssueDate",
                table: "invoices");

            migrationBuilder.DropPrimaryKey(
                name: "PK_goods_receipts",
                table: "goods_receipts");

            migrationBuilder.DropIndex(
                name: "IX_goods_receipts_PoNumber_PoLine",
                table: "goods_receipts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_exchange_rates",
                table: "exchange_rates");

            migrationBuilder.DropPrimaryKey(
                name: "PK_employees",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "IX_employees_PersonId",
                table: "employees");

            migrationBuilder.DropPrimaryKey(
                name: "PK_cost_centres",
                table: "cost_centres");

            migrationBuilder.DropIndex(
                name: "IX_approvers_UserId_CostCentre_Role",
                table: "approvers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_accounts",
                table: "accounts");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "vouchers",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "voucher_counters",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "suppliers",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "supplier_account_changes",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "subscriptions",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "run_chunks",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "purchase_order_lines",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "payroll_transactions",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "payments",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "payment_files",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "pay_rates",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "pay_codes",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "invoices",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true,
                // A database of one organisation: everything it holds is the default organisation's (organisations.md).
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "goods_receipts",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "exchange_rates",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ToCurrency",
                table: "exchange_rates",
                type: "text",
                nullable: false,
                defaultValue: "SEK");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "employees",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "Folder",
                table: "documents",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "cost_centres",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "approvers",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddColumn<string>(
                name: "OrganisationId",
                table: "accounts",
                type: "text",
                nullable: false,
                defaultValue: "default");

            migrationBuilder.AddPrimaryKey(
                name: "PK_voucher_counters",
                table: "voucher_counters",
                columns: new[] { "OrganisationId", "Series", "FiscalYear" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_suppliers",
                table: "suppliers",
                columns: new[] { "OrganisationId", "SupplierId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_subscriptions",
                table: "subscriptions",
                columns: new[] { "OrganisationId", "SubscriptionId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_purchase_order_lines",
                table: "purchase_order_lines",
                columns: new[] { "OrganisationId", "PoNumber", "PoLine" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_pay_codes",
                table: "pay_codes",
                columns: new[] { "OrganisationId", "Code" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_goods_receipts",
                table: "goods_receipts",
                columns: new[] { "OrganisationId", "ReceiptId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_exchange_rates",
                table: "exchange_rates",
                columns: new[] { "OrganisationId", "Date", "Currency", "ToCurrency" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_employees",
                table: "employees",
                columns: new[] { "OrganisationId", "EmployeeId" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_cost_centres",
                table: "cost_centres",
                columns: new[] { "OrganisationId", "Code" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_accounts",
                table: "accounts",
                columns: new[] { "OrganisationId", "AccountNumber" });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    OrganisationId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    OrgNo = table.Column<string>(type: "text", nullable: false),
                    Country = table.Column<string>(type: "text", nullable: false),
                    LedgerCurrency = table.Column<string>(type: "text", nullable: false),
                    PeppolIds = table.Column<string>(type: "text", nullable: false),
                    FiscalYearStart = table.Column<int>(type: "integer", nullable: false),
                    VoucherSeries = table.Column<string>(type: "text", nullable: false),
                    PayableAccount = table.Column<string>(type: "text", nullable: true),
                    VatInAccount = table.Column<string>(type: "text", nullable: true),
                    VatOutReverseAccount = table.Column<string>(type: "text", nullable: true),
                    VatInReverseAccount = table.Column<string>(type: "text", nullable: true),
                    RoundingAccount = table.Column<string>(type: "text", nullable: true),
                    DebtorIban = table.Column<string>(type: "text", nullable: true),
                    DebtorBic = table.Column<string>(type: "text", nullable: true),
                    DebtorBankgiro = table.Column<string>(type: "text", nullable: true),
                    BuyerReferences = table.Column<string>(type: "text", nullable: false),
                    SlaDays = table.Column<int>(type: "integer", nullable: true),
                    Active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.OrganisationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_OrganisationId_Series_FiscalYear_Number",
                table: "vouchers",
                columns: new[] { "OrganisationId", "Series", "FiscalYear", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_suppliers_OrganisationId_OrgNo",
                table: "suppliers",
                columns: new[] { "OrganisationId", "OrgNo" });

            migrationBuilder.CreateIndex(
                name: "IX_suppliers_OrganisationId_PeppolId",
                table: "suppliers",
                columns: new[] { "OrganisationId", "PeppolId" });

            migrationBuilder.CreateIndex(
                name: "IX_suppliers_OrganisationId_VatId",
                table: "suppliers",
                columns: new[] { "OrganisationId", "VatId" });

            migrationBuilder.CreateIndex(
                name: "IX_supplier_account_changes_OrganisationId_SupplierId",
                table: "supplier_account_changes",
                columns: new[] { "OrganisationId", "SupplierId" });

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_OrganisationId_SupplierId",
                table: "subscriptions",
                columns: new[] { "OrganisationId", "SupplierId" });

            migrationBuilder.CreateIndex(
                name: "IX_purchase_order_lines_OrganisationId_SupplierId",
                table: "purchase_order_lines",
                columns: new[] { "OrganisationId", "SupplierId" });

            migrationBuilder.CreateIndex(
                name: "IX_payroll_transactions_OrganisationId_TransactionId",
                table: "payroll_transactions",
                columns: new[] { "OrganisationId", "TransactionId" });

            migrationBuilder.CreateIndex(
                name: "IX_payroll_transactions_TransactionId_Accepted",
                table: "payroll_transactions",
                columns: new[] { "OrganisationId", "TransactionId" },
                unique: true,
                filter: "\"Status\" IN ('AwaitingAttestation', 'Attested', 'Posted')");

            migrationBuilder.CreateIndex(
                name: "IX_pay_rates_OrganisationId_PayCode_PayGroup_ValidFrom",
                table: "pay_rates",
                columns: new[] { "OrganisationId", "PayCode", "PayGroup", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_OrganisationId_DuplicateKey",
                table: "invoices",
                columns: new[] { "OrganisationId", "DuplicateKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_OrganisationId_SupplierId_IssueDate",
                table: "invoices",
                columns: new[] { "OrganisationId", "SupplierId", "IssueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_goods_receipts_OrganisationId_PoNumber_PoLine",
                table: "goods_receipts",
                columns: new[] { "OrganisationId", "PoNumber", "PoLine" });

            migrationBuilder.CreateIndex(
                name: "IX_employees_OrganisationId_PersonId",
                table: "employees",
                columns: new[] { "OrganisationId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_approvers_OrganisationId_UserId_CostCentre_Role",
                table: "approvers",
                columns: new[] { "OrganisationId", "UserId", "CostCentre", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_organisations_OrgNo",
                table: "organisations",
                column: "OrgNo");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropIndex(
                name: "IX_vouchers_OrganisationId_Series_FiscalYear_Number",
                table: "vouchers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_voucher_counters",
                table: "voucher_counters");

            migrationBuilder.DropPrimaryKey(
                name: "PK_suppliers",
                table: "suppliers");

            migrationBuilder.DropIndex(
                name: "IX_suppliers_OrganisationId_OrgNo",
                table: "suppliers");

            migrationBuilder.DropIndex(
                name: "IX_suppliers_OrganisationId_PeppolId",
                table: "suppliers");

            migrationBuilder.DropIndex(
                name: "IX_suppliers_OrganisationId_VatId",
                table: "suppliers");

            migrationBuilder.DropIndex(
                name: "IX_supplier_account_changes_OrganisationId_SupplierId",
                table: "supplier_account_changes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_subscriptions",
                table: "subscriptions");

            migrationBuilder.DropIndex(
                name: "IX_subscriptions_OrganisationId_SupplierId",
                table: "subscriptions");

            migrationBuilder.DropPrimaryKey(
                name: "PK_purchase_order_lines",
                table: "purchase_order_lines");

            migrationBuilder.DropIndex(
                name: "IX_purchase_order_lines_OrganisationId_SupplierId",
                table: "purchase_order_lines");

            migrationBuilder.DropIndex(
                name: "IX_payroll_transactions_OrganisationId_TransactionId",
                table: "payroll_transactions");

            migrationBuilder.DropIndex(
                name: "IX_payroll_transactions_TransactionId_Accepted",
                table: "payroll_transactions");

            migrationBuilder.DropIndex(
                name: "IX_pay_rates_OrganisationId_PayCode_PayGroup_ValidFrom",
                table: "pay_rates");

            migrationBuilder.DropPrimaryKey(
                name: "PK_pay_codes",
                table: "pay_codes");

            migrationBuilder.DropIndex(
                name: "IX_invoices_OrganisationId_DuplicateKey",
                table: "invoices");

            migrationBuilder.DropIndex(
                name: "IX_invoices_OrganisationId_SupplierId_IssueDate",
                table: "invoices");

            migrationBuilder.DropPrimaryKey(
                name: "PK_goods_receipts",
                table: "goods_receipts");

            migrationBuilder.DropIndex(
                name: "IX_goods_receipts_OrganisationId_PoNumber_PoLine",
                table: "goods_receipts");

            migrationBuilder.DropPrimaryKey(
                name: "PK_exchange_rates",
                table: "exchange_rates");

            migrationBuilder.DropPrimaryKey(
                name: "PK_employees",
                table: "employees");

            migrationBuilder.DropIndex(
                name: "IX_employees_OrganisationId_PersonId",
                table: "employees");

            migrationBuilder.DropPrimaryKey(
                name: "PK_cost_centres",
                table: "cost_centres");

            migrationBuilder.DropIndex(
                name: "IX_approvers_OrganisationId_UserId_CostCentre_Role",
                table: "approvers");

            migrationBuilder.DropPrimaryKey(
                name: "PK_accounts",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "vouchers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "voucher_counters");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "suppliers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "supplier_account_changes");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "subscriptions");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "run_chunks");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "purchase_order_lines");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "payroll_transactions");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "payment_files");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "pay_rates");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "pay_codes");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "invoices");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "goods_receipts");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "exchange_rates");

            migrationBuilder.DropColumn(
                name: "ToCurrency",
                table: "exchange_rates");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "employees");

            migrationBuilder.DropColumn(
                name: "Folder",
                table: "documents");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "cost_centres");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "approvers");

            migrationBuilder.DropColumn(
                name: "OrganisationId",
                table: "accounts");

            migrationBuilder.AddPrimaryKey(
                name: "PK_voucher_counters",
                table: "voucher_counters",
                columns: new[] { "Series", "FiscalYear" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_suppliers",
                table: "suppliers",
                column: "SupplierId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_subscriptions",
                table: "subscriptions",
                column: "SubscriptionId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_purchase_order_lines",
                table: "purchase_order_lines",
                columns: new[] { "PoNumber", "PoLine" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_pay_codes",
                table: "pay_codes",
                column: "Code");

            migrationBuilder.AddPrimaryKey(
                name: "PK_goods_receipts",
                table: "goods_receipts",
                column: "ReceiptId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_exchange_rates",
                table: "exchange_rates",
                columns: new[] { "Date", "Currency" });

            migrationBuilder.AddPrimaryKey(
                name: "PK_employees",
                table: "employees",
                column: "EmployeeId");

            migrationBuilder.AddPrimaryKey(
                name: "PK_cost_centres",
                table: "cost_centres",
                column: "Code");

            migrationBuilder.AddPrimaryKey(
                name: "PK_accounts",
                table: "accounts",
                column: "AccountNumber");

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_Series_FiscalYear_Number",
                table: "vouchers",
                columns: new[] { "Series", "FiscalYear", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_suppliers_OrgNo",
                table: "suppliers",
                column: "OrgNo");

            migrationBuilder.CreateIndex(
                name: "IX_suppliers_PeppolId",
                table: "suppliers",
                column: "PeppolId");

            migrationBuilder.CreateIndex(
                name: "IX_suppliers_VatId",
                table: "suppliers",
                column: "VatId");

            migrationBuilder.CreateIndex(
                name: "IX_supplier_account_changes_SupplierId",
                table: "supplier_account_changes",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_SupplierId",
                table: "subscriptions",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_purchase_order_lines_SupplierId",
                table: "purchase_order_lines",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_transactions_TransactionId",
                table: "payroll_transactions",
                column: "TransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_transactions_TransactionId_Accepted",
                table: "payroll_transactions",
                column: "TransactionId",
                unique: true,
                filter: "\"Status\" IN ('AwaitingAttestation', 'Attested', 'Posted')");

            migrationBuilder.CreateIndex(
                name: "IX_pay_rates_PayCode_PayGroup_ValidFrom",
                table: "pay_rates",
                columns: new[] { "PayCode", "PayGroup", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_DuplicateKey",
                table: "invoices",
                column: "DuplicateKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_SupplierId_IssueDate",
                table: "invoices",
                columns: new[] { "SupplierId", "IssueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_goods_receipts_PoNumber_PoLine",
                table: "goods_receipts",
                columns: new[] { "PoNumber", "PoLine" });

            migrationBuilder.CreateIndex(
                name: "IX_employees_PersonId",
                table: "employees",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_approvers_UserId_CostCentre_Role",
                table: "approvers",
                columns: new[] { "UserId", "CostCentre", "Role" },
                unique: true);
        }
    }
}
