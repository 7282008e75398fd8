using InvoicePipeline.Worker.Tests.Support;

namespace InvoicePipeline.Worker.Tests.Cli;

public sealed class CliFacts
{
    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run", "--once", "--no-such-option")]
    [InlineData("import", "masterdata")]
    [InlineData("run")]
    public async Task UsageErrors_ExitWith2(params string[] args) =>
        Assert.Equal(2, await Worker.Cli.Cli.RunAsync(args));

    [Fact]
    public async Task AMissingInbox_ExitsWith3()
    {
        await using var db = await TestDatabase.CreateAsync(Hosting.DatabaseProvider.Sqlite);
        var code = await Worker.Cli.Cli.RunAsync(["run", "--once", "--inbox", Path.Combine(db.Folder, "nope"), "--db", db.ConnectionString, "--json"]);
        Assert.Equal(3, code);
    }

    [Fact]
    public async Task AnInvalidMasterDataFile_ExitsWith3()
    {
        await using var db = await TestDatabase.CreateAsync(Hosting.DatabaseProvider.Sqlite);
        var dir = Directory.CreateDirectory(Path.Combine(db.Folder, "md")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dir, "accounts.csv"), "account\n4010\n", TestContext.Current.CancellationToken);
        Assert.Equal(3, await Worker.Cli.Cli.RunAsync(["import", "masterdata", dir, "--db", db.ConnectionString]));
    }
}
