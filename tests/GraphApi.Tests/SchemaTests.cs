using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using GraphApi.Domain;
using GraphApi.Exchange;

namespace GraphApi.Tests;

/// <summary>
/// Keeps docs/network.schema.json and the code in step: the kind lists, limits and defaults are the
/// code's; the schema declares exactly the properties the document types carry; what the exporter
/// writes conforms; and documents the schema refuses, the import refuses too.
/// </summary>
public sealed class SchemaTests
{
    [Fact]
    public void EveryKindListInTheSchemaIsTheOneTheCodeAllows()
    {
        var lists = new Dictionary<string, IReadOnlyList<string>>
        {
            ["actorKind"] = ActorKinds.All,
            ["bodyKind"] = BodyKinds.All,
            ["bodyStatus"] = BodyStatuses.All,
            ["territoryKind"] = TerritoryKinds.All,
            ["membershipRole"] = MembershipRoles.All,
            ["collaborationKind"] = CollaborationKinds.All,
        };
        var definitionsWithEnum = SchemaFile.Definitions.EnumerateObject().Where(d => d.Value.TryGetProperty("enum", out _)).Select(d => d.Name);
        Assert.Equal(lists.Keys.Order(), definitionsWithEnum.Order());
        foreach (var (definition, allowed) in lists)
        {
            var declared = SchemaFile.Definitions.GetProperty(definition).GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToList();
            Assert.Equal(allowed, declared);
        }
    }

    [Fact]
    public void LimitsAndDefaultsInTheSchemaAreTheCodes()
    {
        var limits = new GraphLimits();
        int Number(params string[] path) => path.Aggregate(SchemaFile.Definitions, (e, p) => e.GetProperty(p)).GetInt32();
        string? Text(params string[] path) => path.Aggregate(SchemaFile.Definitions, (e, p) => e.GetProperty(p)).GetString();

        Assert.Equal(limits.MaxIdLength, Number("id", "maxLength"));
        Assert.Equal(limits.MaxIdLength, Number("reference", "maxLength"));
        Assert.Equal(limits.MaxNameLength, Number("name", "maxLength"));
        Assert.Equal(limits.MaxNameLength, Number("actor", "properties", "shortName", "maxLength"));
        Assert.Equal(limits.MaxTextLength, Number("text", "maxLength"));
        Assert.Equal(limits.MaxListLength, Number("references", "maxItems"));

        // The default when the property is absent (initializer) and when it is null (normalisation).
        Assert.Equal(new Membership().Role, Text("membership", "properties", "role", "default"));
        Assert.Equal(((Membership)EntityValidator.Normalize(new Membership { Role = null! })).Role, Text("membership", "properties", "role", "default"));
        Assert.Equal(new Collaboration().Kind, Text("collaboration", "properties", "kind", "default"));
        Assert.Equal(((Collaboration)EntityValidator.Normalize(new Collaboration { Kind = null! })).Kind, Text("collaboration", "properties", "kind", "default"));
        Assert.Equal(new Body().Status, Text("body", "properties", "status", "default"));
        Assert.Equal(((Body)EntityValidator.Normalize(new Body { Status = null! })).Status, Text("body", "properties", "status", "default"));

        Assert.Equal("m-jc-sg", Membership.DerivedId("jc", "sg", null));
        Assert.Equal("m-jc-sg-2016-03-01", Membership.DerivedId("jc", "sg", "2016-03-01"));
        Assert.Equal("c-jc-caritas-referral", Collaboration.DerivedId("jc", "caritas", "referral"));
    }

    public static TheoryData<string> Ids =>
        ["kreis", "a", "7", "A-1_b.c:d", "x-", "-x", "_x", ".x", "x y", "x/y", "ä", "Straße", "", new string('i', 250), new string('i', 251)];

