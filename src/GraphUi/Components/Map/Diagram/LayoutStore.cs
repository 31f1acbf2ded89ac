using System.Collections.Concurrent;
using GraphApi.Domain;
using GraphApi.Live;
using GraphApi.Networks;
using GraphApi.Storage;

namespace GraphUi.Components.Map.Diagram;

/// <summary>
/// Positions per network and layout. The force layout is the shared map (the positions the API, the report and the
/// exports read); the other layouts are kept beside it under "layout\u001fid" keys. A layout is computed once, when
/// a network has no positions for it, and saved; later opens only read. "Aufräumen" computes it again for everyone
/// and keeps the previous positions so that anyone can undo it.
/// </summary>
public sealed class LayoutStore(NetworkService networks, IGraphStore store, ILogger<LayoutStore> logger)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, NodePosition>> _beforeTidy = new(StringComparer.Ordinal);

    /// <summary>Whether an undo of "Aufräumen" is available changed (network, layout).</summary>
    public event Action<string, string>? TidyChanged;

    public static Func<string, (double W, double H)> SizeIn(NetworkView view)
    {
        var types = view.Nodes.ToDictionary(n => n.Id, n => n.EntityKind, StringComparer.Ordinal);
        return id => types.GetValueOrDefault(id) switch
        {
            EntityKind.Actor => (ActorNode.Width, ActorNode.Height),
            EntityKind.Body => (BodyNode.Width, BodyNode.Height),
            EntityKind.Person => (PersonNode.Width, PersonNode.Height),
            _ => (TagNode.Width, TagNode.Height),
        };
    }

    /// <summary>The saved positions of a layout; computed and saved first when the network has none for it.</summary>
    public async Task<IReadOnlyDictionary<string, NodePosition>> LoadAsync(string networkId, string layout, NetworkView view, CancellationToken ct = default)
    {
        var saved = await ReadAsync(networkId, layout, ct);
        if (saved.Count > 0 || view.Nodes.Count == 0) return saved;
        var gate = _gates.GetOrAdd($"{networkId}\u001f{layout}", _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            saved = await ReadAsync(networkId, layout, ct);
            if (saved.Count > 0) return saved;
            var computed = await Task.Run(() => MapLayouts.Compute(layout, view, SizeIn(view)), ct);
            await WriteAsync(networkId, layout, computed, "", ct);
            return computed;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The layout moved nodes belong to: the force layout is the shared map.</summary>
    public static string LayoutOf(NodesMoved moved) => moved.Layout ?? MapLayouts.Force;

    /// <summary>Saves moved nodes; the live session tells every open map of that layout, on every instance.</summary>
    public async Task SaveAsync(string networkId, string layout, IReadOnlyDictionary<string, NodePosition> positions, string by, CancellationToken ct = default)
    {
        if (positions.Count == 0) return;
        await WriteAsync(networkId, layout, positions, by, ct);
    }

    /// <summary>"Aufräumen": lays out the visible nodes again, for everyone; the old positions stay for an undo.</summary>
    public async Task TidyAsync(string networkId, string layout, NetworkView view, string by, CancellationToken ct = default)
    {
        var before = await ReadAsync(networkId, layout, ct);
        var computed = await Task.Run(() => MapLayouts.Compute(layout, view, SizeIn(view)), ct);
        _beforeTidy[$"{networkId}\u001f{layout}"] = before.Where(p => computed.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        await SaveAsync(networkId, layout, computed, by, ct);
        TidyChanged?.Invoke(networkId, layout);
    }

    public bool CanUndoTidy(string networkId, string layout) => _beforeTidy.ContainsKey($"{networkId}\u001f{layout}");

    public async Task UndoTidyAsync(string networkId, string layout, string by, CancellationToken ct = default)
    {
        if (!_beforeTidy.TryRemove($"{networkId}\u001f{layout}", out var before)) return;
        await SaveAsync(networkId, layout, before, by, ct);
        TidyChanged?.Invoke(networkId, layout);
    }

    private async Task<IReadOnlyDictionary<string, NodePosition>> ReadAsync(string networkId, string layout, CancellationToken ct)
    {
        if (layout == MapLayouts.Force) return await networks.PositionsAsync(networkId, ct);
        var prefix = layout + NetworkService.LayoutSeparator;
        return (await store.LoadPositionsAsync(networkId, ct)).Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal);
    }

    private async Task WriteAsync(string networkId, string layout, IReadOnlyDictionary<string, NodePosition> positions, string by, CancellationToken ct)
    {
        try
        {
            await networks.SavePositionsAsync(networkId, positions, by, layout == MapLayouts.Force ? null : layout, ct);
        }
        catch (ValidationFailedException e)
        {
            // A node deleted meanwhile: its position is not worth an error on screen.
            logger.LogInformation("Positions not saved for {Network}: {Errors}", networkId, string.Join("; ", e.Errors.ToDictionary().Keys));
        }
    }
}
