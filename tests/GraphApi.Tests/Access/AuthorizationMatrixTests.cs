using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GraphApi.Live;
using GraphApi.Storage;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace GraphApi.Tests.Access;

/// <summary>
/// Every HTTP endpoint, hub method and page × anonymous / viewer / editor / owner / administrator × own network / foreign
/// network → allowed or refused, as this table says (written here, not read from the app's rules, so that a wrong rule
/// fails). The endpoints are enumerated from the app's EndpointDataSource: one the table does not know fails the test.
/// Over HTTP with bearer tokens and over the .NET SignalR client, not a browser.
/// </summary>
public sealed class AuthorizationMatrixTests(AccessFixture fixture, ITestOutputHelper output) : IClassFixture<AccessFixture>
{
    /// <summary>What a row demands.</summary>
    public enum Need { Anyone, SignedIn, Administrator, View, Edit, Manage }

    public static readonly string[] Users = ["anonymous", "viewer", "editor", "owner", "administrator"];
    public static readonly string[] Networks = [AccessFixture.Own, AccessFixture.Foreign];

    /// <summary>Every endpoint ("METHOD pattern") and page ("PAGE pattern") and what it demands.</summary>
    private static readonly Dictionary<string, Need> Table = new(StringComparer.Ordinal)
    {
        ["GET /openapi/{documentName}.json"] = Need.Anyone,
        ["GET /health"] = Need.Anyone,
        ["GET /lang/{code}"] = Need.Anyone,
        ["GET /s/{token}"] = Need.Anyone,
        ["POST /api/auth/login"] = Need.Anyone,
        ["POST /api/auth/refresh"] = Need.Anyone,
        ["GET /api/auth/me"] = Need.SignedIn,
        ["PUT /api/auth/me"] = Need.SignedIn,
        ["POST /api/auth/me/password"] = Need.SignedIn,
        ["GET /api/auth/antiforgery"] = Need.SignedIn,
        ["GET /api/accounts/"] = Need.Administrator,
        ["POST /api/accounts/"] = Need.Administrator,
        ["POST /api/accounts/{id}/password"] = Need.Administrator,
        ["POST /api/accounts/{id}/lock"] = Need.Administrator,
        ["POST /api/accounts/{id}/unlock"] = Need.Administrator,
        ["GET /api/networks/"] = Need.SignedIn,
        ["POST /api/networks/"] = Need.Administrator,
        ["GET /api/exchange/template.xlsx"] = Need.SignedIn,
        ["POST /api/networks/import"] = Need.Manage, // over an existing network; creating one is an administrator's
        ["GET /api/networks/{networkId}"] = Need.View,
        ["PUT /api/networks/{networkId}"] = Need.Edit,
        ["DELETE /api/networks/{networkId}"] = Need.Manage,
        ["GET /api/networks/{networkId}/history"] = Need.View,
        ["POST /api/networks/{networkId}/history/{revision:long}/revert"] = Need.Edit,
        ["POST /api/networks/{networkId}/history/{revision:long}/restore"] = Need.Edit,
        ["GET /api/networks/{networkId}/positions"] = Need.View,
        ["PUT /api/networks/{networkId}/positions"] = Need.Edit,
        ["POST /api/networks/{networkId}/merge"] = Need.Edit,
        ["GET /api/networks/{networkId}/graph"] = Need.View,
        ["GET /api/networks/{networkId}/export"] = Need.View,
        ["GET /api/networks/{networkId}/analysis/overlaps"] = Need.View,
        ["GET /api/networks/{networkId}/analysis/gaps"] = Need.View,
        ["GET /api/networks/{networkId}/analysis/metrics"] = Need.View,
        ["GET /api/networks/{networkId}/analysis/costs"] = Need.View,
        ["GET /api/networks/{networkId}/analysis/figures"] = Need.View,
        ["GET /api/networks/{networkId}/analysis/marks"] = Need.View,
        ["PUT /api/networks/{networkId}/analysis/marks"] = Need.Edit,
        ["DELETE /api/networks/{networkId}/analysis/marks"] = Need.Edit,
        ["GET /api/networks/{networkId}/diff"] = Need.View,
        ["GET /api/networks/{networkId}/members"] = Need.Manage,
        ["PUT /api/networks/{networkId}/members/{user}"] = Need.Manage,
        ["DELETE /api/networks/{networkId}/members/{userId}"] = Need.Manage,
        ["GET /api/networks/{networkId}/shares"] = Need.Manage,
        ["POST /api/networks/{networkId}/shares"] = Need.Manage,
        ["DELETE /api/networks/{networkId}/shares/{shareId}"] = Need.Manage,
        ["GET /api/trash/"] = Need.SignedIn, // each sees the deleted networks they own
        ["POST /api/trash/{networkId}/restore"] = Need.Manage,
        ["GET /api/networks/{networkId}/persons/due"] = Need.View,
        ["POST /api/networks/{networkId}/persons/{personId}/erase"] = Need.Manage,
        ["GET /api/networks/{networkId}/persons/{personId}/export"] = Need.Manage,
        ["POST /logout"] = Need.Anyone,
        ["GET /login/oidc"] = Need.Anyone,
        ["PAGE /login"] = Need.Anyone,
        ["PAGE /setup/{Token}"] = Need.Anyone,
        ["PAGE /account"] = Need.SignedIn,
        ["PAGE /admin/accounts"] = Need.Administrator,
        ["PAGE /"] = Need.SignedIn,
        ["PAGE /not-found"] = Need.SignedIn, // every page but sign-in and setup needs an account (accounts)
        ["PAGE /networks/{NetworkId}"] = Need.View,
        ["PAGE /networks/{NetworkId}/table"] = Need.View,
        ["PAGE /networks/{NetworkId}/report"] = Need.View,
        ["PAGE /networks/{NetworkId}/present"] = Need.View,
        ["PAGE /networks/{NetworkId}/compare"] = Need.View,
        ["PAGE /networks/{NetworkId}/meetings/{MeetingId}/protokoll"] = Need.View,
        ["PAGE /networks/{NetworkId}/access"] = Need.Manage,
    };

