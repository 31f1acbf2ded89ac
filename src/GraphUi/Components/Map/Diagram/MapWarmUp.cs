using Blazor.Diagrams.Core.Geometry;
using GraphApi.Networks;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Components.RenderTree;
using Microsoft.JSInterop;

namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// Draws one map off-screen after a start, so that the first person to open a map does not wait for the JIT of the map's
/// code (the diagram, the cards, the level of detail, the panels: 0.4–0.9 s on this machine, see docs/benchmarks.md). The
/// real <see cref="MapView"/> and the page's read-only panels render in a renderer of their own whose batches go nowhere,
/// with a browser that answers the diagram's one question (the map's size: a projector's 1280×720) and nothing else. It
/// reads and never writes: the network is handed over as a snapshot, and a network without saved positions is not drawn
/// (nothing would be laid out in the background for nobody).
/// </summary>
public sealed class MapWarmUp(IServiceScopeFactory scopes, NetworkService networks, ILoggerFactory loggers, ILogger<MapWarmUp> logger)
{
    /// <summary>Draws the map of the network, once: the cards it drew (none: the network has no saved positions), and whether the map came ready (fitted).</summary>
    public async Task<(int Cards, bool Ready)> DrawAsync(string networkId, CancellationToken ct = default)
    {
        if ((await networks.PositionsAsync(networkId, ct)).Count == 0) return (0, false);
        var snapshot = await networks.GetAsync(networkId, ct);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        // The map reads its query (?groups=); an address as a page request would give it.
        if (scope.ServiceProvider.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
            navigation.Initialize("http://127.0.0.1/", $"http://127.0.0.1/networks/{Uri.EscapeDataString(networkId)}");
        await using var renderer = new OffScreenRenderer(new OffScreenServices(scope.ServiceProvider), loggers);
        // The map page's parts that only read; the page itself would join the live session and show a guest to everyone.
        await renderer.DrawAsync<MapView>(new() { [nameof(MapView.NetworkId)] = networkId, [nameof(MapView.Snapshot)] = snapshot });
        // The map draws its cards once it knows its size, after its first render: a moment later.
        for (var waited = 0; !renderer.Ready && waited < 5_000; waited += 20) await Task.Delay(20, ct);
        await renderer.DrawAsync<FilterPanel>(new() { [nameof(FilterPanel.Snapshot)] = snapshot, [nameof(FilterPanel.Filter)] = new NetworkFilter() });
        await renderer.DrawAsync<Legend>([]);
        await renderer.DrawAsync<Panels.DetailsPanel>(new() { [nameof(Panels.DetailsPanel.NetworkId)] = networkId });
        logger.LogInformation("Drew the map of {Network} off-screen: {Cards} cards in {Milliseconds} ms", networkId, renderer.Cards.Count,
            (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return (renderer.Cards.Count, renderer.Ready);
    }

    /// <summary>The circuit's services, with a browser that only tells the map's size.</summary>
    private sealed class OffScreenServices(IServiceProvider inner) : IServiceProvider
    {
        private readonly IJSRuntime _browser = new Projector();

        public object? GetService(Type serviceType) => serviceType == typeof(IJSRuntime) ? _browser : inner.GetService(serviceType);
    }

    private sealed class Projector : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, default, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            ValueTask.FromResult(typeof(TValue) == typeof(Rectangle) ? (TValue)(object)new Rectangle(0, 0, 1280, 720) : default!);
    }

    /// <summary>An interactive renderer whose batches go nowhere; it notes the cards (<c>data-node-id</c>) it was asked to draw.</summary>
    /// <remarks>A renderer of one's own is what bunit and the framework's HtmlRenderer are: the render tree's types may change
    /// with a major .NET version (BL0006), and this class is where such a change would show.</remarks>
#pragma warning disable BL0006
    private sealed class OffScreenRenderer(IServiceProvider services, ILoggerFactory loggers) : Renderer(services, loggers)
    {
        private Exception? _failure;

        public HashSet<string> Cards { get; } = new(StringComparer.Ordinal);

        /// <summary>The map said <c>data-ready="true"</c>: it knew its size and fitted the drawing.</summary>
        public bool Ready { get; private set; }

        public override Dispatcher Dispatcher { get; } = Dispatcher.CreateDefault();

        protected override RendererInfo RendererInfo { get; } = new("Server", isInteractive: true);

        public Task DrawAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent =>
            Dispatcher.InvokeAsync(async () =>
            {
                var id = AssignRootComponentId(InstantiateComponent(typeof(TComponent)));
                await RenderRootComponentAsync(id, ParameterView.FromDictionary(parameters));
                if (_failure is not null) throw new InvalidOperationException("The map failed off-screen.", _failure);
            });

        protected override void HandleException(Exception exception) => _failure ??= exception;

        protected override Task UpdateDisplayAsync(in RenderBatch batch)
        {
            var frames = batch.ReferenceFrames;
            for (var i = 0; i < frames.Count; i++)
            {
                var frame = frames.Array[i];
                if (frame.FrameType != RenderTreeFrameType.Attribute) continue;
                if (frame.AttributeName == "data-node-id" && frame.AttributeValue is string id) Cards.Add(id);
                else if (frame.AttributeName == "data-ready" && frame.AttributeValue is "true") Ready = true;
            }
            return Task.CompletedTask;
        }
    }
#pragma warning restore BL0006
}
