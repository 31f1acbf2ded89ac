using System.Text.Json;
using GraphApi.Domain;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GraphApi.Live;

/// <summary>
/// One notice on the live bus. <see cref="Origin"/> is the sending instance; <see cref="Payload"/> is JSON.
/// Types: <c>committed</c> (a network moved to a revision), <c>deleted</c>, <c>presence</c> (one instance's
/// participants of a network), <c>presenting</c> (someone began to present: every other presenter stops),
/// <c>follow</c> (the presenter's view), <c>moved</c> (nodes moved), <c>revoked</c> (someone lost access: their
/// circuits and connections close), <c>account</c> (an account changed: its tokens, connections and circuits are checked again).
/// </summary>
public sealed record BusMessage(string Type, string NetworkId, string Origin, string Payload = "null");

/// <summary>
/// The one live bus every instance shares: commit notices, presence, "Folgen" and revoked rights reach every Blazor
/// circuit and hub client on every instance through it. In process by default; Redis pub/sub when Live:Redis is set.
/// </summary>
public interface ILiveBus
{
    /// <summary>This instance, as <see cref="BusMessage.Origin"/> names it.</summary>
    string InstanceId { get; }

    Task PublishAsync(BusMessage message);

    /// <summary>Every message, this instance's own included, in the order the bus delivers them.</summary>
    event Action<BusMessage>? Received;
}

public static class LiveBusTypes
{
    public const string Committed = "committed", Deleted = "deleted", Presence = "presence", Revoked = "revoked",
        Presenting = "presenting", Follow = "follow", Moved = "moved";

    /// <summary>acc10: an account was locked, unlocked or its password reset (payload: the user id); see AccountSessions.</summary>
    public const string Account = "account";
}

/// <summary>One instance: messages go straight to its subscribers.</summary>
public sealed class InProcessLiveBus : ILiveBus
{
    public string InstanceId { get; } = NewInstanceId();

    public event Action<BusMessage>? Received;

    public Task PublishAsync(BusMessage message)
    {
        Received?.Invoke(message);
        return Task.CompletedTask;
    }

    public static string NewInstanceId() => $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";
}

/// <summary>
/// Several instances: one Redis pub/sub channel. Redis delivers a channel's messages in publish order to each
/// subscriber, so the notices of one instance arrive in the order it sent them.
/// </summary>
public sealed class RedisLiveBus : ILiveBus, IDisposable
{
    public const string Channel = "networkgraph:live";
    private readonly ConnectionMultiplexer _redis;
    private readonly ILogger<RedisLiveBus> _logger;

    public RedisLiveBus(string configuration, ILogger<RedisLiveBus> logger)
    {
        _logger = logger;
        _redis = ConnectionMultiplexer.Connect(configuration);
        _redis.GetSubscriber().Subscribe(RedisChannel.Literal(Channel)).OnMessage(OnMessage);
    }

    public string InstanceId { get; } = InProcessLiveBus.NewInstanceId();

    public event Action<BusMessage>? Received;

    public Task PublishAsync(BusMessage message) =>
        _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(Channel), JsonSerializer.Serialize(message, GraphJson.Options));

    private void OnMessage(ChannelMessage message)
    {
        try
        {
            if (JsonSerializer.Deserialize<BusMessage>(message.Message.ToString(), GraphJson.Options) is { } parsed) Received?.Invoke(parsed);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            _logger.LogWarning(e, "Ignored a malformed message on {Channel}", Channel);
        }
    }

    public void Dispose() => _redis.Dispose();
}
