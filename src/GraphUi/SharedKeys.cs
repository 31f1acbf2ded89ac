using Microsoft.AspNetCore.DataProtection;

namespace GraphUi;

/// <summary>
/// The data-protection keys that sign and encrypt cookies, antiforgery tokens and Blazor circuit state. One instance
/// keeps them where ASP.NET Core puts them by default (the user's profile); several instances behind a load balancer
/// must share them, or a token issued by one is refused by the next: <c>DataProtection:KeysPath</c> names a folder every
/// instance reads and writes (a network share or a volume), and the application name is fixed, so that instances in
/// different folders or containers form one application. See docs/deployment.md.
/// </summary>
public static class SharedKeys
{
    /// <summary>The one application name of every instance (by default ASP.NET Core takes the content root path).</summary>
    public const string ApplicationName = "NetworkGraph";

    public static IServiceCollection AddSharedKeys(this IServiceCollection services, IConfiguration configuration)
    {
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (configuration["DataProtection:KeysPath"] is { Length: > 0 } path)
            protection.PersistKeysToFileSystem(Directory.CreateDirectory(path));
        return services;
    }
}