    private static readonly string[] EntityKinds = ["actors", "bodies", "persons", "topics", "territories", "measures", "memberships", "collaborations"];

    static AuthorizationMatrixTests()
    {
        foreach (var kind in EntityKinds)
        {
            Table[$"GET /api/networks/{{networkId}}/{kind}/"] = Need.View;
            Table[$"GET /api/networks/{{networkId}}/{kind}/{{id}}"] = Need.View;
            Table[$"POST /api/networks/{{networkId}}/{kind}/"] = Need.Edit;
            Table[$"PUT /api/networks/{{networkId}}/{kind}/{{id}}"] = Need.Edit;
            Table[$"DELETE /api/networks/{{networkId}}/{kind}/{{id}}"] = Need.Edit;
        }
    }

    /// <summary>Hub methods: what each demands of the network it concerns.</summary>
    private static readonly (string Method, Need Need)[] HubMethods =
        [("Join", Need.View), ("Select", Need.View), ("Move", Need.Edit), ("Present", Need.Edit), ("Show", Need.Edit)];

    public static bool Allowed(Need need, string user, string network) => need switch
    {
        Need.Anyone => true,
        Need.SignedIn => user != "anonymous",
        Need.Administrator => user == "administrator",
        _ when user == "administrator" => true,
        _ when network != AccessFixture.Own || user == "anonymous" => false,
        Need.View => true,
        Need.Edit => user is "editor" or "owner",
        _ => user == "owner",
    };

