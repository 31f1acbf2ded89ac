using System.Globalization;
using System.Runtime.CompilerServices;
using GraphApi.Api;
using GraphApi.Domain;
using GraphApi.Exchange;
using GraphApi.Localization;
using GraphApi.Networks;
using GraphUi.Components.Panels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GraphUi.Components.Tests;

/// <summary>
/// The real store and service on a temporary SQLite file with the seed networks (Peine, Dithmarschen), shared by the
/// tests of one class. Tests that change something work on a network of their own.
/// </summary>
public sealed class SeededStore : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("networkgraph-components-").FullName;
    private IHost? _host;

    public IServiceProvider Services => _host!.Services;
    public NetworkService Networks => Services.GetRequiredService<NetworkService>();

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Store:DatabasePath"] = Path.Combine(_folder, "graph.db");
        builder.Configuration["Store:SeedFolder"] = Path.Combine(Repository.Root, "seed");
        builder.AddGraphApi();
        _host = builder.Build();
        await _host.Services.InitializeGraphStoreAsync();
    }

    public Task DisposeAsync()
    {
        _host?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* the OS cleans temp */ }
        return Task.CompletedTask;
    }

    /// <summary>A new network of its own for a test that writes: a body, two actors, a membership.</summary>
    public async Task<string> SmallNetworkAsync(string? name = null)
    {
        var id = "t-" + Guid.NewGuid().ToString("N")[..8];
        await Networks.CreateNetworkAsync(new Network { Id = id, Name = name ?? "Testkreis" }, "Test");
        await Networks.CreateAsync(id, new Actor { Id = "jc", Name = "Jobcenter Testkreis", Kind = ActorKinds.Jobcenter }, "Test");
        await Networks.CreateAsync(id, new Actor { Id = "mo", Name = "Verein Brücke", Kind = ActorKinds.MigrantOrganisation }, "Test");
        await Networks.CreateAsync(id, new Body { Id = "sg", Name = "Steuerungsgruppe Integration", Kind = BodyKinds.SteeringGroup }, "Test");
        await Networks.CreateAsync(id, new Membership { Member = "jc", Body = "sg", Role = MembershipRoles.Chair }, "Test");
        await Networks.CreateAsync(id, new Collaboration { From = "jc", To = "mo", Kind = CollaborationKinds.Referral }, "Test");
        return id;
    }
}

/// <summary>A bunit context with the app's services: the seeded store's service and exchange, the texts, the edit session.</summary>
public abstract class ComponentTest : BunitContext, IClassFixture<SeededStore>
{
    protected ComponentTest(SeededStore store)
    {
        Store = store;
        Services.AddSingleton(store.Networks);
        Services.AddSingleton(store.Services.GetRequiredService<NetworkExchange>());
        Services.AddSingleton(store.Services.GetRequiredService<GraphApi.Exchange.Import.NetworkImporter>());
        Services.AddSingleton(store.Services.GetRequiredService<MeetingService>());
        Services.AddSingleton(store.Services.GetRequiredService<Comparisons>());
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(store.Services.GetRequiredService<EntityValidator>());
        Services.AddSingleton(store.Services.GetRequiredService<GraphApi.Privacy.TrashService>()); // privacy: the Papierkorb on the network list
        Services.AddSingleton(store.Services.GetRequiredService<GraphApi.Access.NetworkAccess>()); // roles: the Papierkorb shows what one owns
        foreach (var writer in store.Services.GetServices<INetworkWriter>()) Services.AddSingleton(writer);
        Services.AddGraphLocalization();
        Services.AddGraphUiPanels();
        // Signed in as an administrator, as every page requires (added after the services, before anything is rendered): the circuit's user is the author of its edits.
        var signedIn = AddAuthorization();
        signedIn.SetAuthorized(UserEmail);
        signedIn.SetClaims(
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, UserId),
            new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Email, UserEmail),
            new System.Security.Claims.Claim(GraphApi.Accounts.Users.DisplayNameClaim, UserName));
        signedIn.SetRoles(GraphApi.Accounts.Users.AdministratorRole);
        // The components run in a live circuit (the layouts mark it with data-interactive for the browser tests).
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    /// <summary>The signed-in user of every component test.</summary>
    protected const string UserId = "5b0c3f0e-0000-4000-8000-00000000a11e";
    protected const string UserEmail = "jürgen.müller@kreis-peine.de";
    protected const string UserName = "Jürgen Müller";

    protected SeededStore Store { get; }

    /// <summary>Waits until the store shows what a click started (the service call finishes after the click returns).</summary>
    protected static async Task Eventually(Func<Task<bool>> condition)
    {
        for (var waited = 0; waited < 5000; waited += 20)
        {
            if (await condition()) return;
            await Task.Delay(20);
        }
        Assert.Fail("The store did not reach the expected state within 5 s.");
    }
    protected NetworkService Networks => Store.Networks;
}

internal static class TestCulture
{
    /// <summary>The UI speaks German by default: the tests read it in German whatever the machine speaks.</summary>
    [ModuleInitializer]
    internal static void German()
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
    }
}

public static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NetworkGraph.sln"))) return dir.FullName;
            throw new InvalidOperationException("NetworkGraph.sln not found above the test folder.");
        }
    }
}
