using InvoicePipeline.Worker.Cli;
using InvoicePipeline.Worker.Dashboard;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;

namespace InvoicePipeline.Worker.Tests.Cli;

/// <summary>Issue 18: the command line acts as the person of the operating-system account or token, never as a typed name.</summary>
public sealed class CliIdentityFacts
{
    private static readonly List<DashboardUser> Users =
    [
        new() { UserId = "fiona.finance", Roles = ["finance"], OsAccount = "fiona", TokenHash = Passwords.Hash("fiona-secret-token") },
        new() { UserId = "bo.chef", Roles = ["approver", "nonsense"], PasswordHash = Passwords.Hash("demo") },
    ];

    [Fact]
    public void TheOsAccount_OrAPersonalToken_DecidesWhoActs_AndATypedUserIsOnlyAClaim()
    {
        var fiona = CliIdentity.Resolve(Users, DatabaseProvider.Postgres, "FIONA", null, null);
        Assert.Equal("fiona.finance", fiona.UserId);
        Assert.True(fiona.Has("finance"));
        Assert.Equal("fiona.finance", CliIdentity.Resolve(Users, DatabaseProvider.Postgres, "root", "fiona-secret-token", "fiona.finance").UserId);
        Assert.Throws<ConfigurationException>(() => CliIdentity.Resolve(Users, DatabaseProvider.Postgres, "root", "guessed", null));
        var claim = Assert.Throws<ConfigurationException>(() => CliIdentity.Resolve(Users, DatabaseProvider.Sqlite, "fiona", null, "bo.chef"));
        Assert.Contains("someone else", claim.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ATypedUser_NamesALocalDemoUser_OnlyOnTheEmbeddedStorage()
    {
        var demo = CliIdentity.Resolve(Users, DatabaseProvider.Sqlite, "root", null, "bo.chef");
        Assert.Equal(["approver"], demo.Roles); // roles the dashboard knows only
        Assert.Throws<ConfigurationException>(() => CliIdentity.Resolve(Users, DatabaseProvider.Postgres, "root", null, "bo.chef"));
        Assert.Throws<ConfigurationException>(() => CliIdentity.Resolve(Users, DatabaseProvider.Sqlite, "root", null, "fiona.finance")); // no local password: not a demo user
        Assert.Throws<ConfigurationException>(() => CliIdentity.Resolve(Users, DatabaseProvider.Sqlite, "root", null, null));
        Assert.Throws<ConfigurationException>(() => demo.Require("finance", "release payment files"));
    }

    [Fact]
    public async Task Bug_18_OnPostgres_ATypedUserActsAsNobody_ForInvoicesPayrollAndPayments()
    {
        await using var db = await Support.TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await Support.PipelineHost.RunSamplesAsync(db);
        string[] Args(params string[] a) => [.. a, "--provider", "Postgres", "--db", db.ConnectionString];
        long id;
        await using (var ctx = db.Open())
            id = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(ctx.Invoices).Single(i => i.InvoiceNumber == "IK-5570").Id;
        Assert.Equal(3, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--user", "david.ekonom", "--invoice", $"{id}", "--action", "Accept", "--reason", "typed")));
        Assert.Equal(3, await Worker.Cli.Cli.RunAsync(Args("payroll", "act", "--user", "anna.manager", "--action", "attest")));
        Assert.Equal(3, await Worker.Cli.Cli.RunAsync(Args("payments", "cancel", "--user", "fiona.finance", "--file-id", "1")));
        // Mapped to the account this process runs as, the same accountant may act.
        var me = new Dictionary<string, string?>
        {
            ["Pipeline:Dashboard:Users:90:UserId"] = "dora.ekonom", ["Pipeline:Dashboard:Users:90:Roles:0"] = "accountant", ["Pipeline:Dashboard:Users:90:OsAccount"] = Environment.UserName,
        };
        Assert.Equal(0, await Worker.Cli.Cli.RunAsync(Args("invoice", "act", "--invoice", $"{id}", "--action", "Accept", "--reason", "price agreed"), me));
        await using (var ctx = db.Open())
        {
            var i = Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(ctx.Invoices).Single(x => x.Id == id);
            Assert.Equal(("dora.ekonom", InvoicePipeline.Invoices.InvoiceStatus.AwaitingAttestation), (i.ReviewedBy, i.Status));
        }
    }
}
