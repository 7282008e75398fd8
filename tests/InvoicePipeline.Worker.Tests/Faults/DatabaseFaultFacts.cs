using System.Data.Common;
using InvoicePipeline.Invoices;
using InvoicePipeline.Scanning;
using InvoicePipeline.Worker.Hosting;
using InvoicePipeline.Worker.Ingestion.Scanned;
using InvoicePipeline.Worker.Persistence;
using InvoicePipeline.Worker.Tests.Scanned.Support;
using InvoicePipeline.Worker.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace InvoicePipeline.Worker.Tests.Faults;

/// <summary>Issue 19: retries repeat database calls only; OCR and parsing run once per chunk attempt.</summary>
public sealed class DatabaseFaultFacts
{
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Once armed, fails the next statement on id_blocks (the chunk's first write after reading) as a busy database would.</summary>
    private sealed class FailOnce : DbCommandInterceptor
    {
        private int _armed;
        public int Thrown;

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        private void Check(DbCommand command)
        {
            if (command.CommandText.Contains("id_blocks", StringComparison.Ordinal) && Interlocked.Exchange(ref _armed, 0) == 1)
            {
                Interlocked.Increment(ref Thrown);
                throw new SqliteException("database is locked (injected by the test)", 5);
            }
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    /// <summary>The real engine, counting its images; each call arms the fault.</summary>
    private sealed class CountingEngine(IOcrEngine inner, FailOnce fault) : IOcrEngine
    {
        public int Calls;

        public Task<IReadOnlyList<OcrWord>> RecognizeAsync(string imagePath, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Calls);
            fault.Arm();
            return inner.RecognizeAsync(imagePath, cancellationToken);
        }
    }

    [Fact]
    public async Task ATransientDatabaseFault_AfterTheScansWereRead_RetriesTheDatabaseStep_NotTheOcr()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var inbox = Samples.CopyInbox(db.Folder, "scanned");
        var fault = new FailOnce();
        var engine = new CountingEngine(RealTesseract.Engine(), fault);
        await using var host = await PipelineHost.StartAsync(db, services: s =>
        {
            s.ConfigureDbContext<SqlitePipelineDbContext>(o => o.AddInterceptors(fault));
            s.AddSingleton<IOcrEngine>(engine);
        });

        var outcome = await host.RunAsync(inbox, Samples.MasterData, Path.Combine(db.Folder, "out"));

        Assert.Null(outcome.Run.Error);
        Assert.Equal(1, fault.Thrown);
        // The sample scans: two PNGs, a JPEG and an image PDF go through OCR (the text PDF does not), each once.
        Assert.Equal(4, engine.Calls);
        await using var ctx = db.Open();
        Assert.Equal(5, await ctx.Invoices.CountAsync(i => i.Status != InvoiceStatus.Rejected, Ct));
        Assert.Equal(1, (await ctx.RunChunks.AsNoTracking().SingleAsync(c => c.RunId == outcome.Run.Id, Ct)).Attempts);
    }
}
