using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Persistence;
using Microsoft.EntityFrameworkCore;

namespace InvoicePipeline.Worker.Tests.Persistence;

public sealed class MigrationFacts
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void TheModel_HasNoChangesThatAMigrationDoesNotCover(DatabaseProvider provider)
    {
        using var db = Database.Open(provider, provider == DatabaseProvider.Sqlite ? "Data Source=:memory:" : "Host=localhost;Database=unused");
        Assert.False(db.Database.HasPendingModelChanges(), $"run `dotnet ef migrations add` for {provider} (see Persistence/Migrations.md)");
    }
}
