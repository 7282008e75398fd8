using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvoicePipeline.Worker.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Travel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mileage_rates",
                columns: table => new
                {
                    Vehicle = table.Column<string>(type: "TEXT", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    PerKm = table.Column<decimal>(type: "TEXT", precision: 19, scale: 6, nullable: false),
                    PerKmTaxable = table.Column<decimal>(type: "TEXT", precision: 19, scale: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mileage_rates", x => new { x.Vehicle, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "per_diem_rates",
                columns: table => new
                {
                    Country = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    FullDay = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: false),
                    HalfDay = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    Night = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_per_diem_rates", x => new { x.Country, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "travel_claims",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DocumentId = table.Column<long>(type: "INTEGER", nullable: false),
                    RunId = table.Column<string>(type: "TEXT", nullable: false),
                    File = table.Column<string>(type: "TEXT", nullable: false),
                    Line = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimId = table.Column<string>(type: "TEXT", nullable: false),
                    EmployeeId = table.Column<string>(type: "TEXT", nullable: false),
                    LineType = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TripId = table.Column<string>(type: "TEXT", nullable: true),
                    Departure = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Return = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Country = table.Column<string>(type: "TEXT", nullable: true),
                    Overnight = table.Column<bool>(type: "INTEGER", nullable: false),
                    DistanceKm = table.Column<decimal>(type: "TEXT", precision: 19, scale: 3, nullable: true),
                    MealsProvided = table.Column<string>(type: "TEXT", nullable: true),
                    Km = table.Column<decimal>(type: "TEXT", precision: 19, scale: 3, nullable: true),
                    Vehicle = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimedAmount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    ClaimedVat = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    Currency = table.Column<string>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", nullable: true),
                    ReceiptRef = table.Column<string>(type: "TEXT", nullable: true),
                    ReportedBy = table.Column<string>(type: "TEXT", nullable: true),
                    ImportedBy = table.Column<string>(type: "TEXT", nullable: true),
                    Corrects = table.Column<string>(type: "TEXT", nullable: true),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    TaxFree = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    Taxable = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    NetAmount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    VatAmount = table.Column<decimal>(type: "TEXT", precision: 19, scale: 4, nullable: true),
                    CostCentre = table.Column<string>(type: "TEXT", nullable: true),
                    Period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Exceptions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    AttestedBy = table.Column<string>(type: "TEXT", nullable: true),
                    AttestedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    VoucherId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReversedByVoucherId = table.Column<long>(type: "INTEGER", nullable: true),
                    CorrectedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_travel_claims", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_travel_claims_ClaimId",
                table: "travel_claims",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_travel_claims_DocumentId_Line",
                table: "travel_claims",
                columns: new[] { "DocumentId", "Line" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_travel_claims_EmployeeId",
                table: "travel_claims",
                column: "EmployeeId");

            migrationBuilder.CreateIndex(
                name: "IX_travel_claims_RunId",
                table: "travel_claims",
                column: "RunId");

            migrationBuilder.CreateIndex(
                name: "IX_travel_claims_Status_Period",
                table: "travel_claims",
                columns: new[] { "Status", "Period" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mileage_rates");

            migrationBuilder.DropTable(
                name: "per_diem_rates");

            migrationBuilder.DropTable(
                name: "travel_claims");
        }
    }
}
