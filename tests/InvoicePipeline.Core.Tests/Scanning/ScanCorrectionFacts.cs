using InvoicePipeline.Scanning;
using InvoicePipeline.Tests.Scanning.Support;

namespace InvoicePipeline.Tests.Scanning;

public sealed class ScanCorrectionFacts
{
    private static readonly ScanResult Misread =
        ScanReader.Read(PageBuilder.SwedishInvoice(l => l == "Att betala" ? "SEK 12 800,00" : null).Words, SupplierLookups.None);

    [Fact]
    public void Apply_ClearsLowConfidence_WhenTheCorrectionMakesTheAmountsAddUp()
    {
        var corrected = ScanCorrection.Apply(Misread, new Dictionary<string, string> { [ScanField.Total] = "12 500,00" }, SupplierLookups.None);

        Assert.True(Misread.IsLowConfidence);
        Assert.False(corrected.IsLowConfidence);
        Assert.Equal(12500m, corrected.Invoice.Totals.Payable);
        Assert.Equal(FieldSource.Reviewer, corrected.Capture.Fields[ScanField.Total].Source);
        Assert.Equal("12 500,00", corrected.Capture.Corrections[ScanField.Total]);
        Assert.Equal("12800.00", corrected.Capture.Raw[ScanField.Total].Value);
    }

    [Fact]
    public void Apply_KeepsLowConfidence_WhenTheCorrectedAmountsStillDoNotAddUp()
    {
        var corrected = ScanCorrection.Apply(Misread, new Dictionary<string, string> { [ScanField.Total] = "12 600,00" }, SupplierLookups.None);

        Assert.True(corrected.IsLowConfidence);
        Assert.Contains(ScanField.Total, corrected.Capture.Doubtful);
    }

    [Fact]
    public void Apply_KeepsEarlierCorrections_WhenCorrectingAgain()
    {
        var first = ScanCorrection.Apply(Misread, new Dictionary<string, string> { [ScanField.OrderReference] = "PO-1" }, SupplierLookups.None);
        var second = ScanCorrection.Apply(first, new Dictionary<string, string> { [ScanField.Total] = "12500.00" }, SupplierLookups.None);

        Assert.Equal("PO-1", second.Invoice.OrderReference);
        Assert.Equal(2, second.Capture.Corrections.Count);
        Assert.False(second.IsLowConfidence);
    }

    [Fact]
    public void Apply_DoubtsACorrectionThatHasNotTheFieldsShape()
    {
        var corrected = ScanCorrection.Apply(Misread, new Dictionary<string, string> { [ScanField.DueDate] = "next week" }, SupplierLookups.None);

        Assert.Contains(ScanField.DueDate, corrected.Capture.Doubtful);
    }

    [Fact]
    public void Apply_Throws_ForAFieldThatDoesNotExist() =>
        Assert.Throws<ArgumentException>(() => ScanCorrection.Apply(Misread, new Dictionary<string, string> { ["Colour"] = "red" }, SupplierLookups.None));
}
