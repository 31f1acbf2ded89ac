using System.Globalization;
using GraphApi.Domain;

namespace GraphUi.Components.Panels.Forms;

/// <summary>
/// What a person types into an editor, field by field, under the names the service uses ("name", "meetingsPerYear"), so
/// its messages land beside the right field. Values stay text until saved: nothing typed is lost to a parse.
/// </summary>
public sealed class EntityForm
{
    /// <param name="label">How a reference field shows the entry it names (its name); ids are shown as they are without it.</param>
    public EntityForm(Entity entity, Func<string, string>? label = null)
    {
        Original = entity;
        Kind = entity.EntityKind;
        BasedOn = entity.Version;
        foreach (var (field, value) in Read(entity))
        {
            if (value is IReadOnlyList<string> list) Lists[field] = list.ToArray();
            else if (value is string text && IsDate(field)) Values[field] = GermanInput.Day(text);
            else if (value is string id && IsReference(field) && label is not null) Values[field] = label(id);
            else if (value is string number && field == "meetingHours") Values[field] = GermanInput.Number(number);
            else Values[field] = value as string;
        }
        if (entity is Network n)
            Rules = n.CompositionRules.Select(r => new RuleInput { BodyKind = r.BodyKind, RequiredActorKinds = r.RequiredActorKinds.ToArray() }).ToList();
    }

    /// <summary>Whether the form makes a new entry (no id yet) rather than changing one.</summary>
    public bool IsNew => Original.Version == 0;

    /// <summary>The network's composition rules as typed (network forms only).</summary>
    public List<RuleInput> Rules { get; } = [];

    public sealed class RuleInput
    {
        public string BodyKind { get; set; } = "";
        public string[] RequiredActorKinds { get; set; } = [];
    }

    /// <summary>Fields that name another entry: typed as a name, picked from a list that searches by name.</summary>
    public static bool IsReference(string field) => field is "parent" or "lead" or "reportsTo" or "member" or "body" or "representing"
        or "from" or "to" or "actor";

    /// <summary>Fields that hold a day: typed TT.MM.JJJJ, stored YYYY-MM-DD.</summary>
    public static bool IsDate(string field) => field is "lastMeeting" or "founded" or "dissolved" or "since" or "until" or "dataAsOf" or "retainUntil";

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
        EntityKind.Person => ["function", "name", "actor", "retainUntil"], // the function first: the name is optional (privacy)
        EntityKind.Topic => ["name", "description"],
        EntityKind.Territory => ["name", "kind", "parent"],
        EntityKind.Measure => ["name", "offeredBy", "topics", "territories", "since", "until", "description"],
        EntityKind.Network => ["name", "description", "dataAsOf"],
        _ => [],
    };

    /// <summary>Whether the panel edits the kind: every kind.</summary>
    public static bool Editable(EntityKind kind) => FieldsOf(kind).Count > 0;

    /// <summary>A new, empty entry of a kind, with the values the next entry is likely to share (the body of a membership...).</summary>
    public static Entity New(EntityKind kind) => kind switch
    {
        EntityKind.Actor => new Actor(),
        EntityKind.Body => new Body(),
        EntityKind.Person => new Person(),
        EntityKind.Topic => new Topic(),
        EntityKind.Territory => new Territory(),
        EntityKind.Measure => new Measure(),
        EntityKind.Membership => new Membership(),
        EntityKind.Collaboration => new Collaboration(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only entries of a network are created here."),
    };

    /// <summary>For "Speichern und nächster": a new entry of the same kind that keeps what a series shares (the body, the parent, the kind).</summary>
    public static Entity Next(Entity saved) => saved switch
    {
        Membership m => new Membership { Body = m.Body, Role = m.Role, Since = m.Since },
        Territory t => new Territory { Kind = t.Kind, Parent = t.Parent },
        Person p => new Person { Actor = p.Actor },
        Actor a => new Actor { Kind = a.Kind, Parent = a.Parent },
        Body b => new Body { Kind = b.Kind, ReportsTo = b.ReportsTo },
        Collaboration c => new Collaboration { From = c.From, Kind = c.Kind },
        Measure m => new Measure { OfferedBy = m.OfferedBy },
        _ => New(saved.EntityKind),
    };

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
        Person p => [("function", p.Function), ("name", p.Name), ("actor", p.Actor), ("retainUntil", p.RetainUntil)],
        Topic t => [("name", t.Name), ("description", t.Description)],
        Territory t => [("name", t.Name), ("kind", t.Kind), ("parent", t.Parent)],
        Measure m => [("name", m.Name), ("offeredBy", m.OfferedBy), ("topics", m.Topics), ("territories", m.Territories), ("since", m.Since),
            ("until", m.Until), ("description", m.Description)],
        Network n => [("name", n.Name), ("description", n.Description), ("dataAsOf", n.DataAsOf)],
        _ => [],
    };

    /// <summary>The messages for what cannot be read: a number, a day, a name that names no entry.</summary>
    public sealed record Messages(Func<string, string> NotANumber, Func<string, string> NotADay, Func<string, string> Unknown);

    /// <summary>
    /// The entity as typed, based on <see cref="BasedOn"/>. Numbers and days are read the German way ("2,5", "12.03.2025")
    /// whatever the browser's or the page's language; names in reference fields are looked up with <paramref name="resolve"/>.
    /// What cannot be read is reported in <paramref name="problems"/> under its field, and nothing is returned.
    /// </summary>
    public Entity? ToEntity(IDictionary<string, string[]> problems, Messages say, Func<string, string, string?>? resolve = null)
    {
        string? Raw(string f) => Values.TryGetValue(f, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        string? S(string f)
        {
            if (Raw(f) is not { } text) return null;
            if (IsDate(f))
            {
                if (GermanInput.TryDay(text, out var iso)) return iso;
                problems[f] = [say.NotADay(text)];
                return null;
            }
            if (IsReference(f) && resolve is not null)
            {
                if (resolve(f, text) is { } id) return id;
                problems[f] = [say.Unknown(text)];
                return null;
            }
            return text;
        }
        string[] L(string f) => Lists.TryGetValue(f, out var v) ? v : [];
        int? Int(string f)
        {
            if (Raw(f) is not { } text) return null;
            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
            problems[f] = [say.NotANumber(text)];
            return null;
        }
        double? Dec(string f)
        {
            if (Raw(f) is not { } text) return null;
            if (GermanInput.TryNumber(text, out var n)) return n;
            problems[f] = [say.NotANumber(text)];
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
            Person p => p with { Name = S("name") ?? "", Function = S("function"), Actor = S("actor"), RetainUntil = S("retainUntil") },
            Topic t => t with { Name = S("name") ?? "", Description = S("description") },
            Territory t => t with { Name = S("name") ?? "", Kind = S("kind") ?? "", Parent = S("parent") },
            Measure m => m with { Name = S("name") ?? "", OfferedBy = L("offeredBy"), Topics = L("topics"), Territories = L("territories"),
                Since = S("since"), Until = S("until"), Description = S("description") },
            Network n => n with { Name = S("name") ?? "", Description = S("description"), DataAsOf = S("dataAsOf"),
                CompositionRules = Rules.Where(r => r.BodyKind.Length > 0 || r.RequiredActorKinds.Length > 0)
                    .Select(r => new CompositionRule(r.BodyKind, r.RequiredActorKinds)).ToList() },
            _ => Original,
        };
        return problems.Count > 0 ? null : result with { Version = BasedOn };
    }
}
