using GraphApi.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace GraphUi;

/// <summary>Says where the running app can be reached and which store it uses.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var store = app.Services.GetRequiredService<IOptions<StoreOptions>>().Value;
        foreach (var address in addresses) Console.WriteLine($"NetworkGraph is running at {address}");
        var graphStore = app.Services.GetRequiredService<IGraphStore>();
        Console.WriteLine(graphStore is GraphApi.Storage.Neo4j.Neo4jGraphStore
            ? $"Store: {StoreHealthCheck.Describe(graphStore)}"
            : $"Store: {Path.GetFullPath(store.DatabasePath)}");
        // A fresh machine without Auth:Admin: the first person to open this link creates the administrator account.
        if (app.Services.GetRequiredService<GraphApi.Accounts.SetupLink>().Path is { } setup && addresses.FirstOrDefault() is { } first)
        {
            Console.WriteLine($"No administrator yet. Create one (once) at: {first.TrimEnd('/')}{setup}");
            Console.WriteLine($"Noch kein Administrator. Einmalig hier anlegen: {first.TrimEnd('/')}{setup}");
        }
    }
}
