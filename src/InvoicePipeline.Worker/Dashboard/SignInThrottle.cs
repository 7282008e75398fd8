using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace InvoicePipeline.Worker.Dashboard;

/// <summary>
/// Failed sign-ins within a window, per user name and per client address: past the limit an attempt is refused before
/// its password is checked (guessing one person's password, or many people's from one address). A success does not
/// clear the count, so a guesser cannot reset it with a known account.
/// </summary>
public sealed class SignInThrottle(IOptionsMonitor<DashboardOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    public bool IsRefused(string user, string address)
    {
        var o = options.CurrentValue;
        return Count("user:" + user.ToUpperInvariant()) >= o.SignInFailuresPerUser
            || Count("address:" + address) >= o.SignInFailuresPerAddress;
    }

    public void Failed(string user, string address)
    {
        var now = clock.GetUtcNow();
        _failures.GetOrAdd("user:" + user.ToUpperInvariant(), _ => new()).Enqueue(now);
        _failures.GetOrAdd("address:" + address, _ => new()).Enqueue(now);
    }

    private int Count(string key)
    {
        if (!_failures.TryGetValue(key, out var times)) return 0;
        var since = clock.GetUtcNow() - TimeSpan.FromMinutes(options.CurrentValue.SignInWindowMinutes);
        while (times.TryPeek(out var first) && first < since) times.TryDequeue(out _);
        return times.Count;
    }
}
