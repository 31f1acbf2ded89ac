using System.Globalization;
using GraphApi.Domain;

namespace GraphUi.Components.Panels.Forms;

/// <summary>
/// What a person types into an editor, field by field, under the names the service uses ("name", "meetingsPerYear"), so
/// its messages land beside the right field. Values stay text until saved: nothing typed is lost to a parse.
/// </summary>
public sealed class EntityForm
{
    public EntityForm(Entity entity)
    {
        Original = entity;
        Kind = entity.EntityKind;
        BasedOn = entity.Version;
        foreach (var (field, value) in Read(entity))
        {
            if (value is IReadOnlyList<string> list) Lists[field] = list.ToArray();
            else Values[field] = value as string;
        }
    }

    public Entity Original { get; }
    public EntityKind Kind { get; }

    /// <summary>The version the edit is based on; after a conflict the person may decide to save over the current one.</summary>
    public long BasedOn { get; set; }

    public Dictionary<string, string?> Values { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string[]> Lists { get; } = new(StringComparer.Ordinal);

    public bool Has(string field) => Values.ContainsKey(field) || Lists.ContainsKey(field);

    /// <summary>The fields an editor of this kind shows, in order.</summary>
    public static IReadOnlyList<string> FieldsOf(EntityKind kind) => kind switch
    {
        EntityKind.Actor => ["name", "shortName", "kind", "parent", "topics", "territories", "description"],
        EntityKind.Body => ["name", "kind", "status", "mandate", "meetingsPerYear", "meetingHours", "lastMeeting", "lead", "reportsTo",
            "founded", "dissolved", "topics", "territories"],
        EntityKind.Membership => ["member", "body", "role", "representing", "since", "until"],
        EntityKind.Collaboration => ["from", "to", "kind", "topics", "since", "until", "description"],
        EntityKind.Person => ["name", "function", "actor"],
        EntityKind.Topic => ["name", "description"],
        EntityKind.Territory => ["name", "kind", "parent"],
        EntityKind.Measure => ["name", "offeredBy", "topics", "territories", "since", "until", "description"],
        _ => [],
    };

    /// <summary>Whether this panel edits the kind (the others are shown; their editors come with issue 9).</summary>
    public static bool Editable(EntityKind kind) => kind is EntityKind.Actor or EntityKind.Body or EntityKind.Membership or EntityKind.Collaboration;

    /// <summary>A field's value as the entity holds it, for showing: text, a code, an id, or a list of ids.</summary>
    public static IEnumerable<(string Field, object? Value)> Read(Entity entity) => entity switch
    {
        Actor a => [("name", a.Name), ("shortName", a.ShortName), ("kind", a.Kind), ("parent", a.Parent), ("topics", a.Topics),
            ("territories", a.Territories), ("description", a.Description)],
        Body b => [("name", b.Name), ("kind", b.Kind), ("status", b.Status), ("mandate", b.Mandate),
            ("meetingsPerYear", b.MeetingsPerYear?.ToString(CultureInfo.CurrentCulture)),
            ("meetingHours", b.MeetingHours?.ToString(CultureInfo.CurrentCulture)), ("lastMeeting", b.LastMeeting), ("lead", b.Lead),
            ("reportsTo", b.ReportsTo), ("founded", b.Founded), ("dissolved", b.Dissolved), ("topics", b.Topics), ("territories", b.Territories)],
        Membership m => [("member", m.Member), ("body", m.Body), ("role", m.Role), ("representing", m.Representing), ("since", m.Since), ("until", m.Until)],
        Collaboration c => [("from", c.From), ("to", c.To), ("kind", c.Kind), ("topics", c.Topics), ("since", c.Since), ("until", c.Until),
            ("description", c.Description)],
        Person p => [("name", p.Name), ("function", p.Function), ("actor", p.Actor)],
        Topic t => [("name", t.Name), ("description", t.Description)],
        Territory t => [("name", t.Name), ("kind", t.Kind), ("parent", t.Parent)],
        Measure m => [("name", m.Name), ("offeredBy", m.OfferedBy), ("topics", m.Topics), ("territories", m.Territories), ("since", m.Since),
            ("until", m.Until), ("description", m.Description)],
        _ => [],
    };

    /// <summary>
    /// The entity as typed, based on <see cref="BasedOn"/>. Numbers are read the German way ("2,5") in a German UI and the
    /// English way otherwise; what cannot be read is reported in <paramref name="problems"/> under its field.
    /// </summary>
    public Entity? ToEntity(IDictionary<string, string[]> problems, Func<string, string> notANumber)
    {
        string? S(string f) => Values.TryGetValue(f, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        string[] L(string f) => Lists.TryGetValue(f, out var v) ? v : [];
        int? Int(string f)
        {
            if (S(f) is not { } text) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.CurrentCulture, out var n)) return n;
            problems[f] = [notANumber(text)];
            return null;
        }
        double? Dec(string f)
        {
            if (S(f) is not { } text) return null;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.CurrentCulture, out var n) && double.IsFinite(n)) return n;
            problems[f] = [notANumber(text)];
            return null;
        }

        Entity result = Original switch
        {
            Actor a => a with { Name = S("name") ?? "", ShortName = S("shortName"), Kind = S("kind") ?? "", Parent = S("parent"),
                Topics = L("topics"), Territories = L("territories"), Description = S("description") },
            Body b => b with { Name = S("name") ?? "", Kind = S("kind") ?? "", Status = S("status") ?? BodyStatuses.Active, Mandate = S("mandate"),
                MeetingsPerYear = Int("meetingsPerYear"), MeetingHours = Dec("meetingHours"), LastMeeting = S("lastMeeting"), Lead = S("lead"),
                ReportsTo = S("reportsTo"), Founded = S("founded"), Dissolved = S("dissolved"), Topics = L("topics"), Territories = L("territories") },
            Membership m => m with { Member = S("member") ?? "", Body = S("body") ?? "", Role = S("role") ?? MembershipRoles.Member,
                Representing = S("representing"), Since = S("since"), Until = S("until") },
            Collaboration c => c with { From = S("from") ?? "", To = S("to") ?? "", Kind = S("kind") ?? CollaborationKinds.Informal,
                Topics = L("topics"), Since = S("since"), Until = S("until"), Description = S("description") },
            _ => Original,
        };
        return problems.Count > 0 ? null : result with { Version = BasedOn };
    }
}
