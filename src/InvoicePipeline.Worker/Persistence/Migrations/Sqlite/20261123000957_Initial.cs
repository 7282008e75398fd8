using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvoicePipeline.Worker.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "accounts",
                columns: table => new
                {
                    AccountNumber = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_accounts", x => x.AccountNumber);
                });

            migrationBuilder.CreateTable(
                name: "approvers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    CostCentre = table.Column<string>(type: "TEXT", nullable: false),
                    MaxAmount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Role = table.Column<string>(type: "TEXT", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_approvers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "cost_centres",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    ManagerUserId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cost_centres", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "decisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PolicyVersion = table.Column<string>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_decisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "documents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Channel = table.Column<string>(type: "TEXT", nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    ChunkNo = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_documents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "employees",
                columns: table => new
                {
                    EmployeeId = table.Column<string>(type: "TEXT", nullable: false),
                    PersonId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    EmploymentStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EmploymentEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CostCentre = table.Column<string>(type: "TEXT", nullable: false),
                    Country = table.Column<string>(type: "TEXT", nullable: false),
                    ManagerUserId = table.Column<string>(type: "TEXT", nullable: true),
                    PayGroup = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_employees", x => x.EmployeeId);
                });

            migrationBuilder.CreateTable(
                name: "exchange_rates",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 19, scale: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_exchange_rates", x => new { x.Date, x.Currency });
                });

            migrationBuilder.CreateTable(
                name: "goods_receipts",
                columns: table => new
                {
                    ReceiptId = table.Column<string>(type: "TEXT", nullable: false),
                    PoNumber = table.Column<string>(type: "TEXT", nullable: false),
                    PoLine = table.Column<string>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    ReceivedDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_goods_receipts", x => x.ReceiptId);
                });

            migrationBuilder.CreateTable(
                name: "history",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Subject = table.Column<string>(type: "TEXT", nullable: false),
                    SubjectId = table.Column<long>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Actor = table.Column<string>(type: "TEXT", nullable: false),
                    ActorRole = table.Column<string>(type: "TEXT", nullable: true),
                    Action = table.Column<string>(type: "TEXT", nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", nullable: true),
                    ToStatus = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RunId = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_history", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "id_blocks",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    NextId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_id_blocks", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SupplierId = table.Column<string>(type: "TEXT", nullable: true),
                    SellerName = table.Column<string>(type: "TEXT", nullable: true),
                    InvoiceNumber = table.Column<string>(type: "TEXT", nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", nullable: false),
                    TotalExclVat = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    VatTotal = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    TotalInclVat = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Payable = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    LedgerAmountExclVat = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    OrderReference = table.Column<string>(type: "TEXT", nullable: true),
                    ContractReference = table.Column<string>(type: "TEXT", nullable: true),
                    BuyerReference = table.Column<string>(type: "TEXT", nullable: true),
                    PaymentReference = table.Column<string>(type: "TEXT", nullable: true),
                    PayeeAccount = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Match = table.Column<string>(type: "TEXT", nullable: false),
                    MatchRef = table.Column<string>(type: "TEXT", nullable: true),
                    SubscriptionPeriod = table.Column<string>(type: "TEXT", nullable: true),
                    Exceptions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DuplicateKey = table.Column<string>(type: "TEXT", nullable: true),
                    PolicyVersion = table.Column<string>(type: "TEXT", nullable: true),
                    RegisteredBy = table.Column<string>(type: "TEXT", nullable: false),
                    CodedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", nullable: true),
                    AttestedBy = table.Column<string>(type: "TEXT", nullable: true),
                    AttestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PostedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VoucherId = table.Column<long>(type: "INTEGER", nullable: true),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    DocumentJson = table.Column<string>(type: "TEXT", nullable: false),
                    VatBreakdownJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "masterdata_imports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FileName = table.Column<string>(type: "TEXT", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_masterdata_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "pay_codes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Unit = table.Column<string>(type: "TEXT", nullable: false),
                    Account = table.Column<string>(type: "TEXT", nullable: false),
                    AllowedPayGroups = table.Column<string>(type: "TEXT", nullable: false),
                    MaxQuantity = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pay_codes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "pay_rates",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PayCode = table.Column<string>(type: "TEXT", nullable: false),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PayGroup = table.Column<string>(type: "TEXT", nullable: true),
                    Currency = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pay_rates", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payment_files",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MessageId = table.Column<string>(type: "TEXT", nullable: false),
                    Path = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false),
                    Transactions = table.Column<int>(type: "INTEGER", nullable: false),
                    ControlSum = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Cancelled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CancelledBy = table.Column<string>(type: "TEXT", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payment_files", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PaymentFileId = table.Column<long>(type: "INTEGER", nullable: false),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    ActiveInvoiceId = table.Column<long>(type: "INTEGER", nullable: true),
                    SupplierId = table.Column<string>(type: "TEXT", nullable: false),
                    AccountKind = table.Column<string>(type: "TEXT", nullable: false),
                    Account = table.Column<string>(type: "TEXT", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", nullable: true),
                    ExecutionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AttestedBy = table.Column<string>(type: "TEXT", nullable: true),
                    VoucherId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "payroll_transactions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    File = table.Column<string>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    TransactionId = table.Column<string>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<string>(type: "TEXT", nullable: true),
                    PayCode = table.Column<string>(type: "TEXT", nullable: false),
                    WorkDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 19, scale: 6, nullable: true),
                    Rate = table.Column<decimal>(type: "TEXT", precision: 19, scale: 6, nullable: true),
                    CorrectedRate = table.Column<decimal>(type: "TEXT", precision: 19, scale: 6, nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    Period = table.Column<string>(type: "TEXT", nullable: false),
                    CorrectsPeriod = table.Column<string>(type: "TEXT", nullable: true),
                    CostCentre = table.Column<string>(type: "TEXT", nullable: true),
                    Account = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", nullable: false),
                    Exceptions = table.Column<string>(type: "TEXT", nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ImportedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", nullable: true),
                    AttestedBy = table.Column<string>(type: "TEXT", nullable: true),
                    AttestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VoucherId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_payroll_transactions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "purchase_order_lines",
                columns: table => new
                {
                    PoNumber = table.Column<string>(type: "TEXT", nullable: false),
                    PoLine = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<string>(type: "TEXT", nullable: false),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", nullable: false),
                    Account = table.Column<string>(type: "TEXT", nullable: true),
                    CostCentre = table.Column<string>(type: "TEXT", nullable: true),
                    Project = table.Column<string>(type: "TEXT", nullable: true),
                    ItemId = table.Column<string>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    BuyerReference = table.Column<string>(type: "TEXT", nullable: true),
                    VatRate = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    OrderedBy = table.Column<string>(type: "TEXT", nullable: true),
                    OrderDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_purchase_order_lines", x => new { x.PoNumber, x.PoLine });
                });

            migrationBuilder.CreateTable(
                name: "run_chunks",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    ChunkNo = table.Column<int>(type: "INTEGER", nullable: false),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_run_chunks", x => new { x.RunId, x.ChunkNo });
                });

            migrationBuilder.CreateTable(
                name: "runs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    PostingDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Inbox = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OutDir = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    InputHash = table.Column<string>(type: "TEXT", nullable: false),
                    ManifestJson = table.Column<string>(type: "TEXT", nullable: false),
                    ChunkCount = table.Column<int>(type: "INTEGER", nullable: false),
                    AlreadySeen = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReportPath = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "staffing",
                columns: table => new
                {
                    Month = table.Column<string>(type: "TEXT", nullable: false),
                    Process = table.Column<string>(type: "TEXT", nullable: false),
                    Fte = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_staffing", x => new { x.Month, x.Process });
                });

            migrationBuilder.CreateTable(
                name: "subscriptions",
                columns: table => new
                {
                    SubscriptionId = table.Column<string>(type: "TEXT", nullable: false),
                    SupplierId = table.Column<string>(type: "TEXT", nullable: false),
                    Period = table.Column<string>(type: "TEXT", nullable: false),
                    AmountExclVat = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", nullable: false),
                    ContractRef = table.Column<string>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    TolerancePct = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Account = table.Column<string>(type: "TEXT", nullable: true),
                    CostCentre = table.Column<string>(type: "TEXT", nullable: true),
                    Project = table.Column<string>(type: "TEXT", nullable: true),
                    ValidFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subscriptions", x => x.SubscriptionId);
                });

            migrationBuilder.CreateTable(
                name: "supplier_account_changes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SupplierId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    OldNumber = table.Column<string>(type: "TEXT", nullable: true),
                    NewNumber = table.Column<string>(type: "TEXT", nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    VerifiedBy = table.Column<string>(type: "TEXT", nullable: true),
                    VerifiedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_supplier_account_changes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "suppliers",
                columns: table => new
                {
                    SupplierId = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    OrgNo = table.Column<string>(type: "TEXT", nullable: true),
                    VatId = table.Column<string>(type: "TEXT", nullable: true),
                    PeppolId = table.Column<string>(type: "TEXT", nullable: true),
                    Country = table.Column<string>(type: "TEXT", nullable: true),
                    Bankgiro = table.Column<string>(type: "TEXT", nullable: true),
                    Plusgiro = table.Column<string>(type: "TEXT", nullable: true),
                    Iban = table.Column<string>(type: "TEXT", nullable: true),
                    Bic = table.Column<string>(type: "TEXT", nullable: true),
                    DefaultAccount = table.Column<string>(type: "TEXT", nullable: true),
                    DefaultCostCentre = table.Column<string>(type: "TEXT", nullable: true),
                    PaymentTermsDays = table.Column<int>(type: "INTEGER", nullable: true),
                    Blocked = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_suppliers", x => x.SupplierId);
                });

            migrationBuilder.CreateTable(
                name: "voucher_counters",
                columns: table => new
                {
                    Series = table.Column<string>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    NextNumber = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voucher_counters", x => new { x.Series, x.FiscalYear });
                });

            migrationBuilder.CreateTable(
                name: "voucher_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    VoucherId = table.Column<long>(type: "INTEGER", nullable: false),
                    LineNo = table.Column<int>(type: "INTEGER", nullable: false),
                    Account = table.Column<string>(type: "TEXT", nullable: false),
                    CostCentre = table.Column<string>(type: "TEXT", nullable: true),
                    Project = table.Column<string>(type: "TEXT", nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voucher_lines", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "vouchers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Series = table.Column<string>(type: "TEXT", nullable: false),
                    FiscalYear = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: true),
                    PayrollBatch = table.Column<string>(type: "TEXT", nullable: true),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_vouchers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "invoice_exceptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_exceptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoice_exceptions_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invoice_lines",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InvoiceId = table.Column<long>(type: "INTEGER", nullable: false),
                    LineNo = table.Column<int>(type: "INTEGER", nullable: false),
                    LineId = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ItemId = table.Column<string>(type: "TEXT", nullable: true),
                    Quantity = table.Column<decimal>(type: "TEXT", precision: 19, scale: 6, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "TEXT", precision: 19, scale: 6, nullable: true),
                    NetAmount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    VatCategory = table.Column<string>(type: "TEXT", nullable: false),
                    VatRate = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    OrderLineReference = table.Column<string>(type: "TEXT", nullable: true),
                    PoNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PoLine = table.Column<string>(type: "TEXT", nullable: true),
                    Account = table.Column<string>(type: "TEXT", nullable: true),
                    CostCentre = table.Column<string>(type: "TEXT", nullable: true),
                    Project = table.Column<string>(type: "TEXT", nullable: true),
                    CodingSource = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoice_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_invoice_lines_invoices_InvoiceId",
                        column: x => x.InvoiceId,
                        principalTable: "invoices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_approvers_UserId_CostCentre_Role",
                table: "approvers",
                columns: new[] { "UserId", "CostCentre", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_decisions_InvoiceId",
                table: "decisions",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_documents_RunId_ChunkNo",
                table: "documents",
                columns: new[] { "RunId", "ChunkNo" });

            migrationBuilder.CreateIndex(
                name: "IX_documents_Sha256",
                table: "documents",
                column: "Sha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_employees_PersonId",
                table: "employees",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_goods_receipts_PoNumber_PoLine",
                table: "goods_receipts",
                columns: new[] { "PoNumber", "PoLine" });

            migrationBuilder.CreateIndex(
                name: "IX_history_At",
                table: "history",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_history_Subject_SubjectId",
                table: "history",
                columns: new[] { "Subject", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_invoice_exceptions_Code",
                table: "invoice_exceptions",
                column: "Code");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_exceptions_InvoiceId",
                table: "invoice_exceptions",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_invoice_lines_InvoiceId_LineNo",
                table: "invoice_lines",
                columns: new[] { "InvoiceId", "LineNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoice_lines_PoNumber_PoLine",
                table: "invoice_lines",
                columns: new[] { "PoNumber", "PoLine" });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_DocumentId",
                table: "invoices",
                column: "DocumentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_DuplicateKey",
                table: "invoices",
                column: "DuplicateKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_RunId",
                table: "invoices",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_Status",
                table: "invoices",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_invoices_SupplierId_IssueDate",
                table: "invoices",
                columns: new[] { "SupplierId", "IssueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_pay_rates_PayCode_PayGroup_ValidFrom",
                table: "pay_rates",
                columns: new[] { "PayCode", "PayGroup", "ValidFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payment_files_MessageId",
                table: "payment_files",
                column: "MessageId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_ActiveInvoiceId",
                table: "payments",
                column: "ActiveInvoiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payments_ExecutionDate",
                table: "payments",
                column: "ExecutionDate");

            migrationBuilder.CreateIndex(
                name: "IX_payments_InvoiceId",
                table: "payments",
                column: "InvoiceId");

            migrationBuilder.CreateIndex(
                name: "IX_payments_PaymentFileId",
                table: "payments",
                column: "PaymentFileId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_transactions_DocumentId_Line",
                table: "payroll_transactions",
                columns: new[] { "DocumentId", "Line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_payroll_transactions_EmployeeId_PayCode_WorkDate",
                table: "payroll_transactions",
                columns: new[] { "EmployeeId", "PayCode", "WorkDate" });

            migrationBuilder.CreateIndex(
                name: "IX_payroll_transactions_RunId",
                table: "payroll_transactions",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_payroll_transactions_Status_Period",
                table: "payroll_transactions",
                columns: new[] { "Status", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_payroll_transactions_TransactionId",
                table: "payroll_transactions",
                column: "TransactionId");

            migrationBuilder.CreateIndex(
                name: "IX_purchase_order_lines_SupplierId",
                table: "purchase_order_lines",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_runs_Key",
                table: "runs",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_subscriptions_SupplierId",
                table: "subscriptions",
                column: "SupplierId");

            migrationBuilder.CreateIndex(
                name: "IX_supplier_account_changes_SupplierId",
                table: "supplier_account_changes",
                column: "SupplierId");

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
                name: "IX_voucher_lines_VoucherId_LineNo",
                table: "voucher_lines",
                columns: new[] { "VoucherId", "LineNo" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_Date",
                table: "vouchers",
                column: "Date");

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_InvoiceId",
                table: "vouchers",
                column: "InvoiceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_vouchers_Series_FiscalYear_Number",
                table: "vouchers",
                columns: new[] { "Series", "FiscalYear", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "accounts");

            migrationBuilder.DropTable(
                name: "approvers");

            migrationBuilder.DropTable(
                name: "cost_centres");

            migrationBuilder.DropTable(
                name: "decisions");

            migrationBuilder.DropTable(
                name: "documents");

            migrationBuilder.DropTable(
                name: "employees");

            migrationBuilder.DropTable(
                name: "exchange_rates");

            migrationBuilder.DropTable(
                name: "goods_receipts");

            migrationBuilder.DropTable(
                name: "history");

            migrationBuilder.DropTable(
                name: "id_blocks");

            migrationBuilder.DropTable(
                name: "invoice_exceptions");

            migrationBuilder.DropTable(
                name: "invoice_lines");

            migrationBuilder.DropTable(
                name: "masterdata_imports");

            migrationBuilder.DropTable(
                name: "pay_codes");

            migrationBuilder.DropTable(
                name: "pay_rates");

            migrationBuilder.DropTable(
                name: "payment_files");

            migrationBuilder.DropTable(
                name: "payments");

            migrationBuilder.DropTable(
                name: "payroll_transactions");

            migrationBuilder.DropTable(
                name: "purchase_order_lines");

            migrationBuilder.DropTable(
                name: "run_chunks");

            migrationBuilder.DropTable(
                name: "runs");

            migrationBuilder.DropTable(
                name: "staffing");

            migrationBuilder.DropTable(
                name: "subscriptions");

            migrationBuilder.DropTable(
                name: "supplier_account_changes");

            migrationBuilder.DropTable(
                name: "suppliers");

            migrationBuilder.DropTable(
                name: "voucher_counters");

            migrationBuilder.DropTable(
                name: "voucher_lines");

            migrationBuilder.DropTable(
                name: "vouchers");

            migrationBuilder.DropTable(
                name: "invoices");
        }
    }
}
