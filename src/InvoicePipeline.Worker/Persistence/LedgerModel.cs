using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Persistence;

internal static class LedgerModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<VoucherEntry>(e =>
        {
            e.ToTable("vouchers");
            e.HasIndex(x => new { x.OrganisationId, x.Series, x.FiscalYear, x.Number }).IsUnique();
            // An invoice has at most one voucher: the database is the last guard against double posting.
            e.HasIndex(x => x.InvoiceId).IsUnique();
            e.HasIndex(x => x.Date);
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        b.Entity<VoucherLineEntry>(e =>
        {
            e.ToTable("voucher_lines");
            e.HasIndex(x => new { x.VoucherId, x.LineNo }).IsUnique();
            e.Property(x => x.Id).ValueGeneratedNever();
        });
        b.Entity<VoucherSeriesCounter>(e =>
        {
            e.ToTable("voucher_counters");
            e.HasKey(x => new { x.OrganisationId, x.Series, x.FiscalYear });
        });
        b.Entity<PeriodLock>(e =>
        {
            e.ToTable("period_locks");
            e.HasIndex(x => new { x.Organisation, x.Month }).IsUnique();
            e.Property(x => x.Month).HasMaxLength(7);
        });
        b.Entity<PaymentFile>(e =>
        {
            e.ToTable("payment_files");
            e.HasIndex(x => x.MessageId).IsUnique();
            e.Ignore(x => x.State);
        });
        b.Entity<Payment>(e =>
        {
            e.ToTable("payments");
            e.HasIndex(x => x.ActiveInvoiceId).IsUnique();
            e.HasIndex(x => x.InvoiceId);
            e.HasIndex(x => x.ExecutionDate);
            e.HasIndex(x => x.PaymentFileId);
        });
        b.Entity<IdBlock>(e =>
        {
            e.ToTable("id_blocks");
            e.HasKey(x => x.Name);
        });
        b.Entity<PipelineRun>(e =>
        {
            e.ToTable("runs");
            e.HasKey(x => x.Id);
            e.HasIndex(x => x.Key);
            e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Error).HasMaxLength(4000);
            e.Property(x => x.Inbox).HasMaxLength(1000);
            e.Property(x => x.OutDir).HasMaxLength(1000);
            e.Property(x => x.ReportPath).HasMaxLength(1000);
        });
        b.Entity<RunChunk>(e =>
        {
            e.ToTable("run_chunks");
            e.HasKey(x => new { x.RunId, x.ChunkNo });
        });
        b.Entity<Alert>(e =>
        {
            e.ToTable("alerts");
            e.HasIndex(x => new { x.Kind, x.Subject }).IsUnique();
            e.Property(x => x.Kind).HasMaxLength(100);
            e.Property(x => x.Subject).HasMaxLength(200);
            e.Property(x => x.Message).HasMaxLength(4000);
            e.Property(x => x.AcknowledgedReason).HasMaxLength(4000);
        });
    }
}
