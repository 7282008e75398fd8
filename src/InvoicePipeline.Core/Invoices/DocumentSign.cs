namespace InvoicePipeline.Invoices;

/// <summary>
/// The one sign rule for every syntax: how a document's stated amounts are booked and paid.
/// <list type="bullet">
/// <item>a UBL CreditNote (Peppol, OIOUBL) is -1, whatever its type code;</item>
/// <item>an Invoice root with a credit-note type code (Svefaktura 1.0's 381, also 396 and 532) is -1: Svefaktura has no
/// CreditNote root, its credit note states positive amounts under InvoiceTypeCode 381;</item>
/// <item>everything else is +1, a negative invoice included: its amounts are already negative, and booked as stated.</item>
/// </list>
/// Signed amount = stated amount × sign. A document whose signed payable is below zero is a credit the supplier owes
/// us (a credit note, or a negative invoice), never a payment to make.
/// </summary>
public static class DocumentSign
{
    public static int Of(DocumentKind kind, string? typeCode) =>
        kind == DocumentKind.CreditNote || typeCode is "381" or "396" or "532" ? -1 : 1;

    public static decimal Signed(decimal stated, int sign) => sign < 0 ? -stated : stated;

    /// <summary>invoice, creditnote or scanned: how the run report and the pages name the document.</summary>
    public static string Describe(DocumentKind kind, int sign) =>
        sign < 0 ? "creditnote" : kind == DocumentKind.Scanned ? "scanned" : "invoice";
}