    /// <summary>The id definition accepts exactly what the validator accepts.</summary>
    [Theory, MemberData(nameof(Ids))]
    public void TheSchemaAndTheValidatorAgreeOnIds(string id) =>
        AssertAgree("id", id, new Topic { Id = id, Name = "Topic" }, "id");

    public static TheoryData<string> Dates =>
        ["2016-03-01", "2024-02-29", "2023-02-29", "2023-02-30", "2016-13-01", "2016-3-1", "16-03-01", "20160301", "2016-03-01T00:00:00", "01.03.2016"];

    [Theory, MemberData(nameof(Dates))]
    public void TheSchemaAndTheValidatorAgreeOnDates(string date) =>
        AssertAgree("date", date, new Measure { Id = "m", Name = "Measure", Since = date }, "since");

    public static TheoryData<string> Names => ["Jobcenter", "x", "", " ", "Amt für Migration", new string('n', 200), new string('n', 201)];

    [Theory, MemberData(nameof(Names))]
    public void TheSchemaAndTheValidatorAgreeOnNames(string name) =>
        AssertAgree("name", name, new Topic { Id = "t", Name = name }, "name");

    private static void AssertAgree(string definition, string value, Entity entity, string field)
    {
        var errors = new ValidationErrors();
        new EntityValidator(new GraphLimits()).CheckFields(EntityValidator.Normalize(entity), "", errors);
        var codeAccepts = !errors.ToDictionary().ContainsKey(field);
        var schemaErrors = SchemaFile.Validator().Validate(JsonSerializer.SerializeToElement(value), $"#/$defs/{definition}");
        Assert.True(codeAccepts == (schemaErrors.Count == 0),
            $"'{value}': the code {(codeAccepts ? "accepts" : "refuses")} it, the schema {(schemaErrors.Count == 0 ? "accepts it" : "refuses it: " + schemaErrors[0])}.");
    }

    /// <summary>Both directions: no property the code reads or writes is missing from the schema, and the schema invents none.</summary>
    [Fact]
    public void TheSchemaDeclaresExactlyThePropertiesOfTheDocumentTypes()
    {
        var types = new Dictionary<string, Type>
        {
            ["#"] = typeof(NetworkDocument),
            ["#/$defs/networkHeader"] = typeof(NetworkHeader),
            ["#/$defs/topic"] = typeof(Topic),
            ["#/$defs/territory"] = typeof(Territory),
            ["#/$defs/actor"] = typeof(Actor),
            ["#/$defs/body"] = typeof(Body),
            ["#/$defs/person"] = typeof(Person),
            ["#/$defs/measure"] = typeof(Measure),
            ["#/$defs/membership"] = typeof(Membership),
            ["#/$defs/collaboration"] = typeof(Collaboration),
            ["#/$defs/compositionRule"] = typeof(CompositionRule),
            ["#/$defs/meeting"] = typeof(Meeting),
            ["#/$defs/reportSettings"] = typeof(ReportSettings),
            ["#/$defs/reportConsultation"] = typeof(ReportConsultation),
            ["#/$defs/findingMark"] = typeof(FindingMark),
        };
        foreach (var (location, type) in types)
        {
            // [JsonIgnore] properties stay in the contract without a getter or setter: the serializer neither reads nor writes them.
            var inCode = NetworkExchange.DocumentOptions.GetTypeInfo(type).Properties
                .Where(p => p.Get is not null || p.Set is not null).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            var schema = SchemaFile.Resolve(location);
            var inSchema = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
            Assert.True(inCode.SequenceEqual(inSchema),
                $"{location} ({type.Name}): only in the code: [{string.Join(", ", inCode.Except(inSchema))}]; " +
                $"only in the schema: [{string.Join(", ", inSchema.Except(inCode))}].");
            Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
            Assert.All(schema.GetProperty("required").EnumerateArray(), r => Assert.Contains(r.GetString(), inSchema));
        }
        // Every object definition of the schema is one of the document's types.
        var objects = SchemaFile.Definitions.EnumerateObject().Where(d => d.Value.TryGetProperty("properties", out _)).Select(d => $"#/$defs/{d.Name}");
        Assert.Equal(types.Keys.Where(k => k != "#").Order(), objects.Order());
    }

