using InvoicePipeline.Duplicates;
using InvoicePipeline.Invoices;

namespace InvoicePipeline.Tests.Duplicates;

public sealed class DuplicateCheckFacts
{
    private static readonly DateOnly Day = new(2026, 3, 10);
    private static readonly InvoiceKey Accepted = new("S1", InvoiceNumber.Normalise("INV-0012"), 1250m, "SEK", Day, "inbox/a.xml");

    [Fact]
    public void Check_RaisesDuplicate_ForSameSupplierAndNormalisedNumber()
    {
        var issue = DuplicateCheck.Check(new InvoiceKey("S1", InvoiceNumber.Normalise("inv 12"), 99m, "SEK", Day.AddDays(40)), [Accepted]);
        Assert.Equal(ExceptionCode.Duplicate, issue?.Code);
        Assert.Contains("inbox/a.xml", issue!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_RaisesSuspectedDuplicate_ForSameTotalWithinSevenDays() =>
        Assert.Equal(ExceptionCode.SuspectedDuplicate, DuplicateCheck.Check(new InvoiceKey("S1", "INV13", 1250m, "SEK", Day.AddDays(7)), [Accepted])?.Code);

    [Fact]
    public void Check_AcceptsSameTotal_EightDaysApart() =>
        Assert.Null(DuplicateCheck.Check(new InvoiceKey("S1", "INV13", 1250m, "SEK", Day.AddDays(-8)), [Accepted]));

    [Fact]
    public void Check_AcceptsSameNumber_FromAnotherSupplier() =>
        Assert.Null(DuplicateCheck.Check(new InvoiceKey("S2", "INV12", 1250m, "SEK", Day), [Accepted]));

    [Fact]
    public void Check_AcceptsSameTotal_InAnotherCurrency() =>
        Assert.Null(DuplicateCheck.Check(new InvoiceKey("S1", "INV13", 1250m, "EUR", Day), [Accepted]));
}
