using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace InvoicePipeline.Worker.Tests.Support;

/// <summary>Keeps every log event written through it (event id, level, rendered message), for tests of what operators see.</summary>
public sealed class CollectingLogger : ILogger, ILoggerFactory, ILoggerProvider
{
    public sealed record Entry(string Category, EventId EventId, LogLevel Level, string Message);

    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly string _category;

    public CollectingLogger() : this("", new ConcurrentQueue<Entry>())
    {
    }

    private CollectingLogger(string category, ConcurrentQueue<Entry> entries) => (_category, _entries) = (category, entries);

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public IReadOnlyList<Entry> Of(int eventId) => [.. _entries.Where(e => e.EventId.Id == eventId)];

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue(new Entry(_category, eventId, logLevel, formatter(state, exception)));

    public bool IsEnabled(LogLevel logLevel) => true;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, _entries);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
