using System.Diagnostics;
using System.Threading.Channels;

namespace InvoicePipeline.Worker.Hosting;

/// <summary>
/// Two stages that overlap: a producer on its own task runs at most <c>depth</c> items ahead of the consumer, so reading
/// and building the next batch costs nothing while the database writes the previous one. A failure on either side
/// stops both; the producer's exception reaches the consumer's caller.
/// </summary>
public static class ReadAhead
{
    /// <summary>Consumes every item of <paramref name="items"/> in order; returns how long the consumer waited for the producer.</summary>
    public static async Task<TimeSpan> ConsumeAsync<T>(IAsyncEnumerable<T> items, Func<T, Task> consume, CancellationToken ct, int depth = 2)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(depth) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in items.WithCancellation(stop.Token)) await channel.Writer.WriteAsync(item, stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, CancellationToken.None);
        var waited = TimeSpan.Zero;
        try
        {
            while (true)
            {
                var start = Stopwatch.GetTimestamp();
                if (!await channel.Reader.WaitToReadAsync(ct)) break;
                waited += Stopwatch.GetElapsedTime(start);
                await consume(await channel.Reader.ReadAsync(ct));
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
        return waited;
    }
}
