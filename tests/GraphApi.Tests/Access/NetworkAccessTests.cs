using System.Security.Claims;
using GraphApi.Access;
using GraphApi.Domain;
using GraphApi.Live;
using GraphApi.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace GraphApi.Tests.Access;

/// <summary>The one rule, on a real SQLite store and the in-process live bus.</summary>
public sealed class NetworkAccessTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("networkgraph-access-").FullName;
    private readonly Clock _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly InProcessLiveBus _bus = new();
    private SqliteGraphStore _store = null!;
    private AccessEvents _events = null!;
    private NetworkAccess _access = null!;
    private NetworkRights _rights = null!;

    public sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    public async Task InitializeAsync()
    {
        _store = new SqliteGraphStore(Options.Create(new StoreOptions { DatabasePath = Path.Combine(_folder, "graph.db") }));
        await _store.InitializeAsync();
        _events = new AccessEvents(_bus);
        _access = new NetworkAccess(_store, _clock, _events);
        _rights = new NetworkRights(_store, _clock, _events);
        await _rights.MakeOwnerAsync("peine", "owner", "owner@kreis.de");
        await _rights.SetMemberAsync("peine", "editor", "editor@kreis.de", NetworkRole.Editor);
        await _rights.SetMemberAsync("peine", "viewer", "viewer@kreis.de", NetworkRole.Viewer);
        await _rights.MakeOwnerAsync("dithmarschen", "stranger", "stranger@kreis.de");
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    public static ClaimsPrincipal User(string id, bool administrator = false)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, id), new(ClaimTypes.Name, id + "@kreis.de") };
        if (administrator) claims.Add(new Claim(ClaimTypes.Role, Principals.AdministratorRole));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }

    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    [Theory]
    [InlineData("viewer", NetworkAction.View, AccessDecision.Allowed)]
    [InlineData("viewer", NetworkAction.Edit, AccessDecision.Forbidden)]
    [InlineData("viewer", NetworkAction.Manage, AccessDecision.Forbidden)]
    [InlineData("editor", NetworkAction.View, AccessDecision.Allowed)]
    [InlineData("editor", NetworkAction.Edit, AccessDecision.Allowed)]
    [InlineData("editor", NetworkAction.Manage, AccessDecision.Forbidden)]
    [InlineData("owner", NetworkAction.Manage, AccessDecision.Allowed)]
    [InlineData("stranger", NetworkAction.View, AccessDecision.Hidden)]
    [InlineData("stranger", NetworkAction.Manage, AccessDecision.Hidden)]
    public async Task EachRoleMayWhatItAllowsAndAStrangerSeesNothing(string user, NetworkAction action, AccessDecision expected) =>
        Assert.Equal(expected, await _access.DecideAsync(User(user), "peine", action));

    [Fact]
    public async Task NobodySignedInIsAskedToSignInAndAnAdministratorMayEverything()
    {
        foreach (var action in Enum.GetValues<NetworkAction>())
        {
            Assert.Equal(AccessDecision.SignInFirst, await _access.DecideAsync(Nobody, "peine", action));
            Assert.Equal(AccessDecision.SignInFirst, await _access.DecideAsync(null, "peine", action));
            Assert.Equal(AccessDecision.Allowed, await _access.DecideAsync(User("admin", administrator: true), "dithmarschen", action));
        }
        Assert.Null(await _access.VisibleNetworksAsync(User("admin", administrator: true)));
        Assert.Equal(["peine"], (await _access.VisibleNetworksAsync(User("viewer")))!);
        Assert.Empty((await _access.VisibleNetworksAsync(Nobody))!);
    }

    [Fact]
    public async Task ARemovedOrLoweredRightEndsAtOnceAndTellsTheBus()
    {
        var notices = new List<AccessChange>();
        _events.Changed += notices.Add;
        Assert.Equal(AccessDecision.Allowed, await _access.DecideAsync(User("editor"), "peine", NetworkAction.Edit)); // now cached

        await _rights.SetMemberAsync("peine", "editor", "editor@kreis.de", NetworkRole.Viewer);
        Assert.Equal(AccessDecision.Forbidden, await _access.DecideAsync(User("editor"), "peine", NetworkAction.Edit));
        await _rights.RemoveMemberAsync("peine", "editor");
        Assert.Equal(AccessDecision.Hidden, await _access.DecideAsync(User("editor"), "peine", NetworkAction.View));

        Assert.Equal([new AccessChange("peine", "editor", null, Cut: true), new AccessChange("peine", "editor", null, Cut: true)], notices);
    }

    [Fact]
    public async Task TheLastOwnerCannotLeaveOrBeLowered()
    {
        var lowered = await Assert.ThrowsAsync<ValidationFailedException>(() => _rights.SetMemberAsync("peine", "owner", "o", NetworkRole.Editor));
        Assert.Contains("role", lowered.Errors.ToDictionary().Keys);
        await Assert.ThrowsAsync<ValidationFailedException>(() => _rights.RemoveMemberAsync("peine", "owner"));

        await _rights.MakeOwnerAsync("peine", "editor", "editor@kreis.de");
        Assert.True(await _rights.RemoveMemberAsync("peine", "owner"));
    }

    [Fact]
    public async Task AShareLinkIsAViewerOfItsNetworkOnlyUntilItExpiresOrIsRevoked()
    {
        var made = await _rights.CreateShareAsync("peine", "Steuerungsgruppe", "/report?asOf=2024-01-01", _clock.Now.AddDays(7), "owner");
        Assert.Equal(43, made.Token.Length); // 256 bits, base64url
        Assert.DoesNotContain(made.Token, made.Link.TokenHash);
        var visitor = Principals.ForShare((await _rights.ResolveAsync(made.Token))!);
        Assert.Null(Principals.IdOf(visitor));

        Assert.Equal(AccessDecision.Allowed, await _access.DecideAsync(visitor, "peine", NetworkAction.View));
        Assert.Equal(AccessDecision.Forbidden, await _access.DecideAsync(visitor, "peine", NetworkAction.Edit));
        Assert.Equal(AccessDecision.Hidden, await _access.DecideAsync(visitor, "dithmarschen", NetworkAction.View));
        Assert.Equal(["peine"], (await _access.VisibleNetworksAsync(visitor))!);

        _clock.Now = made.Link.Expires;
        Assert.Null(await _rights.ResolveAsync(made.Token));
        Assert.Equal(AccessDecision.Hidden, await _access.DecideAsync(visitor, "peine", NetworkAction.View));

        _clock.Now = made.Link.Created;
        Assert.Equal(AccessDecision.Allowed, await _access.DecideAsync(visitor, "peine", NetworkAction.View));
        Assert.True(await _rights.RevokeShareAsync("peine", made.Link.Id));
        Assert.Null(await _rights.ResolveAsync(made.Token));
        Assert.Equal(AccessDecision.Hidden, await _access.DecideAsync(visitor, "peine", NetworkAction.View));
    }

    [Theory]
    [InlineData("", "view", "x")]
    [InlineData("Link", "https://evil.example/", "view")]
    [InlineData("Link", "/../admin", "view")]
    [InlineData("Zeile\nzwei", "", "label")]
    public async Task AShareLinksLabelAndViewAreChecked(string label, string view, string field)
    {
        var error = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _rights.CreateShareAsync("peine", label, view, _clock.Now.AddDays(1), "owner"));
        Assert.Contains(field == "x" ? "label" : field, error.Errors.ToDictionary().Keys);
        var past = await Assert.ThrowsAsync<ValidationFailedException>(() => _rights.CreateShareAsync("peine", "Link", "", _clock.Now, "owner"));
        Assert.Contains("expires", past.Errors.ToDictionary().Keys);
    }
}
