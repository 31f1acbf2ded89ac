using GraphApi.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GraphApi.Tests.Storage;

/// <summary>The store contract on the embedded store: one SQLite file per test.</summary>
public sealed class SqliteStoreContract : StoreContract, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("networkgraph-contract-").FullName;

    protected override async Task<IGraphStore> StoreAsync()
    {
        var store = new SqliteGraphStore(Options.Create(new StoreOptions { DatabasePath = Path.Combine(_folder, "graph.db") }));
        await store.InitializeAsync();
        return store;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
