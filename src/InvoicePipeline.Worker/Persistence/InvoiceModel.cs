using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Persistence;

internal static class InvoiceModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ReceivedDocument>(e =>
        {
            e.ToTable("documents");
            e.HasIndex(x => x.Sha256).IsUnique();
            e.HasIndex(x => new { x.RunId, x.ChunkNo });
            e.Property(x => x.FileName).HasMaxLength(1000);
            e.Property(x => x.Channel).HasConversion(v => Ingestion.DocumentChannels.Folder(v), v => Ingestion.DocumentChannels.Parse(v));
        });
        b.Entity<SupplierInvoice>(e =>
        {
            e.ToTable("invoices");
            e.Property(x => x.Id).ValueGeneratedNever(); // from id_blocks, so a chunk bulk-copies invoices and their children
            e.HasIndex(x => x.DocumentId).IsUnique();
            e.HasIndex(x => new { x.OrganisationId, x.DuplicateKey }).IsUnique();
            e.HasIndex(x => new { x.OrganisationId, x.SupplierId, x.IssueDate });
            e.Property(x => x.OrganisationId).HasMaxLength(40);
            e.HasIndex(x => x.Status);
            e.HasIndex(x => x.RunId);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(40);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Match).HasConversion(v => Matching.MatchKinds.Name(v), v => Matching.MatchKinds.Parse(v));
            e.Property(x => x.Exceptions).HasMaxLength(2000);
            e.HasMany(x => x.Lines).WithOne().HasForeignKey(x => x.InvoiceId);
            e.HasMany(x => x.Issues).WithOne().HasForeignKey(x => x.InvoiceId);
        });
        b.Entity<SupplierInvoiceLine>(e =>
        {
            e.ToTable("invoice_lines");
            e.HasIndex(x => new { x.InvoiceId, x.LineNo }).IsUnique();
            e.HasIndex(x => new { x.PoNumber, x.PoLine });
            e.Property(x => x.Quantity).HasPrecision(19, 6);
            e.Property(x => x.UnitPrice).HasPrecision(19, 6);
            e.Property(x => x.Description).HasMaxLength(2000);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        });
        b.Entity<InvoiceException>(e =>
        {
            e.ToTable("invoice_exceptions");
            e.HasIndex(x => x.Code);
            e.Property(x => x.Reason).HasMaxLength(4000);
        });
        b.Entity<DecisionRecord>(e =>
        {
            e.ToTable("decisions");
            e.HasIndex(x => x.InvoiceId);
            e.Property(x => x.Explanation).HasMaxLength(4000);
        });
        b.Entity<PayrollEntry>(e =>
        {
            e.ToTable("payroll_transactions");
            e.HasIndex(x => new { x.DocumentId, x.Line }).IsUnique();
            e.HasIndex(x => new { x.OrganisationId, x.TransactionId });
            // The last guard against paying a transaction twice: at most one accepted row per transaction id of an organisation.
            e.HasIndex(x => new { x.OrganisationId, x.TransactionId }, "IX_payroll_transactions_TransactionId_Accepted").IsUnique()
                .HasFilter("\"Status\" IN ('AwaitingAttestation', 'Attested', 'Posted')");
            // No index on (employee, pay code, work date): duplicates are checked in memory against the accepted rows,
            // which the intake loads by status. It served no query, and a random-order btree is what a bulk write pays most for.
            e.HasIndex(x => new { x.Status, x.Period });
            e.HasIndex(x => x.RunId);
            e.Property(x => x.Status).HasConversion<string>();
            e.Property(x => x.Quantity).HasPrecision(19, 6);
            e.Property(x => x.Rate).HasPrecision(19, 6);
            e.Property(x => x.CorrectedRate).HasPrecision(19, 6);
        });
        b.Entity<StatusChange>(e =>
        {
            e.ToTable("history");
            e.HasIndex(x => new { x.Subject, x.SubjectId });
            e.HasIndex(x => x.At);
            e.Property(x => x.Reason).HasMaxLength(4000);
        });
    }
}
