using System.Collections.Concurrent;
using GraphApi.Domain;
using Microsoft.AspNetCore.SignalR;

namespace GraphApi.Live;

/// <summary>
/// A token bucket per connection: a burst of calls is fine, a flood is refused with an error to that
/// caller only. Dragging a node sends a few calls a second; a misbehaving client sends hundreds.
/// </summary>
public sealed class HubThrottle(TimeProvider clock) : IHubFilter
{
    public const double CallsPerSecond = 20, Burst = 60;

    private readonly ConcurrentDictionary<string, Bucket> _buckets = new();

    private sealed class Bucket(double tokens, long stamp)
    {
        public double Tokens = tokens;
        public long Stamp = stamp;
    }

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var now = clock.GetTimestamp();
        var bucket = _buckets.GetOrAdd(context.Context.ConnectionId, _ => new Bucket(Burst, now));
        lock (bucket)
        {
            bucket.Tokens = Math.Min(Burst, bucket.Tokens + clock.GetElapsedTime(bucket.Stamp, now).TotalSeconds * CallsPerSecond);
            bucket.Stamp = now;
            if (bucket.Tokens < 1)
                throw new HubException(Texts.Say("Zu viele Aufrufe: bitte langsamer.", "Too many calls: please slow down."));
            bucket.Tokens -= 1;
        }
        return await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _buckets.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }
}
