using System.Globalization;
using GraphApi.Domain;
using GraphApi.Networks;
using GraphApi.Storage;
using Microsoft.AspNetCore.SignalR;

namespace GraphApi.Live;

/// <summary>
/// /hubs/network: one group per network. Edits go through the HTTP API (one validation, one transaction);
/// the hub tells every open map about them, and carries what only matters live: who is here, what they
/// selected, where nodes were dragged, and what a presenter shows. A bad call gets an error to its caller
/// only, and nothing is sent to anyone else.
/// </summary>
public sealed class NetworkHub(NetworkService networks, LiveSession session, ILiveBus bus) : Hub
{
    public const string Path = "/hubs/network";
    private const int MaxPositions = 5_000;

    public static string Group(string networkId) => $"network:{networkId}";

    /// <summary>This instance's connections of a network: each instance sends them the change sets it follows.</summary>
    public static string LocalGroup(string networkId, string instanceId) => $"network:{networkId}@{instanceId}";

    /// <summary>
    /// Joins a network's session; answers with its current revision and who else is there. The others see this connection by
    /// its account's display name and colour (<see cref="LiveSession"/>, the same rule as the circuits):
    /// <paramref name="name"/> and <paramref name="colour"/> are ignored, kept only so that existing clients call it as before.
    /// </summary>
    public async Task<JoinResult> Join(string networkId, string? name, string? colour)
    {
        var snapshot = await networks.TryGetAsync(networkId)
                       ?? throw new HubException(Texts.Get("live.thereIsNoNetwork", networkId));
        if (session.Get(Context.ConnectionId) is { } previous && previous.NetworkId != networkId) await LeaveAsync(previous);

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(networkId));
        await Groups.AddToGroupAsync(Context.ConnectionId, LocalGroup(networkId, bus.InstanceId));
        session.Join(Context.ConnectionId, networkId, Context.User); // tells everyone
        return new JoinResult(snapshot.Revision, session.In(networkId));
    }

    /// <summary>Shows the others what this participant has selected (null: nothing).</summary>
    public async Task Select(string? nodeId)
    {
        var me = Me();
        if (nodeId is not null && (await networks.GetAsync(me.NetworkId)).Find(nodeId) is null)
            throw new HubException(Texts.Get("live.doesNotExistInThis", nodeId));
        session.Update(me.ConnectionId, p => p with { Selection = nodeId });
    }

    /// <summary>
    /// Saves where nodes were dragged and tells every screen, the mover's too. Moves are applied in the
    /// order the server receives them, so when two people drag one node, the later move is where it ends on every screen.
    /// </summary>
    public async Task Move(Dictionary<string, NodePosition> positions)
    {
        var me = Me();
        if (positions is null || positions.Count is 0 or > MaxPositions)
            throw new HubException(Texts.Get("live.1ToPositionsPerCall", MaxPositions));
        try
        {
            await networks.SavePositionsAsync(me.NetworkId, positions, me.Name); // the live session tells every screen
        }
        catch (ValidationFailedException e)
        {
            throw new HubException(string.Join(" ", e.Errors.ToDictionary().SelectMany(x => x.Value)));
        }
    }

    /// <summary>Starts or stops presenting: while on, this participant's view is sent to those who follow.</summary>
    public Task Present(bool on)
    {
        session.Update(Me().ConnectionId, p => p with { Presenting = on }); // one presenter at a time, on every instance
        return Task.CompletedTask;
    }

    /// <summary>The presenter's current view, passed on to the others.</summary>
    public Task Show(Viewport view)
    {
        var me = Me();
        if (!me.Presenting) throw new HubException(Texts.Get("live.onlyPresenterCanLeadView"));
        if (!new[] { view.X1, view.Y1, view.X2, view.Y2 }.All(double.IsFinite) || view.X2 <= view.X1 || view.Y2 <= view.Y1)
            throw new HubException(Texts.Get("live.invalidViewport"));
        session.Show(me.ConnectionId, view);
        return Task.CompletedTask;
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        if (session.Get(Context.ConnectionId) is { } me) await LeaveAsync(me);
        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveAsync(Participant me)
    {
        session.Leave(me.ConnectionId);
        await Groups.RemoveFromGroupAsync(me.ConnectionId, Group(me.NetworkId));
        await Groups.RemoveFromGroupAsync(me.ConnectionId, LocalGroup(me.NetworkId, bus.InstanceId));
    }

    private Participant Me() => session.Get(Context.ConnectionId)
        ?? throw new HubException(Texts.Get("live.joinNetworkFirst"));
}

/// <summary>Hub calls answer in the language the client connected with (?lang=de|en), German by default.</summary>
public sealed class HubCulture : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var lang = context.Context.GetHttpContext()?.Request.Query["lang"].ToString();
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(lang == "en" ? "en" : "de");
        return next(context);
    }
}
