using InvoicePipeline.Duplicates;
using InvoicePipeline.Invoices;

namespace InvoicePipeline.Tests.Duplicates;

public sealed class DuplicateCheckFacts
{
    private static readonly DateOnly Day = new(2026, 3, 10);
    private static readonly InvoiceKey Accepted = new("S1", InvoiceNumber.Key("INV-0012"), 1250m, "SEK", Day, "inbox/a.xml", InvoiceId: 41);

    [Fact]
    public void Check_RaisesDuplicate_ForSameSupplierKindAndNumber_UpToCaseAndSurroundingSpaces()
    {
        var found = DuplicateCheck.Find(new InvoiceKey("S1", InvoiceNumber.Key("  inv-0012 "), 99m, "SEK", Day.AddDays(40)), [Accepted]);
        Assert.Equal(ExceptionCode.Duplicate, found?.Issue.Code);
        Assert.Contains("inbox/a.xml", found!.Issue.Reason, StringComparison.Ordinal);
        Assert.Equal(41, found.Earlier.InvoiceId);
    }

    [Fact]
    public void Check_KeepsInnerPunctuation_SoNumbersThatDifferOnlyInSeparatorsAreSuspectNotDuplicate()
    {
        var one = new InvoiceKey("S1", InvoiceNumber.Key("1-01"), 10m, "SEK", Day);
        var issue = DuplicateCheck.Check(new InvoiceKey("S1", InvoiceNumber.Key("11"), 20m, "SEK", Day.AddDays(30)), [one]);
        Assert.Equal(ExceptionCode.SuspectedDuplicate, issue?.Code);
        Assert.NotEqual(InvoiceNumber.Key("1-01"), InvoiceNumber.Key("11"));
    }

    [Fact]
    public void Check_AcceptsACreditNoteNumberedLikeAnInvoice()
    {
        var credit = new InvoiceKey("S1", InvoiceNumber.Key("INV-0012"), 99m, "SEK", Day.AddDays(40), Sign: -1);
        Assert.Null(DuplicateCheck.Check(credit, [Accepted]));
        Assert.NotEqual(Accepted.Stored, credit.Stored);
        Assert.Equal("S1|C|INV-0012", credit.Stored);
    }

    [Fact]
    public void Check_RaisesSuspectedDuplicate_ForSameTotalWithinSevenDays() =>
        Assert.Equal(ExceptionCode.SuspectedDuplicate, DuplicateCheck.Check(new InvoiceKey("S1", "INV13", 1250m, "SEK", Day.AddDays(7)), [Accepted])?.Code);

    [Fact]
    public void Check_AcceptsSameTotal_EightDaysApart() =>
        Assert.Null(DuplicateCheck.Check(new InvoiceKey("S1", "INV13", 1250m, "SEK", Day.AddDays(-8)), [Accepted]));

    [Fact]
    public void Check_AcceptsSameNumber_FromAnotherSupplier() =>
        Assert.Null(DuplicateCheck.Check(new InvoiceKey("S2", "INV-0012", 1250m, "SEK", Day), [Accepted]));

    [Fact]
    public void Check_AcceptsSameTotal_InAnotherCurrency() =>
        Assert.Null(DuplicateCheck.Check(new InvoiceKey("S1", "INV13", 1250m, "EUR", Day), [Accepted]));
}
