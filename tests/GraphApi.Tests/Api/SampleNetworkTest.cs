using System.Text;

namespace GraphApi.Tests.Api;

/// <summary>A test class whose tests each start from their own app holding <see cref="Samples.Small"/> as network "kreis".</summary>
public abstract class SampleNetworkTest : IAsyncLifetime
{
    protected readonly TestApp _app = new();
    protected HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = _app.CreateClient();
        (await _app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    protected static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