    /// <summary>
    /// The refusal's status: 401 for nobody (a page sends nobody to the sign-in page instead: 302), 404 for a network the
    /// user has no role in, 403 otherwise.
    /// </summary>
    private static HttpStatusCode Refusal(Need need, string user, string network, bool page = false) =>
        user == "anonymous" ? page ? HttpStatusCode.Redirect : HttpStatusCode.Unauthorized
        : need is Need.View or Need.Edit or Need.Manage && network != AccessFixture.Own ? HttpStatusCode.NotFound
        : HttpStatusCode.Forbidden;

    /// <summary>The rows of the enumerated endpoints: "METHOD pattern" or "PAGE pattern"; static files and Blazor's own hub are not rows.</summary>
    private List<string> Enumerate()
    {
        var keys = new List<string>();
        foreach (var endpoint in fixture.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText ?? "";
            if (!pattern.StartsWith('/') || pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("/_framework", StringComparison.Ordinal) || pattern.StartsWith("/hubs/", StringComparison.Ordinal))
                continue; // static web assets (relative patterns), the circuits' hub (the pages' rows cover it), the live hub (its methods are rows)
            if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
            {
                keys.Add("PAGE " + pattern);
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]; // /health answers any method
            keys.AddRange(methods.Where(m => m != "HEAD").Select(m => $"{m} {pattern}"));
        }
        return keys.Distinct().ToList();
    }

    [Fact]
    public void EveryEndpointAndPageHasARowAndEveryRowAnEndpoint()
    {
        var keys = Enumerate();
        var unknown = keys.Where(k => !Table.ContainsKey(k)).ToList();
        var gone = Table.Keys.Where(k => !keys.Contains(k)).ToList();
        Assert.True(unknown.Count == 0, "endpoints without a row in the matrix: " + string.Join(", ", unknown));
        Assert.True(gone.Count == 0, "rows without an endpoint: " + string.Join(", ", gone));
    }

    [Fact]
    public async Task EveryEndpointAndPageAllowsExactlyWhatTheTableSays()
    {
        var failures = new List<string>();
        var cells = 0;
        var unauthorisedSuccesses = 0;
        foreach (var key in Enumerate().Where(Table.ContainsKey))
        foreach (var network in Networks)
        foreach (var user in Users)
        {
            cells++;
            var need = Table[key];
            var allowed = Allowed(need, user, network);
            HttpStatusCode status;
            bool refusedByGate;
            string text;
            try
            {
                (status, refusedByGate, text) = await CallAsync(key, user, network);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
                failures.Add($"{key} as {user} on {network}: {e.GetBaseException().Message}");
                continue;
            }
            if (!allowed && !refusedByGate && (int)status is >= 200 and < 400) unauthorisedSuccesses++; // a redirect to the sign-in is a refusal
            if (allowed && refusedByGate && need != Need.Anyone) // an open row's own 401 or redirect (a wrong password, logout) is no refusal
                failures.Add($"{key} as {user} on {network}: expected allowed, got {(int)status} {text}");
            else if (!allowed && (!refusedByGate || status != Refusal(need, user, network, key.StartsWith("PAGE", StringComparison.Ordinal))))
                failures.Add($"{key} as {user} on {network}: expected {(int)Refusal(need, user, network, key.StartsWith("PAGE", StringComparison.Ordinal))}, got {(int)status} {text}");
            if ((int)status is >= 200 and < 300 && !key.StartsWith("GET", StringComparison.Ordinal) && !key.StartsWith("PAGE", StringComparison.Ordinal))
                await fixture.ResetAsync(network);
        }
        output.WriteLine($"HTTP matrix: {Table.Count} endpoints and pages × {Users.Length} users × {Networks.Length} networks = {cells} cells; " +
                         $"{unauthorisedSuccesses} unauthorised successes; {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(0, unauthorisedSuccesses);
    }

    /// <summary>
    /// One call. "Refused by the gate": 401, 403, or a 404 that is the network's (for the API the ProblemDetails names the
    /// network as missing; for a page the app's not-found page, exactly as for a network that does not exist), not an entity's or a meeting's.
    /// A page sends nobody to the sign-in page (302 to /login).
    /// </summary>
    private async Task<(HttpStatusCode Status, bool Refused, string Text)> CallAsync(string key, string user, string network)
    {
        var space = key.IndexOf(' ');
        var (method, pattern) = (key[..space], key[(space + 1)..]);
        var url = pattern
            .Replace("{networkId}", network).Replace("{NetworkId}", network).Replace("{revision:long}", "1")
            .Replace("{documentName}", "v1").Replace("{code}", "de").Replace("{MeetingId}", "m1")
            .Replace("{user}", "spare@kreis.de").Replace("{userId}", fixture.Ids["spare"]).Replace("{shareId}", "none")
            .Replace("{personId}", "leitung").Replace("{token}", "not-a-token").Replace("{Token}", "not-a-token").Replace("{id}", pattern.StartsWith("/api/accounts", StringComparison.Ordinal) ? fixture.Ids["spare"] : IdFor(pattern));
        using var client = fixture.Client(user);
        client.Timeout = TimeSpan.FromSeconds(15);
        using var request = new HttpRequestMessage(method == "PAGE" ? HttpMethod.Get : new HttpMethod(method), url + Query(pattern));
        if (Body(method, pattern, network) is { } body) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        // Headers first: a page the gate let through is a 200 whatever its rendering does afterwards; refusals are read whole.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var text = method == "PAGE" && response.StatusCode == HttpStatusCode.OK ? "" : await response.Content.ReadAsStringAsync();
        var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                      || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location is not null && new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath == "/login")
                      || (response.StatusCode == HttpStatusCode.NotFound && (method != "PAGE" || pattern.Contains("NetworkId}", StringComparison.Ordinal)) && (method == "PAGE"
                          ? text.Contains("data-testid=\"not-found\"", StringComparison.Ordinal) && !text.Contains("data-testid=\"map-page\"", StringComparison.Ordinal)
                          : text.Contains($"There is no network '{network}'.", StringComparison.Ordinal))); // not "… in the trash"
        return (response.StatusCode, refused, text.Length > 300 ? text[..300] : text);
    }

