using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GraphApi.Domain;

/// <summary>The JSON conventions of the whole product: camelCase, no nulls, umlauts as they are.</summary>
public static class GraphJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // German names are data, not markup: keep "Börde" readable in the store and in exports.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.AllowTrailingCommas = false;
        return options;
    }

    public static string Serialize(Entity entity) => JsonSerializer.Serialize(entity, entity.GetType(), Options);

    public static Entity Deserialize(EntityKind kind, string json) =>
        (Entity)JsonSerializer.Deserialize(json, TypeOf(kind), Options)!;

    public static Type TypeOf(EntityKind kind) => kind switch
    {
        EntityKind.Network => typeof(Network),
        EntityKind.Topic => typeof(Topic),
        EntityKind.Territory => typeof(Territory),
        EntityKind.Actor => typeof(Actor),
        EntityKind.Body => typeof(Body),
        EntityKind.Person => typeof(Person),
        EntityKind.Measure => typeof(Measure),
        EntityKind.Membership => typeof(Membership),
        EntityKind.Collaboration => typeof(Collaboration),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
