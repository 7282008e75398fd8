using InvoicePipeline.Invoices;

namespace InvoicePipeline.Tests.Posting;

/// <summary>The one sign rule for every syntax.</summary>
public sealed class DocumentSignFacts
{
    [Theory]
    [InlineData(DocumentKind.Invoice, "380", 1)]     // Peppol / OIOUBL / Svefaktura invoice
    [InlineData(DocumentKind.CreditNote, "381", -1)] // Peppol / OIOUBL credit note
    [InlineData(DocumentKind.CreditNote, null, -1)]  // a CreditNote root without type code
    [InlineData(DocumentKind.Invoice, "381", -1)]    // Svefaktura 1.0 credit note: an Invoice root, positive amounts
    [InlineData(DocumentKind.Invoice, "383", 1)]     // debit note
    [InlineData(DocumentKind.Scanned, null, 1)]
    public void Of_SignsEveryKindAndTypeCode(DocumentKind kind, string? typeCode, int expected)
    {
        Assert.Equal(expected, DocumentSign.Of(kind, typeCode));
        Assert.Equal(expected, new Invoice { Kind = kind, TypeCode = typeCode }.Sign);
    }

    [Fact]
    public void Signed_TurnsACreditNotesPositiveAmountNegative_AndLeavesANegativeInvoiceAsStated()
    {
        Assert.Equal(-725.00m, DocumentSign.Signed(725.00m, -1));
        Assert.Equal(-725.00m, DocumentSign.Signed(-725.00m, 1));
        Assert.Equal("creditnote", DocumentSign.Describe(DocumentKind.Invoice, -1));
        Assert.Equal("invoice", DocumentSign.Describe(DocumentKind.Invoice, 1));
    }
}