    private static string IdFor(string pattern) =>
        pattern.Split('/') is [.., var kind, "{id}"] ? kind switch
        {
            "actors" => "caritas", "bodies" => "ausschuss", "persons" => "leitung", "topics" => "sprache", "territories" => "stadt",
            "measures" => "welcome", "memberships" => "m-jc-sg-2016-03-01", "collaborations" => "c-jc-caritas-referral", _ => "x",
        } : "x";

    private static string Query(string pattern) => pattern switch
    {
        _ when pattern.EndsWith("/analysis/marks", StringComparison.Ordinal) => "?finding=x",
        _ when pattern.EndsWith("/diff", StringComparison.Ordinal) => "?from=2020-01-01&to=2024-01-01",
        _ => "",
    };

    /// <summary>A body that gets past binding (so the gate, not the binder, answers), or null for none.</summary>
    private string? Body(string method, string pattern, string network) => (method, pattern) switch
    {
        ("GET" or "PAGE" or "DELETE", _) => null,
        (_, "/api/auth/login") => JsonSerializer.Serialize(new { email = "spare@kreis.de", password = AccessFixture.Password }),
        (_, "/api/auth/refresh") => JsonSerializer.Serialize(new { refreshToken = fixture.RefreshToken }),
        (_, "/api/auth/me") => """{"displayName":"Jürgen Müller"}""",
        (_, "/api/auth/me/password") => """{"currentPassword":"wrong","newPassword":"Neu-Geheim-456"}""",
        (_, "/api/accounts/") => JsonSerializer.Serialize(new { email = $"n{Guid.NewGuid():N}@kreis.de", displayName = "Neu", password = AccessFixture.Password }),
        (_, "/api/accounts/{id}/password") => JsonSerializer.Serialize(new { password = AccessFixture.Password }),
        (_, "/api/networks/") => JsonSerializer.Serialize(new { id = $"n{Guid.NewGuid():N}"[..12], name = "Neu" }),
        (_, "/api/networks/import") => Samples.Small.Replace("\"id\": \"kreis\"", $"\"id\": \"{network}\""),
        (_, "/api/networks/{networkId}") => """{"name":"Umbenannt","version":1}""",
        (_, "/api/networks/{networkId}/positions") => """{"kv":{"x":1,"y":2}}""",
        (_, "/api/networks/{networkId}/merge") => """{"kind":"actor","keep":"jc","other":"caritas"}""",
        (_, "/api/networks/{networkId}/analysis/marks") => """{"finding":"x","state":"accepted"}""",
        (_, "/api/networks/{networkId}/members/{user}") => """{"role":"viewer"}""",
        (_, "/api/networks/{networkId}/shares") => """{"label":"Steuerungsgruppe","view":"?layers=actor,body","days":3}""",
        _ when pattern.Contains("/topics/", StringComparison.Ordinal) => """{"id":"neu","name":"Neu","version":1}""",
        _ => "{}",
    };

