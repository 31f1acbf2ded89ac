using GraphApi.Storage;
using GraphApi.Storage.Neo4j;

namespace GraphApi.Tests.Storage.Neo4j;

/// <summary>The store contract on the real Neo4j 3.1.1 over its classic transactional HTTP endpoint.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jStoreContract(Neo4jServer server) : StoreContract
{
    protected override async Task<IGraphStore> StoreAsync()
    {
        Skip.If(server.SkipReason is not null, server.SkipReason);
        var store = new Neo4jGraphStore(server.Options("Auto"));
        await store.InitializeAsync();
        return store;
    }
}
