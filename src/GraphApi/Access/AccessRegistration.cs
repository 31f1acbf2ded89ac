using GraphApi.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Access;

public static class AccessRegistration
{
    /// <summary>The one authorization service and what goes with it: bus notices, rights management, the hub's gate.</summary>
    public static IServiceCollection AddNetworkAccess(this IServiceCollection services)
    {
        services.AddSingleton<AccessEvents>();
        services.AddSingleton<NetworkAccess>();
        services.AddSingleton<NetworkRights>();
        services.AddSingleton<HubAccessFilter>();
        services.AddScoped<IUserDirectory, AccountDirectory>();
        services.AddSingleton<IFirstAdministratorHandler, SeedOwnership>();
        return services;
    }
}
