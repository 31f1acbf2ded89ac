using System.Globalization;
using System.Resources;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphApi.Domain;
using GraphApi.Localization;

namespace GraphApi.Privacy;

/// <summary>
/// An erased person's name where people wrote it by hand: in descriptions, mandates, notes, a meeting's title, the report's
/// header, another person's function — every string field of an entity or the network that is not an id, a reference or a
/// code. <see cref="Scrub"/> replaces each mention by a neutral placeholder ("[gelöscht]").
/// <para>The rule (docs/security.md, "Free text"): a name is searched as a whole, case-insensitively, in the forms
/// <list type="bullet">
/// <item>as written ("Dr. Ottilie Quastenberg"), any run of blanks or line breaks between its words;</item>
/// <item>without leading titles (words ending in a dot: "Ottilie Quastenberg");</item>
/// <item>surname first ("Quastenberg, Ottilie");</item>
/// </list>
/// each also in the genitive ("Ottilie Quastenbergs", "Hans’"). A mention must stand as words of its own: no letter, digit,
/// hyphen or underscore right before or after it, so "Anna Berg" is not found in "Hanna Bergmann", "Anna Bergstraße" or
/// "Marie-Anna Berg". The surname or the given name alone is not searched: "Peine" or "Weber" alone would also hit places,
/// organisations and other people. Another person's own name is left alone (it is that person's), and so are ids, references
/// and codes (replacing inside them would break the network).</para>
/// </summary>
public sealed class NameMentions
{
    private readonly Regex _pattern;

    private NameMentions(Regex pattern, string placeholder)
    {
        _pattern = pattern;
        Placeholder = placeholder;
    }

    /// <summary>What a mention becomes.</summary>
    public string Placeholder { get; }

    private static readonly ResourceManager Resources = new("GraphApi.Localization.Strings", typeof(Strings).Assembly);

    /// <summary>
    /// The placeholder in the product's default language, German ("[gelöscht]"), whoever erases: the stored data is the same
    /// for everyone, like the seed's texts, so it does not depend on the language of the request that erased.
    /// </summary>
    public static string DefaultPlaceholder => Resources.GetString("privacy.erasedName", CultureInfo.InvariantCulture) ?? "[gelöscht]";

    /// <summary>The mentions of any of <paramref name="names"/> (the names one person was stored under); null when there is no name to look for.</summary>
    public static NameMentions? Of(IEnumerable<string?> names, string? placeholder = null)
    {
        var forms = names.SelectMany(Forms).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(f => f.Length) // the longest form first, so "Dr. Anna Berg" is replaced whole, not as "Dr. [gelöscht]"
            .ToList();
        if (forms.Count == 0) return null;
        const string wordChar = @"[\p{L}\p{M}\p{N}_\-]";
        var pattern = $@"(?<!{wordChar})(?:{string.Join("|", forms)})(?:s|['’]s?)?(?!{wordChar})";
        return new NameMentions(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5)),
            placeholder ?? DefaultPlaceholder);
    }

    /// <summary>The searched forms of one name, as regular expressions (see the class's rule).</summary>
    private static IEnumerable<string> Forms(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) yield break;
        var words = name.Normalize(NormalizationForm.FormC).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // A name of a single character would hit every such letter standing alone.
        if (words.Sum(w => w.Length) < 2) yield break;
        const string blank = @"[\s\u00A0]+";
        static string Escaped(IEnumerable<string> w) => string.Join(blank, w.Select(Regex.Escape));
        yield return Escaped(words);
        var untitled = words.SkipWhile(w => w.EndsWith('.')).ToArray();
        if (untitled.Length > 0 && untitled.Length < words.Length) yield return Escaped(untitled);
        if (untitled.Length >= 2)
            yield return Regex.Escape(untitled[^1]) + @"[\s\u00A0]*," + @"[\s\u00A0]*" + Escaped(untitled[..^1]);
    }

    /// <summary>The text with every mention replaced; the same string instance when it has none.</summary>
    public string Replace(string text)
    {
        var normal = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return _pattern.IsMatch(normal) ? _pattern.Replace(normal, Placeholder) : text;
    }

    /// <summary>Top-level fields that are not free text: ids, references to other entries, codes of the kind registry, days.</summary>
    private static readonly HashSet<string> NotText =
    [
        "id", "kind", "status", "role", "parent", "territories", "topics", "actor", "member", "body", "from", "to", "lead", "reportsTo",
        "offeredBy", "representing", "since", "until", "founded", "dissolved", "lastMeeting", "dataAsOf", "retainUntil",
    ];

    /// <summary>Fields of nested values (meetings, report settings, finding marks, composition rules) that are not free text.</summary>
    private static readonly HashSet<string> NestedNotText =
        ["id", "key", "fingerprint", "state", "purpose", "mapFocus", "bodyKind", "requiredActorKinds", "day", "date", "meetingDate", "on"];

    /// <summary>
    /// The entity with every mention in its free text replaced; the same instance when there is none (so a store rewrites
    /// only what changes). A person's own name is not free text: another person of the same name keeps it.
    /// </summary>
    public Entity Scrub(Entity entity)
    {
        var json = JsonSerializer.SerializeToNode(entity, entity.GetType(), GraphJson.Options)!.AsObject();
        var skip = entity is Person ? NotText.Append("name").ToHashSet() : NotText;
        return Rewrite(json, skip) ? (Entity)json.Deserialize(entity.GetType(), GraphJson.Options)! : entity;
    }

    /// <summary>Replaces the mentions in the strings below <paramref name="node"/> (fields in <paramref name="skip"/> left out); whether there were any.</summary>
    private bool Rewrite(JsonNode node, IReadOnlySet<string> skip)
    {
        var any = false;
        IEnumerable<(JsonNode? Value, Action<JsonNode> Set)> children = node switch
        {
            JsonObject obj => obj.ToList().Where(p => !skip.Contains(p.Key))
                .Select(p => (p.Value, (Action<JsonNode>)(v => obj[p.Key] = v))),
            JsonArray array => array.Select((v, i) => (v, (Action<JsonNode>)(x => array[i] = x))).ToList(),
            _ => [],
        };
        foreach (var (value, set) in children)
        {
            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
            {
                var text = v.GetValue<string>();
                var replaced = Replace(text);
                if (ReferenceEquals(replaced, text)) continue;
                set(JsonValue.Create(replaced));
                any = true;
            }
            else if (value is JsonObject or JsonArray && Rewrite(value, NestedNotText))
                any = true;
        }
        return any;
    }
}