    [Fact]
    public async Task EveryHubMethodAllowsExactlyWhatTheTableSays()
    {
        var failures = new List<string>();
        var cells = 0;
        var unauthorisedSuccesses = 0;
        foreach (var network in Networks)
        foreach (var user in Users)
        {
            await using var hub = fixture.Hub(user);
            if (user == "anonymous")
            {
                // Nobody signed in does not get a connection at all: every method of the row is refused.
                await Assert.ThrowsAsync<HttpRequestException>(() => hub.StartAsync());
                cells += HubMethods.Length;
                continue;
            }
            await hub.StartAsync();
            foreach (var (method, need) in HubMethods)
            {
                cells++;
                var allowed = Allowed(need, user, network);
                string? error = null;
                try
                {
                    await (method switch
                    {
                        "Join" => hub.InvokeAsync<JoinResult>("Join", network, user, "#1f5fa8"),
                        "Select" => hub.InvokeAsync("Select", "kv"),
                        "Move" => hub.InvokeAsync("Move", new Dictionary<string, NodePosition> { ["kv"] = new(10, 20) }),
                        "Present" => hub.InvokeAsync("Present", true),
                        _ => hub.InvokeAsync("Show", new Viewport(0, 0, 100, 100, null)),
                    });
                }
                catch (HubException e)
                {
                    error = e.Message;
                }
                if (!allowed && error is null) unauthorisedSuccesses++;
                if (allowed && error is not null) failures.Add($"{method} as {user} on {network}: expected allowed, got '{error}'");
                if (!allowed && error is not null && !Refused(error, user, network, method))
                    failures.Add($"{method} as {user} on {network}: refused, but not by the gate: '{error}'");
            }
            if (Allowed(Need.Edit, user, network)) await hub.InvokeAsync("Present", false);
        }
        output.WriteLine($"Hub matrix: {HubMethods.Length} methods × {Users.Length} users × {Networks.Length} networks = {cells} cells; " +
                         $"{unauthorisedSuccesses} unauthorised successes; {failures.Count} failures");
        Assert.Equal(0, unauthorisedSuccesses);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>
    /// A refusal by the gate names the reason; a user who could not join is refused every later call because it is not in
    /// any network ("Join a network first"), which is the gate's refusal of Join carrying on.
    /// </summary>
    private static bool Refused(string error, string user, string network, string method) =>
        (method != "Join" && !Allowed(Need.View, user, network) && error.Contains("Join a network first", StringComparison.Ordinal))
        || (user == "anonymous" ? error.Contains("sign in", StringComparison.OrdinalIgnoreCase)
            : network != AccessFixture.Own ? error.Contains($"There is no network '{network}'", StringComparison.Ordinal)
            : error.Contains("does not allow this", StringComparison.Ordinal));
}
