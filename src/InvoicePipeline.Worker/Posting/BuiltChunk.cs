using InvoicePipeline.Posting;
using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Posting;

/// <summary>
/// One chunk as the reader hands it to the writer: the id range it covers, each invoice with its row version when
/// read and its voucher, and the invoices that cannot be posted with the code and reason.
/// </summary>
internal sealed record BuiltChunk(long Low, long High, List<BuiltVoucher> Built, List<RefusedInvoice> Refused);

internal readonly record struct BuiltVoucher(SupplierInvoice Invoice, string Version, Voucher Voucher);

internal readonly record struct RefusedInvoice(SupplierInvoice Invoice, string Version, string Code, string Reason);

/// <summary>An invoice id with its row version when read (PostgreSQL's xmin; empty on SQLite, which has one writer).</summary>
public sealed record InvoiceVersion(long Id, string Version);
