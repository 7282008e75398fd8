using InvoicePipeline.Invoices;
using InvoicePipeline.Validation;

namespace InvoicePipeline.Worker.Ingestion.EInvoices;

/// <summary>
/// Entry point of e-invoice intake: bytes and a file name in, an invoice with findings (or a rejection) out.
/// No I/O besides the given bytes; never throws for bad input, so one hostile file cannot stop a batch.
/// </summary>
public static class EInvoiceReader
{
    private const string UblInvoice = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    private const string UblCreditNote = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    private const string Svefaktura = "urn:sfti:documents:BasicInvoice:1:0";

    public static ReadResult Read(Stream stream, string fileName, EInvoiceReaderOptions? options = null)
    {
        options ??= EInvoiceReaderOptions.Default;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > options.MaxDocumentBytes)
                return ReadResult.Invalid(fileName, $"exceeds the limit of {options.MaxDocumentBytes} bytes");
            buffer.Write(chunk, 0, n);
        }
        return Read(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), fileName, options);
    }

    public static ReadResult Read(ReadOnlyMemory<byte> bytes, string fileName, EInvoiceReaderOptions? options = null)
    {
        options ??= EInvoiceReaderOptions.Default;
        var (root, error) = SafeXmlLoader.Load(bytes, options);
        if (root is null) return ReadResult.Invalid(fileName, error ?? "unreadable");

        var (kind, syntax, reason) = Identify(root);
        if (reason is not null) return ReadResult.Invalid(fileName, reason);

        var findings = new List<Finding>();
        if (options.ValidateSchema && syntax == "UBL-2.1") findings.AddRange(UblSchema.Validate(bytes));
        var invoice = UblMapper.Map(root, kind, syntax, options);
        EInvoiceValidator.Validate(root, invoice, findings);
        var violation = Findings.RuleViolation(findings);
        return new ReadResult(invoice, findings, violation);
    }

    /// <summary>What the root says the document is, or why it is not a document we take.</summary>
    internal static (DocumentKind Kind, string Syntax, string? Reason) Identify(UblElement root)
    {
        var ns = root.Name.NamespaceName;
        var local = root.Name.LocalName;
        if (ns.Contains("CrossIndustryInvoice", StringComparison.Ordinal) || local == "CrossIndustryInvoice")
            return (default, "", "UN/CEFACT Cross Industry Invoice (CII) is not supported; send UBL 2.1 (Peppol BIS Billing 3.0)");
        if (ns == Svefaktura && local == "Invoice") return (DocumentKind.Invoice, "Svefaktura-1.0", null);
        if (ns == UblInvoice && local == "CreditNote" || ns == UblCreditNote && local == "Invoice")
            return (default, "", $"root element {local} does not match its namespace {ns}: a credit note posing as an invoice (or the reverse)");
        if (ns == UblInvoice && local == "Invoice")
        {
            if (root.El("CreditNoteTypeCode") is not null || root.El("CreditNoteLine") is not null)
                return (default, "", "a CreditNote posing as an Invoice: the Invoice root holds CreditNoteTypeCode/CreditNoteLine elements");
            return (DocumentKind.Invoice, SyntaxOf(root), null);
        }
        if (ns == UblCreditNote && local == "CreditNote")
        {
            if (root.El("InvoiceTypeCode") is not null || root.El("InvoiceLine") is not null)
                return (default, "", "an Invoice posing as a CreditNote: the CreditNote root holds InvoiceTypeCode/InvoiceLine elements");
            return (DocumentKind.CreditNote, SyntaxOf(root), null);
        }
        var what = ns.Length == 0 ? local : $"{{{ns}}}{local}";
        return (default, "", $"root element {what} is not a UBL 2.1 Invoice or CreditNote (nor OIOUBL or Svefaktura 1.0)");
    }

    private static string SyntaxOf(UblElement root)
    {
        var customization = root.El("CustomizationID").Text() ?? "";
        if (customization.StartsWith("OIOUBL-2.02", StringComparison.Ordinal)) return "OIOUBL-2.02";
        if (customization.StartsWith("OIOUBL-2", StringComparison.Ordinal)) return "OIOUBL-2.1";
        return "UBL-2.1";
    }
}
