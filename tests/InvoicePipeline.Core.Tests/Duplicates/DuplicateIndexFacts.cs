using InvoicePipeline.Duplicates;
using InvoicePipeline.Invoices;

namespace InvoicePipeline.Tests.Duplicates;

public sealed class DuplicateIndexFacts
{
    private static InvoiceKey Key(string supplier, string number, decimal total, int day) =>
        new(supplier, InvoiceNumber.Key(number), total, "SEK", new DateOnly(2026, 11, day));

    [Fact]
    public void Check_GivesTheSameAnswersAsTheRuleOverAllKeys()
    {
        var accepted = new[] { Key("S1", "F-001", 100m, 1), Key("S1", "F-002", 250m, 3), Key("S2", "F-001", 100m, 1) };
        var index = new DuplicateIndex(accepted);
        var candidates = new[]
        {
            Key("S1", " f-001", 999m, 20), // same number, other case and spaces
            Key("S1", "F 001", 999m, 21), // the same but for its separator: suspect
            Key("S1", "F-003", 250m, 9),  // same total within 7 days
            Key("S1", "F-004", 250m, 11), // same total, 8 days later
            Key("S3", "F-001", 100m, 1),  // other supplier
        };
        foreach (var c in candidates)
            Assert.Equal(DuplicateCheck.Check(c, accepted)?.Code, index.Check(c)?.Code);
        Assert.Equal(ExceptionCode.Duplicate, index.Check(candidates[0])?.Code);
        Assert.Equal(ExceptionCode.SuspectedDuplicate, index.Check(candidates[1])?.Code);
        Assert.Equal(ExceptionCode.SuspectedDuplicate, index.Check(candidates[2])?.Code);
        Assert.Null(index.Check(candidates[3]));
        Assert.Null(index.Check(candidates[4]));
    }

    [Fact]
    public void Add_MakesALaterInvoiceOfTheSameChunkADuplicate()
    {
        var index = new DuplicateIndex([]);
        var first = Key("S1", "A-1", 10m, 1);
        Assert.Null(index.Check(first));
        index.Add(first);
        Assert.Equal(ExceptionCode.Duplicate, index.Check(Key("S1", "a-1 ", 10m, 1))?.Code);
    }
}
