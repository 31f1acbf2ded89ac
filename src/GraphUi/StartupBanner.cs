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
    }
}
