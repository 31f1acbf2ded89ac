using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GraphApi.Live;

public static class LiveRegistration
{
    /// <summary>
    /// The live bus: in process, or with <paramref name="redis"/> (Live:Redis, a StackExchange.Redis configuration
    /// string such as "127.0.0.1:6379") Redis pub/sub for the bus and SignalR's Redis backplane for the hub's groups.
    /// </summary>
    public static IServiceCollection AddLiveBus(this IServiceCollection services, ISignalRServerBuilder signalR, string? redis)
    {
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddSingleton<ILiveBus, InProcessLiveBus>();
            return services;
        }
        services.AddSingleton<ILiveBus>(sp => new RedisLiveBus(redis, sp.GetRequiredService<ILogger<RedisLiveBus>>()));
        signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("networkgraph:hub"));
        return services;
    }
}
