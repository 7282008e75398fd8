using InvoicePipeline.Matching;
using InvoicePipeline.Invoices;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Tests.Cli;

public sealed class InvoiceCommandFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Act_AppliesTheSameRulesAsTheDashboard_AndABadBatchFileAppliesNothing()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        long id;
        await using (var ctx = db.Open())
            id = (await ctx.Invoices.SingleAsync(i => i.InvoiceNumber == "IK-5570", Ct)).Id; // PRICE_VARIANCE, CC300

        string[] Args(params string[] a) => [.. a, "--db", db.ConnectionString];
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "david.ekonom", "--invoice", $"{id}", "--action", "Accept", "--reason", "price agreed")));
        // The accountant may not attest; the exit code says something was refused.
        Assert.Equal(3, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "david.ekonom", "--invoice", $"{id}", "--action", "Attest")));

        var batch = Path.Combine(db.Folder, "decisions.csv");
        await File.WriteAllTextAsync(batch, $"invoice_id,action,reason\n{id},Attest,\n{id},Approve,typo\n", Ct);
        Assert.Equal(3, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "bo.chef", "--file", batch)));
        await using (var ctx = db.Open())
            Assert.Equal(InvoiceStatus.AwaitingAttestation, (await ctx.Invoices.AsNoTracking().SingleAsync(i => i.Id == id, Ct)).Status);

        await File.WriteAllTextAsync(batch, $"invoice_id,action,reason\n{id},Attest,\n", Ct);
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "bo.chef", "--file", batch)));
        await using (var ctx = db.Open())
        {
            var i = await ctx.Invoices.AsNoTracking().SingleAsync(x => x.Id == id, Ct);
            Assert.Equal(InvoiceStatus.Attested, i.Status);
            Assert.Equal("bo.chef", i.AttestedBy);
        }
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(Args("invoice", "show", $"{id}", "--json")));
        Assert.Equal(3, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "nobody", "--invoice", $"{id}", "--action", "Hold", "--reason", "x")));
    }

    [Fact]
    public async Task Recode_ResolvesMissingCoding_AndPick_ReMatchesWithTheChosenOrder()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        string[] Args(params string[] a) => [.. a, "--db", db.ConnectionString];
        long uncoded, unmatched;
        await using (var ctx = db.Open())
        {
            uncoded = (await ctx.Invoices.SingleAsync(i => i.InvoiceNumber == "NL-1", Ct)).Id;   // MISSING_CODING
            unmatched = (await ctx.Invoices.SingleAsync(i => i.InvoiceNumber == "88503", Ct)).Id; // NO_MATCH (and suspected duplicate)
        }
        Assert.Equal(3, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "david.ekonom", "--invoice", $"{uncoded}", "--action", "Recode", "--reason", "9999;CC100")));
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "david.ekonom", "--invoice", $"{uncoded}", "--action", "Recode", "--reason", "4010;CC100;P-1")));
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "david.ekonom", "--invoice", $"{unmatched}", "--action", "PickMatch", "--reason", "PO-1002")));
        await using (var ctx = db.Open())
        {
            var recoded = await ctx.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == uncoded, Ct);
            Assert.Equal("david.ekonom", recoded.CodedBy);
            Assert.All(recoded.Lines, l => Assert.Equal(("4010", "CC100", "P-1", "Person"), (l.Account, l.CostCentre, l.Project, l.CodingSource)));
            Assert.DoesNotContain("MISSING_CODING", recoded.Exceptions, StringComparison.Ordinal);
            var picked = await ctx.Invoices.AsNoTracking().Include(i => i.Lines).SingleAsync(i => i.Id == unmatched, Ct);
            Assert.Equal(("order", "PO-1002"), (picked.Match.Name(), picked.MatchRef));
            Assert.Contains("PRICE_VARIANCE", picked.Exceptions, StringComparison.Ordinal); // 2,300 against an order line of 18,500
            Assert.DoesNotContain("NO_MATCH", picked.Exceptions, StringComparison.Ordinal);
            Assert.Equal(InvoiceStatus.AwaitingReview, picked.Status);
            Assert.Contains(await ctx.Decisions.AsNoTracking().Where(d => d.InvoiceId == unmatched).ToListAsync(Ct), d => d.Rule == "PRICE_VARIANCE");
        }
    }

    [Fact]
    public async Task Bug_18_TheFirstReviewer_MayNotAttest_AfterASendBack_OnTheCommandLine_OrInABatch()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await PipelineHost.RunSamplesAsync(db);
        long id, picked;
        await using (var ctx = db.Open())
        {
            id = (await ctx.Invoices.SingleAsync(i => i.InvoiceNumber == "F2026-1150", Ct)).Id; // BANK_ACCOUNT_MISMATCH, CC100 (anna's authority)
            picked = (await ctx.Invoices.SingleAsync(i => i.InvoiceNumber == "88503", Ct)).Id;  // NO_MATCH
        }
        string[] Args(params string[] a) => [.. a, "--db", db.ConnectionString];
        // anna reviews, cecilia sends back, david reviews again: ReviewedBy is david's, the history still has anna's accept.
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "anna.manager", "--invoice", $"{id}", "--action", "Accept", "--reason", "account confirmed")));
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "bo.chef", "--invoice", $"{id}", "--action", "SendBack", "--reason", "call the supplier again")));
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "david.ekonom", "--invoice", $"{id}", "--action", "Accept", "--reason", "confirmed twice")));
        var output = new StringWriter();
        var stdout = Console.Out;
        Console.SetOut(output);
        try
        {
            Assert.Equal(3, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "anna.manager", "--invoice", $"{id}", "--action", "Attest")));
        }
        finally
        {
            Console.SetOut(stdout);
        }
        Assert.Contains("Segregation of duties: you reviewed (accepted)", output.ToString(), StringComparison.Ordinal);

        // The same hole through a decisions.csv batch: anna picks the match, david accepts, anna's batch attests.
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "anna.manager", "--invoice", $"{picked}", "--action", "PickMatch", "--reason", "PO-1002")));
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "david.ekonom", "--invoice", $"{picked}", "--action", "Accept", "--reason", "price agreed")));
        var batch = Path.Combine(db.Folder, "decisions.csv");
        await File.WriteAllTextAsync(batch, $"invoice_id,action,reason\n{id},Attest,\n{picked},Attest,\n", Ct);
        Assert.Equal(3, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "anna.manager", "--file", batch)));
        await using (var ctx = db.Open())
        {
            Assert.All(await ctx.Invoices.AsNoTracking().Where(i => i.Id == id || i.Id == picked).ToListAsync(Ct), i => Assert.Equal(InvoiceStatus.AwaitingAttestation, i.Status));
            var pick = await ctx.History.AsNoTracking().SingleAsync(h => h.SubjectId == picked && h.Action == "pickmatch", Ct);
            Assert.Equal("anna.manager", pick.Actor);
        }
    }
}
