using System.Collections.Concurrent;
using GraphApi.Accounts;
using GraphApi.Domain;
using GraphApi.Live;
using Microsoft.AspNetCore.SignalR;

namespace GraphApi.Access;

/// <summary>
/// The hub's gate: every hub call asks <see cref="NetworkAccess"/> about the network it concerns (the one named by <c>Join</c>,
/// else the one the connection joined): <c>Join</c> and <c>Select</c> need View, <c>Move</c>, <c>Present</c> and <c>Show</c> Edit,
/// any other method Edit. And it keeps this instance's connections, so that a right taken away on any instance (a
/// <c>revoked</c> notice on the live bus) closes the connections that used it at once.
/// </summary>
public sealed class HubAccessFilter : IHubFilter, IDisposable
{
    private static readonly Dictionary<string, NetworkAction> Actions = new(StringComparer.Ordinal)
    {
        ["Join"] = NetworkAction.View, ["Select"] = NetworkAction.View,
        ["Move"] = NetworkAction.Edit, ["Present"] = NetworkAction.Edit, ["Show"] = NetworkAction.Edit,
    };

    private readonly NetworkAccess _access;
    private readonly LiveSession _session;
    private readonly AccessEvents _events;
    private readonly AccountSessions _accounts;
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new(StringComparer.Ordinal);

    public HubAccessFilter(NetworkAccess access, LiveSession session, AccessEvents events, AccountSessions accounts)
    {
        _access = access;
        _session = session;
        _events = events;
        _accounts = accounts;
        events.Changed += Cut;
        accounts.Changed += CutAccount;
    }

    /// <summary>What a hub method demands; methods not listed demand Edit, so a new method is closed until it is thought about.</summary>
    public static NetworkAction ActionOf(string method) => Actions.GetValueOrDefault(method, NetworkAction.Edit);

    public static IReadOnlyCollection<string> KnownMethods => Actions.Keys;

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var method = context.HubMethodName;
        var networkId = method == "Join" ? context.HubMethodArguments.FirstOrDefault() as string : _session.Get(context.Context.ConnectionId)?.NetworkId;
        // acc10: a live connection opened before its account was locked (or its password reset, here or on another instance
        // sharing the accounts) is closed at its next call, whatever the network. Blazor's circuits (also hubs) are left to
        // their NetworkGate, which tells the person why instead of a broken connection.
        if (context.Hub is NetworkHub && !await _accounts.IsCurrentAsync(context.Context.User))
        {
            context.Context.Abort();
            throw new HubException(Texts.Get("roles.signInFirst"));
        }
        if (networkId is null && method != "Join") return await next(context); // the hub answers "join first"
        var decision = await _access.DecideAsync(context.Context.User, networkId ?? "", ActionOf(method));
        return decision switch
        {
            AccessDecision.Allowed => await next(context),
            AccessDecision.SignInFirst => throw new HubException(Texts.Get("roles.signInFirst")),
            AccessDecision.Forbidden => throw new HubException(Texts.Get("roles.forbidden", networkId)),
            _ => throw new HubException(Texts.Get("valid.noNetwork", networkId)),
        };
    }

    public Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        // Only the live hub's connections are cut here; Blazor's circuits (also a hub) close their pages in NetworkGate.
        if (context.Hub is NetworkHub) _connections[context.Context.ConnectionId] = context.Context;
        return next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _connections.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    /// <summary>Closes this instance's connections in the network that lost their right.</summary>
    private void Cut(AccessChange change)
    {
        if (!change.Cut) return;
        foreach (var connection in _connections.Values)
        {
            if (_session.Get(connection.ConnectionId)?.NetworkId != change.NetworkId) continue;
            var user = connection.User ?? new System.Security.Claims.ClaimsPrincipal();
            var whole = change.UserId is null && change.ShareHash is null;
            if (whole || (change.UserId is not null && Principals.IdOf(user) == change.UserId)
                || (change.ShareHash is not null && Principals.ShareOf(user)?.TokenHash == change.ShareHash))
                connection.Abort();
        }
    }

    /// <summary>acc10: an account changed on some instance: close this instance's connections of it that no longer count.</summary>
    private void CutAccount(string userId)
    {
        foreach (var connection in _connections.Values)
            if (connection.User is { } user && Principals.IdOf(user) == userId)
                _ = AbortUnlessCurrentAsync(connection, user);
    }

    private async Task AbortUnlessCurrentAsync(HubCallerContext connection, System.Security.Claims.ClaimsPrincipal user)
    {
        try
        {
            if (!await _accounts.IsCurrentAsync(user)) connection.Abort();
        }
        catch (Exception)
        {
            connection.Abort(); // the accounts cannot be read: the connection asks again when it reconnects
        }
    }

    public void Dispose()
    {
        _events.Changed -= Cut;
        _accounts.Changed -= CutAccount;
    }
}
