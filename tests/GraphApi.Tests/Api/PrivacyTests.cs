using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using GraphApi.Privacy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GraphApi.Tests.Api;

/// <summary>
/// Issue 10, points 4, 5 and 7: the trash, persons and the DSGVO (retention, erasure through the history and every export,
/// Art. 15, opaque ids), DELETE without a version, /health.
/// </summary>
public sealed class PrivacyTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<HttpClient> KreisAsync(TestApp app)
    {
        (await app.ImportAsync(Samples.Small)).EnsureSuccessStatusCode();
        return app.CreateClient();
    }

    public static TheoryData<string, string> EveryKind => new()
    {
        { "actors", "caritas" }, { "bodies", "ausschuss" }, { "persons", "leitung" }, { "topics", "sprache" },
        { "territories", "stadt" }, { "measures", "welcome" }, { "memberships", "m-jc-sg-2016-03-01" },
        { "collaborations", "c-jc-caritas-referral" },
    };

    [Theory]
    [MemberData(nameof(EveryKind))]
    public async Task DeletingAnEntryWithoutItsVersionIsRefusedWith428InGerman(string family, string id)
    {
        using var app = new TestApp(language: null);
        var client = await KreisAsync(app);

        var problem = await ProblemAssert.Status(await client.DeleteAsync($"/api/networks/kreis/{family}/{id}"), (HttpStatusCode)428);
        Assert.Contains("Version", problem.GetProperty("title").GetString());
        Assert.Contains("?version=", problem.GetProperty("errors").GetProperty("version")[0].GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/networks/kreis/{family}/{id}")).StatusCode); // still there

        // With its version the precondition holds (a topic still referred to is then refused for that reason: 409).
        Assert.NotEqual((HttpStatusCode)428, (await client.DeleteAsync($"/api/networks/kreis/{family}/{id}?version=1")).StatusCode);
    }

    [Fact]
    public async Task DeletingANetworkWithoutItsVersionIsRefusedWith428()
    {
        using var app = new TestApp();
        var client = await KreisAsync(app);
        var problem = await ProblemAssert.Status(await client.DeleteAsync("/api/networks/kreis"), (HttpStatusCode)428);
        Assert.StartsWith("Required: the version", problem.GetProperty("errors").GetProperty("version")[0].GetString());
        await ProblemAssert.Status(await client.DeleteAsync("/api/networks/kreis?version=7"), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/networks/kreis")).StatusCode);
    }

    [Fact]
    public async Task ADeletedNetworkWaitsInTheTrashAndIsRestoredWithItsHistoryAndPositions()
    {
        using var app = new TestApp();
        var client = await KreisAsync(app);
        (await client.PutAsJsonAsync("/api/networks/kreis/positions", new Dictionary<string, object> { ["jc"] = new { x = 12.5, y = -3 } })).EnsureSuccessStatusCode();
        var graph = await client.GetStringAsync("/api/networks/kreis/export?format=json");
        var history = await client.GetStringAsync("/api/networks/kreis/history");
        var positions = await client.GetStringAsync("/api/networks/kreis/positions");

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/networks/kreis?version=1")).StatusCode);
        await ProblemAssert.Status(await client.GetAsync("/api/networks/kreis"), HttpStatusCode.NotFound);
        await ProblemAssert.Status(await client.GetAsync("/api/networks/kreis/history"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonObject>("/api/networks"))!["total"]!.GetValue<int>());
        var trash = (await client.GetFromJsonAsync<JsonArray>("/api/trash"))!;
        var entry = Assert.Single(trash)!;
        // The signed-in account deleted it (a client header cannot say otherwise).
        Assert.Equal(("kreis", "Testkreis", TestApp.AdminName), (entry["networkId"]!.GetValue<string>(), entry["name"]!.GetValue<string>(), entry["deletedBy"]!.GetValue<string>()));
        Assert.False(string.IsNullOrEmpty(entry["deletedById"]?.GetValue<string>()));
        Assert.Equal(TimeSpan.FromDays(30), entry["erasedAt"]!.GetValue<DateTimeOffset>() - entry["deletedAt"]!.GetValue<DateTimeOffset>());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/trash/kreis/restore", null)).StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>("/api/trash"))!);
        Assert.Equal(graph, await client.GetStringAsync("/api/networks/kreis/export?format=json"));
        Assert.Equal(history, await client.GetStringAsync("/api/networks/kreis/history"));
        Assert.Equal(positions, await client.GetStringAsync("/api/networks/kreis/positions"));
        var again = await ProblemAssert.Status(await client.PostAsync("/api/trash/kreis/restore", null), HttpStatusCode.NotFound);
        Assert.Contains("no network 'kreis' in the trash", again.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task TheTrashIsEmptiedAfterThirtyDaysByTheBackgroundJob()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        using var testApp = new TestApp();
        using var app = testApp.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = app.CreateClient();
        (await client.PostAsync("/api/networks/import", Json(Samples.Small))).EnsureSuccessStatusCode();
        var purger = app.Services.GetRequiredService<TrashPurger>();
        var runs = new System.Collections.Concurrent.ConcurrentQueue<PurgeRun>();
        var ran = new SemaphoreSlim(0);
        purger.Ran += run => { runs.Enqueue(run); ran.Release(); };
        async Task<PurgeRun> RunAtAsync(DateTimeOffset at)
        {
            clock.SetUtcNow(at);
            while (true) // skip runs of an earlier time (the one at start may still report)
            {
                Assert.True(await ran.WaitAsync(TimeSpan.FromSeconds(30)), "the purge job did not run");
                if (runs.TryDequeue(out var run) && run.At >= at) return run;
            }
        }
        var deleted = clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/api/networks/kreis?version=1")).StatusCode);

        // A month on, the sign-in token has expired too: what follows asks the services, as the job does.
        var trash = app.Services.GetRequiredService<TrashService>();
        var networks = app.Services.GetRequiredService<GraphApi.Networks.NetworkService>();
        Assert.Empty((await RunAtAsync(deleted.AddDays(29).AddHours(23))).Erased);
        Assert.Equal(["kreis"], (await trash.ListAsync()).Select(t => t.NetworkId));

        Assert.Equal(["kreis"], (await RunAtAsync(deleted.AddDays(30).AddHours(1))).Erased);
        Assert.Empty(await trash.ListAsync());
        await Assert.ThrowsAsync<GraphApi.Domain.NotFoundException>(() => trash.RestoreAsync("kreis"));
        // Erased for good: the id starts over as a new network, its history with it.
        await networks.CreateNetworkAsync(new GraphApi.Domain.Network { Id = "kreis", Name = "Neu" }, "Test");
        Assert.Single(await networks.HistoryAsync("kreis", 0, null, 100));
    }

    /// <summary>Reads an entry, changes it and writes it back on the version it read.</summary>
    private static async Task EditAsync(HttpClient client, string path, Action<JsonObject> edit)
    {
        var entry = (await client.GetFromJsonAsync<JsonObject>($"/api/networks/kreis/{path}"))!;
        edit(entry);
        var response = await client.PutAsync($"/api/networks/kreis/{path}", Json(entry.ToJsonString()));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private const string Name = "Ottilie Quastenberg";
    private const string Surname = "Quastenberg";

    private static readonly string[] Formats = ["json", "xlsx", "csv", "graphml", "gexf", "cypher", "svg"];

    /// <summary>An export's text: zip entries (xlsx, csv) unpacked, so a name inside cannot hide in compression.</summary>
    private static async Task<string> ExportTextAsync(HttpClient client, string format)
    {
        var response = await client.GetAsync($"/api/networks/kreis/export?format={format}&layers=actor,body,person,topic,territory,measure");
        Assert.True(response.IsSuccessStatusCode, $"{format}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes is not [(byte)'P', (byte)'K', ..]) return Encoding.UTF8.GetString(bytes);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        var text = new StringBuilder();
        foreach (var zipEntry in zip.Entries)
        {
            using var reader = new StreamReader(zipEntry.Open());
            text.Append(await reader.ReadToEndAsync());
        }
        return text.ToString();
    }

    private static byte[] FileBytes(string path)
    {
        if (!File.Exists(path)) return [];
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new MemoryStream();
        file.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static bool Holds(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    [Fact]
    public async Task AnErasedPersonIsInNoFileHistoryOrExportAndTheErasureIsRecordedWithoutTheName()
    {
        using var app = new TestApp();
        var client = await KreisAsync(app);
        var person = (await (await client.PostAsync("/api/networks/kreis/persons",
            Json($$"""{"name":"{{Name}}","function":"Sprachmittlerin","actor":"amt","retainUntil":"2025-06-30"}"""))).Content.ReadFromJsonAsync<JsonObject>())!;
        var id = person["id"]!.GetValue<string>();
        (await client.PutAsync($"/api/networks/kreis/persons/{id}",
            Json($$"""{"name":"{{Name}} geb. {{Surname}}","function":"Sprachmittlerin","actor":"amt","version":1}"""))).EnsureSuccessStatusCode();
        (await client.PostAsync("/api/networks/kreis/memberships", Json($$"""{"member":"{{id}}","body":"sg","representing":"amt"}"""))).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/networks/kreis/positions", new Dictionary<string, object> { [id] = new { x = 1, y = 2 } })).EnsureSuccessStatusCode();
        // Free text that names her, in another entry's description and a body's mandate (as written, in capitals, surname first).
        await EditAsync(client, "actors/jc", o => o["description"] = $"Ansprechpartnerin dort: {Name} (Sprachmittlung)");
        await EditAsync(client, "bodies/sg", o => o["mandate"] = $"Protokoll: {Name.ToUpperInvariant()}; Vertretung: {Surname}, Ottilie");

        // The test can fail: before the erasure the name is in the file, the history and the exports.
        Assert.True(Holds([.. FileBytes(app.DatabasePath), .. FileBytes(app.DatabasePath + "-wal")], Surname));
        Assert.Contains(Surname, await client.GetStringAsync("/api/networks/kreis/history?limit=1000"));
        foreach (var format in Formats) Assert.Contains(Surname, await ExportTextAsync(client, format));

        var erased = await client.PostAsync($"/api/networks/kreis/persons/{id}/erase", null);
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        var set = await erased.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Surname, set);
        Assert.Contains(id, set);

        Assert.False(Holds(FileBytes(app.DatabasePath), Surname), "the name is still in the SQLite file");
        Assert.False(Holds(FileBytes(app.DatabasePath + "-wal"), Surname), "the name is still in the write-ahead log");
        Assert.False(Holds(FileBytes(app.DatabasePath), "Sprachmittlerin"), "the function is still in the SQLite file");
        Assert.False(Holds(FileBytes(app.DatabasePath), Surname.ToUpperInvariant()), "the name in capitals is still in the SQLite file");
        var history = await client.GetStringAsync("/api/networks/kreis/history?limit=1000");
        Assert.DoesNotContain(Surname, history);
        Assert.Equal(7, JsonNode.Parse(history)!.AsArray().Count); // import, create, rename, membership, two texts, erasure: the chain stays
        Assert.DoesNotContain(Surname, history, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Ansprechpartnerin dort: [gelöscht] (Sprachmittlung)",
            (await client.GetFromJsonAsync<JsonObject>("/api/networks/kreis/actors/jc"))!["description"]!.GetValue<string>());
        Assert.Equal("Protokoll: [gelöscht]; Vertretung: [gelöscht]",
            (await client.GetFromJsonAsync<JsonObject>("/api/networks/kreis/bodies/sg"))!["mandate"]!.GetValue<string>());
        foreach (var format in Formats) Assert.DoesNotContain(Surname, await ExportTextAsync(client, format), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(id, await client.GetStringAsync("/api/networks/kreis/positions"));
        await ProblemAssert.Status(await client.GetAsync($"/api/networks/kreis/persons/{id}"), HttpStatusCode.NotFound);
        await ProblemAssert.Status(await client.GetAsync($"/api/networks/kreis/persons/{id}/export"), HttpStatusCode.NotFound);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonObject>($"/api/networks/kreis/memberships?member={id}"))!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Article15ExportHoldsEverythingStoredAboutAPerson()
    {
        using var app = new TestApp();
        var client = await KreisAsync(app);
        (await client.PutAsync("/api/networks/kreis/persons/leitung",
            Json($$"""{"name":"{{Name}}","function":"Leitung Referat Integration","actor":"amt","version":1}"""))).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync("/api/networks/kreis/positions", new Dictionary<string, object> { ["leitung"] = new { x = 4, y = 5 } })).EnsureSuccessStatusCode();

        var response = await client.GetAsync("/api/networks/kreis/persons/leitung/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var export = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(Name, export["person"]!["name"]!.GetValue<string>());
        Assert.Equal("Testkreis", export["networkName"]!.GetValue<string>());
        Assert.Equal(["m-leitung-sg"], export["memberships"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()));
        var history = export["history"]!.AsArray();
        Assert.Equal(["person:Create", "membership:Create", "person:Update"],
            history.Select(h => $"{h!["kind"]!.GetValue<string>().ToLowerInvariant()}:{h["op"]!.GetValue<string>()}"));
        Assert.Equal(TestApp.AdminName, history[2]!["author"]!.GetValue<string>());
        Assert.Equal(4, export["position"]!["x"]!.GetValue<double>());
        await ProblemAssert.Status(await client.GetAsync("/api/networks/kreis/persons/jc/export"), HttpStatusCode.NotFound); // an actor
    }

    [Fact]
    public async Task PersonsAreRolesByDefaultWithARetentionDateListedWhenDue()
    {
        using var app = new TestApp(language: null);
        var client = await KreisAsync(app);
        var role = await client.PostAsync("/api/networks/kreis/persons", Json("""{"function":"Leitung Referat Integration","actor":"amt","retainUntil":"2026-03-31"}"""));
        Assert.Equal(HttpStatusCode.Created, role.StatusCode);
        var roleId = (await role.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        (await client.PostAsync("/api/networks/kreis/persons", Json("""{"function":"Fallmanagement","retainUntil":"2030-01-01"}"""))).EnsureSuccessStatusCode();

        var nothing = await ProblemAssert.Status(await client.PostAsync("/api/networks/kreis/persons", Json("""{"name":""}""")), HttpStatusCode.BadRequest);
        Assert.Contains("Funktion", nothing.GetProperty("errors").GetProperty("function")[0].GetString());
        var badDay = await ProblemAssert.Status(await client.PostAsync("/api/networks/kreis/persons", Json("""{"function":"X","retainUntil":"31.03.2026"}""")),
            HttpStatusCode.BadRequest);
        Assert.True(badDay.GetProperty("errors").TryGetProperty("retainUntil", out _));

        var due = (await client.GetFromJsonAsync<JsonArray>("/api/networks/kreis/persons/due?asOf=2026-12-01"))!;
        Assert.Equal([roleId], due.Select(p => p!["id"]!.GetValue<string>()));
        Assert.Empty((await client.GetFromJsonAsync<JsonArray>("/api/networks/kreis/persons/due?asOf=2026-03-30"))!);
        await ProblemAssert.Status(await client.GetAsync("/api/networks/kreis/persons/due?asOf=morgen"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task GeneratedIdsOfPersonsAndTheirMembershipsNeverCarryTheName()
    {
        using var app = new TestApp();
        var client = await KreisAsync(app);
        var person = (await (await client.PostAsync("/api/networks/kreis/persons", Json($$"""{"name":"{{Name}}","actor":"amt"}""")))
            .Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        var membership = (await (await client.PostAsync("/api/networks/kreis/memberships", Json($$"""{"member":"{{person}}","body":"sg"}""")))
            .Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>();
        foreach (var id in new[] { person, membership })
        {
            Assert.DoesNotContain("ottilie", id, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("quastenberg", id, StringComparison.OrdinalIgnoreCase);
        }

        // A spreadsheet or graph file that brings a person without an id: the id is random, not the name's slug.
        var table = GraphApi.Exchange.Tables.TableReader.OpaqueId("person", []);
        Assert.Matches("^person-[0-9a-f]{10}$", table);
        var csv = await client.GetByteArrayAsync("/api/networks/kreis/export?format=csv");
        const string newcomer = "Wilhelmine Zaunbrecher";
        var edited = EditCsvZip(csv, "Personen", $"\r\n;{newcomer};;;");
        var import = await client.PostAsync("/api/networks/import?network=kreis2",
            new ByteArrayContent(edited) { Headers = { ContentType = new("application/zip") } });
        var preview = await import.Content.ReadAsStringAsync();
        Assert.True(import.IsSuccessStatusCode, preview);
        var persons = (await client.GetFromJsonAsync<JsonObject>("/api/networks/kreis2/persons"))!["items"]!.AsArray();
        var imported = persons.Single(p => p!["name"]!.GetValue<string>() == newcomer)!["id"]!.GetValue<string>();
        Assert.Matches("^person-[0-9a-f]{10}$", imported);
    }

    /// <summary>Appends a line to one CSV entry (by its name's start) of an exported CSV zip.</summary>
    private static byte[] EditCsvZip(byte[] zipBytes, string entryStart, string line)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zipBytes)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd();
                if (entry.Name.StartsWith(entryStart, StringComparison.Ordinal)) text = text.TrimEnd('\r', '\n') + line + "\n";
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(true));
                writer.Write(text);
            }
        }
        return output.ToArray();
    }

    [Fact]
    public async Task HealthAnswersJsonAndReportsAFullDisk()
    {
        using var app = new TestApp(settings: new Dictionary<string, string> { ["Health:DiskMinimumFreeMegabytes"] = "1000000000" }); // a petabyte
        var response = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Unhealthy", health["status"]!.GetValue<string>());
        Assert.Equal("Healthy", health["checks"]!["store"]!["status"]!.GetValue<string>());
        var disk = health["checks"]!["disk"]!;
        Assert.Equal("Unhealthy", disk["status"]!.GetValue<string>());
        Assert.StartsWith("Disk full", disk["description"]!.GetValue<string>());
        Assert.True(disk["freeBytes"]!.GetValue<long>() < disk["minimumFreeBytes"]!.GetValue<long>());

        using var roomy = new TestApp();
        var fine = JsonNode.Parse(await roomy.CreateClient().GetStringAsync("/health"))!;
        Assert.Equal("Healthy", fine["checks"]!["disk"]!["status"]!.GetValue<string>());
        Assert.True(fine["checks"]!["disk"]!["freeBytes"]!.GetValue<long>() >= 100L * 1024 * 1024);
    }
}
