using GraphApi.Exchange;
using GraphApi.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphApi.Seeding;

/// <summary>Loads the networks in the seed folder into a store that holds none, so a first start shows real maps.</summary>
public sealed class SeedLoader(IGraphStore store, NetworkExchange exchange, IOptions<StoreOptions> options, ILogger<SeedLoader> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (!options.Value.SeedOnEmpty || (await store.ListNetworksAsync(ct)).Count > 0) return;
        var folder = options.Value.SeedFolder ?? Path.Combine(AppContext.BaseDirectory, "seed");
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("No seed folder at {Folder}; starting with no networks.", folder);
            return;
        }
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var document = NetworkExchange.Parse(await File.ReadAllTextAsync(file, ct));
            var set = await exchange.ImportAsync(document, "seed", ct);
            logger.LogInformation("Seeded network {Network} from {File} with {Count} entries.", set.NetworkId, Path.GetFileName(file), set.Changes.Count - 1);
        }
    }
}