    [Fact]
    public async Task TheExportOfTheSampleNetworkConformsToTheSchema()
    {
        using var app = new TestApp();
        var exported = await ExportAsync(app, Samples.Small, "kreis");
        var validator = SchemaFile.Validator();
        var errors = validator.Validate(exported.RootElement);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    /// <summary>
    /// A network with every optional field set: its export conforms, and it uses every property the schema
    /// declares, so each declaration is checked against what the exporter really writes.
    /// </summary>
    [Fact]
    public async Task TheExportOfANetworkWithEveryFieldSetConformsAndUsesEveryDeclaredProperty()
    {
        using var app = new TestApp();
        var exported = await ExportAsync(app, SchemaSamples.Full, "voll");
        var validator = SchemaFile.Validator();
        var errors = validator.Validate(exported.RootElement);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var unused = SchemaFile.DeclaredProperties().Except(validator.PropertiesSeen).ToList();
        Assert.True(unused.Count == 0, $"The export never wrote: {string.Join(", ", unused)}");
    }

    [Fact]
    public async Task DocumentsTheSchemaAcceptsImportAndDocumentsItRefusesDoNot()
    {
        using var app = new TestApp();
        var validator = SchemaFile.Validator();
        foreach (var (name, json) in SchemaSamples.Valid)
        {
            var errors = validator.Validate(JsonDocument.Parse(json).RootElement);
            Assert.True(errors.Count == 0, $"{name}: the schema refuses it: {string.Join("; ", errors)}");
            var response = await app.ImportAsync(json);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{name}: the import refuses it: {await response.Content.ReadAsStringAsync()}");
        }
        foreach (var (name, json) in SchemaSamples.Invalid)
        {
            Assert.True(validator.Validate(JsonDocument.Parse(json).RootElement).Count > 0, $"{name}: the schema accepts it.");
            var response = await app.ImportAsync(json);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest,
                $"{name}: the import answers {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>An independent, complete draft 2020-12 validator (with format checks) agrees on all the documents above.</summary>
    [PythonJsonSchemaFact]
    public async Task PythonJsonSchemaAgreesOnExportsAndSamples()
    {
        using var app = new TestApp();
        var documents = new List<(string Name, string Json, bool Valid)>
        {
            ("export of Samples.Small", (await ExportAsync(app, Samples.Small, "kreis")).RootElement.GetRawText(), true),
            ("export of SchemaSamples.Full", (await ExportAsync(app, SchemaSamples.Full, "voll")).RootElement.GetRawText(), true),
            ("Samples.Small", Samples.Small, true),
        };
        documents.AddRange(SchemaSamples.Valid.Select(d => (d.Name, d.Json, true)));
        documents.AddRange(SchemaSamples.Invalid.Select(d => (d.Name, d.Json, false)));

        var folder = Directory.CreateTempSubdirectory("networkgraph-schema-").FullName;
        try
        {
            var files = new List<string>();
            for (var i = 0; i < documents.Count; i++)
            {
                files.Add(Path.Combine(folder, $"doc{i}.json"));
                await File.WriteAllTextAsync(files[i], documents[i].Json);
            }
            var script = Path.Combine(folder, "validate.py");
            await File.WriteAllTextAsync(script, """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1], encoding="utf-8"))
                jsonschema.Draft202012Validator.check_schema(schema)
                validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
                result = {}
                for path in sys.argv[2:]:
                    document = json.load(open(path, encoding="utf-8"))
                    result[path] = ["/".join(map(str, e.absolute_path)) + ": " + e.message for e in validator.iter_errors(document)]
                print(json.dumps(result))
                """);
            var (exitCode, stdout, stderr) = await PythonJsonSchemaFactAttribute.RunPythonAsync([script, SchemaFile.Path, .. files]);
            Assert.True(exitCode == 0, $"python3 failed ({exitCode}): {stderr}");
            var result = JsonSerializer.Deserialize<Dictionary<string, string[]>>(stdout)!;
            for (var i = 0; i < documents.Count; i++)
            {
                var (name, _, valid) = documents[i];
                var errors = result[files[i]];
                if (valid) Assert.True(errors.Length == 0, $"{name}: jsonschema refuses it: {string.Join("; ", errors)}");
                else Assert.True(errors.Length > 0, $"{name}: jsonschema accepts it.");
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { /* temp is cleaned by the OS */ }
        }
    }

    private static async Task<JsonDocument> ExportAsync(TestApp app, string document, string networkId)
    {
        var imported = await app.ImportAsync(document);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync());
        var response = await app.CreateClient().GetAsync($"/api/networks/{networkId}/export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}

/// <summary>docs/network.schema.json, read from the repository.</summary>
internal static class SchemaFile
{
    public static string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(TestApp.SeedFolder, "..", "docs", "network.schema.json"));

    private static readonly Lazy<JsonDocument> Document = new(() => JsonDocument.Parse(File.ReadAllText(Path)));

    public static JsonElement Root => Document.Value.RootElement;
    public static JsonElement Definitions => Root.GetProperty("$defs");

    public static MiniJsonSchema Validator() => new(Root);

    /// <summary>A local reference such as "#/$defs/actor".</summary>
    public static JsonElement Resolve(string reference) => MiniJsonSchema.Resolve(Root, reference);

    /// <summary>Where each property of each object is declared, as "#/$defs/actor/properties/name".</summary>
    public static IEnumerable<string> DeclaredProperties() =>
        Root.GetProperty("properties").EnumerateObject().Select(p => $"#/properties/{p.Name}")
            .Concat(Definitions.EnumerateObject()
                .Where(d => d.Value.TryGetProperty("properties", out _))
                .SelectMany(d => d.Value.GetProperty("properties").EnumerateObject().Select(p => $"#/$defs/{d.Name}/properties/{p.Name}")));
}

/// <summary>
/// The part of JSON Schema draft 2020-12 that docs/network.schema.json uses, so the schema is checked in
/// .NET without another package. A keyword it does not know fails the test instead of being ignored, so
/// the schema cannot grow a rule that this check silently skips.
/// </summary>
internal sealed class MiniJsonSchema(JsonElement root)
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$comment", "$defs", "title", "description", "default", "examples", "then", "else"];

    /// <summary>The property declarations that some validated instance used.</summary>
    public HashSet<string> PropertiesSeen { get; } = new(StringComparer.Ordinal);

    public List<string> Validate(JsonElement instance, string location = "#")
    {
        var errors = new List<string>();
        Check(Resolve(root, location), location, instance, "$", errors);
        return errors;
    }

    public static JsonElement Resolve(JsonElement root, string reference)
    {
        if (!reference.StartsWith('#')) throw new NotSupportedException($"Only local references are supported, not '{reference}'.");
        return reference[1..].Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Aggregate(root, (e, part) => e.GetProperty(part.Replace("~1", "/").Replace("~0", "~")));
    }

    private void Check(JsonElement schema, string at, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            var rule = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref":
                    var target = rule.GetString()!;
                    Check(Resolve(root, target), target, value, path, errors);
                    break;
                case "type":
                    var types = rule.ValueKind == JsonValueKind.Array ? rule.EnumerateArray().Select(t => t.GetString()!).ToList() : [rule.GetString()!];
                    if (!types.Any(t => IsOfType(value, t))) errors.Add($"{path}: is {value.ValueKind}, not {string.Join(" or ", types)}.");
                    break;
                case "enum":
                    if (!rule.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value))) errors.Add($"{path}: {value.GetRawText()} is not one of {rule.GetRawText()}.");
                    break;
                case "const":
                    if (!JsonElement.DeepEquals(rule, value)) errors.Add($"{path}: {value.GetRawText()} is not {rule.GetRawText()}.");
                    break;
                case "pattern":
                    if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, rule.GetString()!))
                        errors.Add($"{path}: '{value.GetString()}' does not match {rule.GetString()}.");
                    break;
                case "minLength" or "maxLength":
                    if (value.ValueKind != JsonValueKind.String) break;
                    var length = value.GetString()!.EnumerateRunes().Count(); // JSON Schema counts code points
                    if (keyword.Name == "minLength" ? length < rule.GetInt32() : length > rule.GetInt32())
                        errors.Add($"{path}: has {length} characters; {keyword.Name} is {rule.GetInt32()}.");
                    break;
                case "format":
                    if (rule.GetString() != "date") throw new NotSupportedException($"format '{rule.GetString()}' at {at}");
                    if (value.ValueKind == JsonValueKind.String &&
                        !DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                        errors.Add($"{path}: '{value.GetString()}' is not a date.");
                    break;
                case "minimum" or "maximum" or "exclusiveMinimum":
                    if (value.ValueKind != JsonValueKind.Number) break;
                    var (number, bound) = (value.GetDouble(), rule.GetDouble());
                    var ok = keyword.Name switch { "minimum" => number >= bound, "maximum" => number <= bound, _ => number > bound };
                    if (!ok) errors.Add($"{path}: {number} breaks {keyword.Name} {bound}.");
                    break;
                case "items":
                    if (value.ValueKind != JsonValueKind.Array) break;
                    var index = 0;
                    foreach (var item in value.EnumerateArray()) Check(rule, $"{at}/items", item, $"{path}[{index++}]", errors);
                    break;
                case "maxItems":
                    if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > rule.GetInt32())
                        errors.Add($"{path}: has {value.GetArrayLength()} items; at most {rule.GetInt32()}.");
                    break;
                case "uniqueItems":
                    if (value.ValueKind != JsonValueKind.Array || !rule.GetBoolean()) break;
                    var items = value.EnumerateArray().ToList();
                    for (var i = 0; i < items.Count; i++)
                        if (items.Take(i).Any(earlier => JsonElement.DeepEquals(earlier, items[i]))) errors.Add($"{path}[{i}]: repeats an earlier item.");
                    break;
                case "required":
                    if (value.ValueKind != JsonValueKind.Object) break;
                    foreach (var name in rule.EnumerateArray().Select(r => r.GetString()!))
                        if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: '{name}' is required.");
                    break;
                case "properties":
                    if (value.ValueKind != JsonValueKind.Object) break;
                    foreach (var property in value.EnumerateObject())
                    {
                        if (!rule.TryGetProperty(property.Name, out var declared)) continue;
                        PropertiesSeen.Add($"{at}/properties/{property.Name}");
                        Check(declared, $"{at}/properties/{property.Name}", property.Value, $"{path}.{property.Name}", errors);
                    }
                    break;
                case "additionalProperties":
                    if (rule.ValueKind != JsonValueKind.False) throw new NotSupportedException($"additionalProperties other than false at {at}");
                    if (value.ValueKind != JsonValueKind.Object) break;
                    var known = schema.TryGetProperty("properties", out var props) ? props : default;
                    foreach (var property in value.EnumerateObject())
                        if (known.ValueKind != JsonValueKind.Object || !known.TryGetProperty(property.Name, out _))
                            errors.Add($"{path}: '{property.Name}' is not declared.");
                    break;
                case "anyOf":
                    var branches = rule.EnumerateArray().Select((branch, i) =>
                    {
                        var branchErrors = new List<string>();
                        Check(branch, $"{at}/anyOf/{i}", value, path, branchErrors);
                        return branchErrors;
                    }).ToList();
                    if (branches.All(b => b.Count > 0)) errors.Add($"{path}: matches none of anyOf ({string.Join(" | ", branches.Select(b => b[0]))}).");
                    break;
                case "if":
                    var condition = new List<string>();
                    Check(rule, $"{at}/if", value, path, condition);
                    var branch = condition.Count == 0 ? "then" : "else";
                    if (schema.TryGetProperty(branch, out var consequence)) Check(consequence, $"{at}/{branch}", value, path, errors);
                    break;
                default:
                    if (!Annotations.Contains(keyword.Name)) throw new NotSupportedException($"The schema keyword '{keyword.Name}' at {at} is not checked here.");
                    break;
            }
        }
    }

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) && d == decimal.Truncate(d),
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new NotSupportedException($"type '{type}'"),
    };
}

/// <summary>Runs only where python3 has the jsonschema module; says so when it does not.</summary>
public sealed class PythonJsonSchemaFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(() =>
    {
        try
        {
            var (exitCode, _, stderr) = RunPythonAsync(["-c", "import jsonschema"]).GetAwaiter().GetResult();
            return exitCode == 0 ? null : $"python3 has no jsonschema module ({stderr.Trim()}); pip install jsonschema to run this check.";
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return $"python3 is not available ({e.Message}).";
        }
    });

    public PythonJsonSchemaFactAttribute()
    {
        if (Missing.Value is { } reason) Skip = reason;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunPythonAsync(IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("python3 did not finish within 60 s.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>Exchange documents for the schema tests.</summary>
internal static class SchemaSamples
{
    /// <summary>Every property of every kind set at least once.</summary>
    public const string Full = """
    {
      "network": { "id": "voll", "name": "Vollständiger Kreis", "description": "Every field set once", "dataAsOf": "2024-03-31" },
      "topics": [ { "id": "arbeit", "name": "Arbeit", "description": "Arbeitsmarktintegration" } ],
      "territories": [
        { "id": "lk", "name": "Landkreis", "kind": "district" },
        { "id": "stadt", "name": "Stadt", "kind": "city", "parent": "lk" }
      ],
      "actors": [
        { "id": "kv", "name": "Kreisverwaltung", "shortName": "KV", "kind": "administration", "territories": ["lk"], "topics": ["arbeit"],
          "description": "Die Verwaltung des Landkreises" },
        { "id": "amt", "name": "Amt für Migration", "kind": "administration", "parent": "kv" },
        { "id": "caritas", "name": "Caritasverband", "kind": "welfareAssociation" }
      ],
      "bodies": [
        { "id": "sg", "name": "Steuerungsgruppe Integration", "kind": "steeringGroup", "mandate": "Steuert die Integrationsarbeit",
          "topics": ["arbeit"], "territories": ["lk"], "meetingsPerYear": 4, "meetingHours": 1.5, "lastMeeting": "2022-06-09",
          "status": "active", "lead": "amt", "founded": "2016-03-01" },
        { "id": "ag", "name": "AG Sprache", "kind": "workingGroup", "status": "dissolved", "reportsTo": "sg",
          "founded": "2017-01-01", "dissolved": "2020-12-31" }
      ],
      "persons": [ { "id": "leitung", "name": "Leitung Referat Integration", "function": "Referatsleitung", "actor": "amt", "retainUntil": "2027-12-31" } ],
      "memberships": [
        { "id": "m1", "member": "leitung", "body": "sg", "role": "chair", "representing": "amt", "since": "2016-03-01", "until": "2023-12-31" }
      ],
      "collaborations": [
        { "id": "c1", "from": "amt", "to": "caritas", "kind": "funding", "topics": ["arbeit"], "since": "2018-01-01", "until": "2024-12-31",
          "description": "Förderung der Migrationsberatung" }
      ],
      "measures": [
        { "id": "welcome", "name": "Welcome-App", "offeredBy": ["kv"], "topics": ["arbeit"], "territories": ["lk"], "description": "Eine App",
          "since": "2019-01-01", "until": "2025-12-31" }
      ],
      "compositionRules": [ { "bodyKind": "steeringGroup", "requiredActorKinds": ["migrantOrganisation", "jobcenter"] } ],
      "meetings": [ { "id": "s1", "title": "Sitzung der Steuerungsgruppe", "day": "2025-03-12", "startRevision": 0, "endRevision": 0 } ],
      "report": { "unit": "Amt für Migration und Integration", "date": "2022-09-16", "number": "2022/248", "subject": "Bericht aus der Steuerungsgruppe",
        "consultations": [ { "body": "Sozialausschuss", "date": "2022-09-26", "session": "öffentlich" } ], "meetingDate": "2022-09-26",
        "purpose": "decision", "proposal": "Der Ausschuss nimmt den Bericht zur Kenntnis.", "mapFocus": "sg" },
      "findingMarks": [ { "key": "gap:dormantBody:sg", "fingerprint": "0123456789abcdef", "state": "inProgress", "note": "Wird neu einberufen.", "by": "Anna", "on": "2024-03-01" } ]
    }
    """;

    private const string Network = """ "network": { "id": "n", "name": "N" } """;
    private const string Actors = """ "actors": [ { "id": "a", "name": "A", "kind": "other" }, { "id": "b", "name": "B", "kind": "other" } ] """;
    private const string Bodies = """ "bodies": [ { "id": "g", "name": "G", "kind": "network" } ] """;

    private static string Doc(params string[] parts) => "{" + string.Join(",", parts) + "}";

    public static readonly IReadOnlyList<(string Name, string Json)> Valid =
    [
        ("only the network", Doc(Network)),
        ("defaults: membership and collaboration without id, role or kind; body without status",
            Doc(Network, Actors, Bodies, """ "memberships": [ { "member": "a", "body": "g" } ], "collaborations": [ { "from": "a", "to": "b" } ] """)),
        ("null for absent values",
            Doc(""" "network": { "id": "n", "name": "N", "description": null }, "topics": null """,
                """ "actors": [ { "id": "a", "name": "A", "kind": "other", "parent": null, "topics": null, "shortName": null } ] """,
                """ "bodies": [ { "id": "g", "name": "G", "kind": "network", "status": null, "lastMeeting": null, "meetingsPerYear": null } ] """,
                """ "memberships": [ { "id": null, "member": "a", "body": "g", "role": null } ] """,
                """ "compositionRules": [ { "bodyKind": "network", "requiredActorKinds": null } ] """)),
        ("empty membership id is derived", Doc(Network, Actors, Bodies, """ "memberships": [ { "id": "", "member": "a", "body": "g", "since": "2020-01-01" } ] """)),
        ("a dissolved body with its date",
            Doc(Network, """ "bodies": [ { "id": "g", "name": "G", "kind": "network", "status": "dissolved", "dissolved": "2020-01-01" } ] """)),
        ("a composition rule without actor kinds", Doc(Network, """ "compositionRules": [ { "bodyKind": "network" } ] """)),
    ];

    public static readonly IReadOnlyList<(string Name, string Json)> Invalid =
    [
        ("no network", Doc(Actors)),
        ("network without name", Doc(""" "network": { "id": "n" } """)),
        ("network id with a space", Doc(""" "network": { "id": "n n", "name": "N" } """)),
        ("network Datenstand not a date", Doc(""" "network": { "id": "n", "name": "N", "dataAsOf": "31.03.2024" } """)),
        ("unknown actor kind", Doc(Network, """ "actors": [ { "id": "a", "name": "A", "kind": "ngo" } ] """)),
        ("actor without kind", Doc(Network, """ "actors": [ { "id": "a", "name": "A" } ] """)),
        ("actor id starting with '-'", Doc(Network, """ "actors": [ { "id": "-a", "name": "A", "kind": "other" } ] """)),
        ("actor id of 251 characters", Doc(Network, $$""" "actors": [ { "id": "{{new string('a', 251)}}", "name": "A", "kind": "other" } ] """)),
        ("empty actor name", Doc(Network, """ "actors": [ { "id": "a", "name": "", "kind": "other" } ] """)),
        ("blank actor name", Doc(Network, """ "actors": [ { "id": "a", "name": "   ", "kind": "other" } ] """)),
        ("actor name of 201 characters", Doc(Network, $$""" "actors": [ { "id": "a", "name": "{{new string('n', 201)}}", "kind": "other" } ] """)),
        ("topic description of 10,001 characters", Doc(Network, $$""" "topics": [ { "id": "t", "name": "T", "description": "{{new string('d', 10_001)}}" } ] """)),
        ("topic listed twice", Doc(Network, """ "topics": [ { "id": "t", "name": "T" } ], "actors": [ { "id": "a", "name": "A", "kind": "other", "topics": ["t", "t"] } ] """)),
        ("unknown territory kind", Doc(Network, """ "territories": [ { "id": "t", "name": "T", "kind": "county" } ] """)),
        ("unknown body kind", Doc(Network, """ "bodies": [ { "id": "g", "name": "G", "kind": "club" } ] """)),
        ("unknown body status", Doc(Network, """ "bodies": [ { "id": "g", "name": "G", "kind": "network", "status": "closed" } ] """)),
        ("dissolved body without date", Doc(Network, """ "bodies": [ { "id": "g", "name": "G", "kind": "network", "status": "dissolved" } ] """)),
        ("active body with a dissolved date", Doc(Network, """ "bodies": [ { "id": "g", "name": "G", "kind": "network", "dissolved": "2020-01-01" } ] """)),
        ("367 meetings a year", Doc(Network, """ "bodies": [ { "id": "g", "name": "G", "kind": "network", "meetingsPerYear": 367 } ] """)),
        ("meetings of 0 hours", Doc(Network, """ "bodies": [ { "id": "g", "name": "G", "kind": "network", "meetingHours": 0 } ] """)),
        ("meetings of 25 hours", Doc(Network, """ "bodies": [ { "id": "g", "name": "G", "kind": "network", "meetingHours": 25 } ] """)),
        ("date without leading zeros", Doc(Network, """ "bodies": [ { "id": "g", "name": "G", "kind": "network", "lastMeeting": "2022-6-9" } ] """)),
        ("impossible date", Doc(Network, """ "bodies": [ { "id": "g", "name": "G", "kind": "network", "founded": "2023-02-30" } ] """)),
        ("German date", Doc(Network, """ "measures": [ { "id": "m", "name": "M", "since": "01.03.2016" } ] """)),
        ("unknown membership role", Doc(Network, Actors, Bodies, """ "memberships": [ { "member": "a", "body": "g", "role": "boss" } ] """)),
        ("membership without body", Doc(Network, Actors, """ "memberships": [ { "member": "a" } ] """)),
        ("membership id with a slash", Doc(Network, Actors, Bodies, """ "memberships": [ { "id": "m/1", "member": "a", "body": "g" } ] """)),
        ("unknown collaboration kind", Doc(Network, Actors, """ "collaborations": [ { "from": "a", "to": "b", "kind": "friendship" } ] """)),
        ("collaboration without 'to'", Doc(Network, Actors, """ "collaborations": [ { "from": "a" } ] """)),
        ("composition rule without body kind", Doc(Network, """ "compositionRules": [ { "requiredActorKinds": ["jobcenter"] } ] """)),
        ("composition rule with an unknown actor kind", Doc(Network, """ "compositionRules": [ { "bodyKind": "network", "requiredActorKinds": ["ngo"] } ] """)),
    ];
}
