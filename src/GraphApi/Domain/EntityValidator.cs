using System.Globalization;
using System.Text.RegularExpressions;

namespace GraphApi.Domain;

/// <summary>
/// The one validation mechanism: the rules of each field, the references between entities and the
/// chains that must not loop. The CRUD endpoints and the import use it alike; only the path prefix differs.
/// </summary>
public sealed partial class EntityValidator(GraphLimits limits)
{
    /// <summary>The longest name allowed (also for a meeting's title).</summary>
    public int MaxNameLength => limits.MaxNameLength;

    // \z, not $: "$" would also accept an id that ends in a newline.
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.:-]*\z")]
    private static partial Regex IdPattern();

    /// <summary>Trims text, turns empty optional text into null and missing lists into empty ones, so equal input stores equal data.</summary>
    public static Entity Normalize(Entity entity) => NormalizeFields(entity with { Id = entity.Id ?? "" });

    private static Entity NormalizeFields(Entity entity) => entity switch
    {
        Network n => n with
        {
            Name = Trim(n.Name), Description = Opt(n.Description), DataAsOf = Opt(n.DataAsOf), CompositionRules = n.CompositionRules ?? [],
            Meetings = n.Meetings ?? [], Report = NormalizeReport(n.Report), FindingMarks = NormalizeMarks(n.FindingMarks),
        },
        Topic t => t with { Name = Trim(t.Name), Description = Opt(t.Description) },
        Territory t => t with { Name = Trim(t.Name), Kind = Trim(t.Kind), Parent = Opt(t.Parent) },
        Actor a => a with
        {
            Name = Trim(a.Name), ShortName = Opt(a.ShortName), Kind = Trim(a.Kind), Parent = Opt(a.Parent),
            Territories = a.Territories ?? [], Topics = a.Topics ?? [], Description = Opt(a.Description),
        },
        Body b => b with
        {
            Name = Trim(b.Name), Kind = Trim(b.Kind), Mandate = Opt(b.Mandate), Topics = b.Topics ?? [],
            Territories = b.Territories ?? [], LastMeeting = Opt(b.LastMeeting), Status = Opt(b.Status) ?? BodyStatuses.Active,
            Lead = Opt(b.Lead), ReportsTo = Opt(b.ReportsTo), Founded = Opt(b.Founded), Dissolved = Opt(b.Dissolved),
        },
        Person p => p with { Name = Trim(p.Name), Function = Opt(p.Function), Actor = Opt(p.Actor), RetainUntil = Opt(p.RetainUntil) },
        Measure m => m with
        {
            Name = Trim(m.Name), OfferedBy = m.OfferedBy ?? [], Topics = m.Topics ?? [], Territories = m.Territories ?? [],
            Description = Opt(m.Description), Since = Opt(m.Since), Until = Opt(m.Until),
        },
        Membership m => m with
        {
            Member = Trim(m.Member), Body = Trim(m.Body), Role = Opt(m.Role) ?? MembershipRoles.Member,
            Representing = Opt(m.Representing), Since = Opt(m.Since), Until = Opt(m.Until),
        },
        Collaboration c => c with
        {
            From = Trim(c.From), To = Trim(c.To), Kind = Opt(c.Kind) ?? CollaborationKinds.Informal, Topics = c.Topics ?? [],
            Since = Opt(c.Since), Until = Opt(c.Until), Description = Opt(c.Description),
        },
        _ => entity,
    };

    private static string Trim(string? s) => s?.Trim() ?? "";
    private static string? Opt(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Rules that need nothing but the entity itself.</summary>
    public void CheckFields(Entity entity, string path, ValidationErrors errors)
    {
        CheckId(entity.Id, ValidationErrors.Join(path, "id"), errors);
        var p = (string field) => ValidationErrors.Join(path, field);
        switch (entity)
        {
            case Network n:
                Name(n.Name, p("name"), errors);
                Text(n.Description, p("description"), errors);
                Date(n.DataAsOf, p("dataAsOf"), errors);
                CheckCompositionRules(n.CompositionRules, p("compositionRules"), errors);
                // history: the meetings (Sitzungen) kept with the network
                GraphApi.Networks.MeetingService.Check(n.Meetings, p("meetings"), limits.MaxNameLength, errors);
                CheckReport(n.Report, p("report"), errors);
                CheckFindingMarks(n.FindingMarks, p("findingMarks"), errors);
                break;
            case Topic t:
                Name(t.Name, p("name"), errors);
                Text(t.Description, p("description"), errors);
                break;
            case Territory t:
                Name(t.Name, p("name"), errors);
                OneOf(t.Kind, Kinds.Territory, p("kind"), errors);
                break;
            case Actor a:
                Name(a.Name, p("name"), errors);
                if (a.ShortName is not null) Name(a.ShortName, p("shortName"), errors);
                OneOf(a.Kind, Kinds.Actor, p("kind"), errors);
                IdList(a.Territories, p("territories"), errors);
                IdList(a.Topics, p("topics"), errors);
                Text(a.Description, p("description"), errors);
                break;
            case Body b:
                Name(b.Name, p("name"), errors);
                OneOf(b.Kind, Kinds.Body, p("kind"), errors);
                OneOf(b.Status, Kinds.BodyStatus, p("status"), errors);
                Text(b.Mandate, p("mandate"), errors);
                IdList(b.Topics, p("topics"), errors);
                IdList(b.Territories, p("territories"), errors);
                if (b.MeetingsPerYear is < 0 or > 366)
                    errors.Add(p("meetingsPerYear"), Texts.Get("valid.between", Texts.Field("meetingsPerYear"), 0, 366));
                if (b.MeetingHours is not null && (double.IsNaN(b.MeetingHours.Value) || b.MeetingHours is <= 0 or > 24))
                    errors.Add(p("meetingHours"), Texts.Get("valid.hours", Texts.Field("meetingHours")));
                Date(b.LastMeeting, p("lastMeeting"), errors);
                DatesInOrder(b.Founded, b.Dissolved, p("founded"), p("dissolved"), errors);
                if (b.Status == BodyStatuses.Dissolved && b.Dissolved is null)
                    errors.Add(p("dissolved"), Texts.Get("valid.dissolvedNeedsDate", Kinds.BodyStatus.Label(BodyStatuses.Dissolved), Texts.Field("dissolved")));
                if (b.Status != BodyStatuses.Dissolved && b.Dissolved is not null)
                    errors.Add(p("status"), Texts.Get("valid.dissolvedNeedsStatus", Texts.Field("dissolved"), Kinds.BodyStatus.Label(BodyStatuses.Dissolved)));
                break;
            case Person pe:
                // A function is the default and enough; a name is optional (privacy, issue 10).
                if (pe.Name.Length == 0 && string.IsNullOrEmpty(pe.Function)) errors.Add(p("function"), Texts.Get("privacy.personNeedsFunction"));
                else if (pe.Name.Length > 0) Name(pe.Name, p("name"), errors);
                Text(pe.Function, p("function"), errors);
                Date(pe.RetainUntil, p("retainUntil"), errors);
                break;
            case Measure m:
                Name(m.Name, p("name"), errors);
                IdList(m.OfferedBy, p("offeredBy"), errors);
                IdList(m.Topics, p("topics"), errors);
                IdList(m.Territories, p("territories"), errors);
                Text(m.Description, p("description"), errors);
                DatesInOrder(m.Since, m.Until, p("since"), p("until"), errors);
                break;
            case Membership m:
                Required(m.Member, p("member"), errors);
                Required(m.Body, p("body"), errors);
                OneOf(m.Role, Kinds.Role, p("role"), errors);
                DatesInOrder(m.Since, m.Until, p("since"), p("until"), errors);
                break;
            case Collaboration c:
                Required(c.From, p("from"), errors);
                Required(c.To, p("to"), errors);
                if (c.From.Length > 0 && c.From == c.To)
                    errors.Add(p("to"), Texts.Get("valid.selfCollaboration"));
                OneOf(c.Kind, Kinds.Collaboration, p("kind"), errors);
                IdList(c.Topics, p("topics"), errors);
                DatesInOrder(c.Since, c.Until, p("since"), p("until"), errors);
                Text(c.Description, p("description"), errors);
                break;
        }
    }

    public static void CheckCompositionRules(IReadOnlyList<CompositionRule> rules, string path, ValidationErrors errors)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var rp = $"{path}[{i}]";
            OneOf(rule.BodyKind, Kinds.Body, ValidationErrors.Join(rp, "bodyKind"), errors);
            var kinds = rule.RequiredActorKinds ?? [];
            for (var j = 0; j < kinds.Count; j++)
                OneOf(kinds[j], Kinds.Actor, ValidationErrors.Join(rp, $"requiredActorKinds[{j}]"), errors);
            if (rules.Take(i).Any(r => r.BodyKind == rule.BodyKind))
                errors.Add(ValidationErrors.Join(rp, "bodyKind"), Texts.Get("valid.ruleTwice", Kinds.Body.Label(rule.BodyKind)));
        }
    }

    // report: the network's report settings and finding marks (issue 9, points 5 and 8) -------------------------------
    /// <summary>The longest text of a report setting or a mark's note.</summary>
    public const int MaxReportText = 4000;
    /// <summary>The most steps in a Beratungsfolge and the most marks on one network.</summary>
    public const int MaxConsultations = 20, MaxFindingMarks = 2000;

    private static ReportSettings? NormalizeReport(ReportSettings? r) => r is null ? null : r with
    {
        Unit = Opt(r.Unit), Date = Opt(r.Date), Number = Opt(r.Number), Subject = Opt(r.Subject), MeetingDate = Opt(r.MeetingDate),
        Purpose = Opt(r.Purpose) ?? ReportPurposes.Notice, Proposal = Opt(r.Proposal), MapFocus = Opt(r.MapFocus),
        Consultations = (r.Consultations ?? []).Select(c => c with { Body = Trim(c.Body), Date = Opt(c.Date), Session = Opt(c.Session) }).ToList(),
    };

    private static IReadOnlyList<FindingMark> NormalizeMarks(IReadOnlyList<FindingMark>? marks) =>
        (marks ?? []).Select(m => m with { Key = Trim(m.Key), Fingerprint = Trim(m.Fingerprint), State = Opt(m.State) ?? "", Note = Opt(m.Note), By = Opt(m.By), On = Opt(m.On) }).ToList();

    /// <summary>The report settings' rules: dates are days, texts not too long, a Beschlussvorschlag has its text, each consultation names its body.</summary>
    public static void CheckReport(ReportSettings? report, string path, ValidationErrors errors)
    {
        if (report is null) return;
        var p = (string field) => ValidationErrors.Join(path, field);
        Date(report.Date, p("date"), errors);
        Date(report.MeetingDate, p("meetingDate"), errors);
        ReportText(report.Unit, p("unit"), errors);
        ReportText(report.Number, p("number"), errors);
        ReportText(report.Subject, p("subject"), errors);
        ReportText(report.Proposal, p("proposal"), errors);
        OneOf(report.Purpose, ReportPurposes.All, p("purpose"), errors);
        if (report.Purpose == ReportPurposes.Decision && report.Proposal is null)
            errors.Add(p("proposal"), Texts.Get("validation.report.proposalRequired"));
        if (report.Consultations.Count > MaxConsultations)
            errors.Add(p("consultations"), Texts.Get("validation.report.tooMany", MaxConsultations, report.Consultations.Count));
        for (var i = 0; i < report.Consultations.Count; i++)
        {
            var c = report.Consultations[i];
            var cp = $"{p("consultations")}[{i}]";
            if (string.IsNullOrEmpty(c.Body)) errors.Add(ValidationErrors.Join(cp, "body"), Empty());
            ReportText(c.Body, ValidationErrors.Join(cp, "body"), errors);
            ReportText(c.Session, ValidationErrors.Join(cp, "session"), errors);
            Date(c.Date, ValidationErrors.Join(cp, "date"), errors);
        }
    }

    /// <summary>Each mark names a finding once, has a fingerprint and a known state, and a note that is not too long.</summary>
    public static void CheckFindingMarks(IReadOnlyList<FindingMark> marks, string path, ValidationErrors errors)
    {
        if (marks.Count > MaxFindingMarks) errors.Add(path, Texts.Get("validation.report.tooMany", MaxFindingMarks, marks.Count));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < marks.Count; i++)
        {
            var m = marks[i];
            var mp = $"{path}[{i}]";
            if (m.Key.Length == 0) errors.Add(ValidationErrors.Join(mp, "key"), Empty());
            else if (m.Key.Length > 1000) errors.Add(ValidationErrors.Join(mp, "key"), TooLong(1000, m.Key.Length));
            else if (!seen.Add(m.Key)) errors.Add(ValidationErrors.Join(mp, "key"), Texts.Get("validation.mark.twice", m.Key));
            if (m.Fingerprint.Length == 0) errors.Add(ValidationErrors.Join(mp, "fingerprint"), Empty());
            else if (m.Fingerprint.Length > 200) errors.Add(ValidationErrors.Join(mp, "fingerprint"), TooLong(200, m.Fingerprint.Length));
            OneOf(m.State, FindingMarkStates.All, ValidationErrors.Join(mp, "state"), errors);
            ReportText(m.Note, ValidationErrors.Join(mp, "note"), errors);
            ReportText(m.By, ValidationErrors.Join(mp, "by"), errors);
            Date(m.On, ValidationErrors.Join(mp, "on"), errors);
        }
    }

    private static void ReportText(string? value, string path, ValidationErrors errors)
    {
        if (value?.Length > MaxReportText) errors.Add(path, TooLong(MaxReportText, value.Length));
    }

    // end report ------------------------------------------------------------------------------------------------------

    /// <summary>Rules about what the entity points at, checked against the network it is to be part of.</summary>
    public void CheckReferences(Entity entity, NetworkSnapshot network, string path, ValidationErrors errors)
    {
        var p = (string field) => ValidationErrors.Join(path, field);
        switch (entity)
        {
            case Territory t:
                Ref<Territory>(t.Parent, network, p("parent"), errors);
                Chain<Territory>(t, network, x => x.Parent, p("parent"), errors);
                break;
            case Actor a:
                Ref<Actor>(a.Parent, network, p("parent"), errors);
                Chain<Actor>(a, network, x => x.Parent, p("parent"), errors);
                Refs<Territory>(a.Territories, network, p("territories"), errors);
                Refs<Topic>(a.Topics, network, p("topics"), errors);
                break;
            case Body b:
                Refs<Topic>(b.Topics, network, p("topics"), errors);
                Refs<Territory>(b.Territories, network, p("territories"), errors);
                Ref<Actor>(b.Lead, network, p("lead"), errors);
                Ref<Body>(b.ReportsTo, network, p("reportsTo"), errors);
                Chain<Body>(b, network, x => x.ReportsTo, p("reportsTo"), errors);
                break;
            case Person pe:
                Ref<Actor>(pe.Actor, network, p("actor"), errors);
                break;
            case Measure m:
                Refs<Actor>(m.OfferedBy, network, p("offeredBy"), errors);
                Refs<Topic>(m.Topics, network, p("topics"), errors);
                Refs<Territory>(m.Territories, network, p("territories"), errors);
                break;
            case Membership m:
                var member = network.Find(m.Member);
                if (m.Member.Length > 0 && member is not (Actor or Person))
                    errors.Add(p("member"), member is null
                        ? DoesNotExist(m.Member)
                        : Texts.Get("valid.notAMember", member.Label, Texts.German ? Texts.Of(member).Ein : Texts.Of(member).A));
                Ref<Body>(m.Body, network, p("body"), errors);
                Ref<Actor>(m.Representing, network, p("representing"), errors);
                if (m.Representing is not null && member is Actor)
                    errors.Add(p("representing"), Texts.Get("valid.representingActor", Texts.Field("representing")));
                break;
            case Collaboration c:
                Ref<Actor>(c.From, network, p("from"), errors);
                Ref<Actor>(c.To, network, p("to"), errors);
                Refs<Topic>(c.Topics, network, p("topics"), errors);
                break;
        }
    }

    /// <summary>The body size rule, given how many memberships the body will have.</summary>
    public void CheckBodySize(string bodyId, int memberships, string path, ValidationErrors errors)
    {
        if (memberships > limits.MaxMembersPerBody)
            errors.Add(path, Texts.Get("valid.bodySize", bodyId, memberships, limits.MaxMembersPerBody));
    }

    /// <summary>Everything that refers to <paramref name="id"/>, as "kind 'id'.field", apart from memberships and collaborations.</summary>
    public static IEnumerable<(Entity Source, string Field)> ReferencesTo(string id, NetworkSnapshot network)
    {
        foreach (var e in network.Everything)
        {
            foreach (var (field, target) in Outgoing(e))
                if (target == id) yield return (e, field);
        }
    }

    /// <summary>Every id an entity points at, with the field that holds it.</summary>
    public static IEnumerable<(string Field, string Target)> Outgoing(Entity e)
    {
        static IEnumerable<(string, string)> One(string field, string? id) => id is null ? [] : [(field, id)];
        static IEnumerable<(string, string)> Many(string field, IEnumerable<string> ids) => ids.Select(i => (field, i));
        return e switch
        {
            Territory t => One("parent", t.Parent),
            Actor a => One("parent", a.Parent).Concat(Many("territories", a.Territories)).Concat(Many("topics", a.Topics)),
            Body b => Many("topics", b.Topics).Concat(Many("territories", b.Territories))
                .Concat(One("lead", b.Lead)).Concat(One("reportsTo", b.ReportsTo)),
            Person p => One("actor", p.Actor),
            Measure m => Many("offeredBy", m.OfferedBy).Concat(Many("topics", m.Topics)).Concat(Many("territories", m.Territories)),
            Membership m => One("member", m.Member).Concat(One("body", m.Body)).Concat(One("representing", m.Representing)),
            Collaboration c => One("from", c.From).Concat(One("to", c.To)).Concat(Many("topics", c.Topics)),
            _ => [],
        };
    }

    /// <summary>"'x' is not allowed; use one of: …" for a value outside a fixed list; the list is API values, so it stays as it is.</summary>
    public static string NotAllowed(string? value, IReadOnlyList<string> allowed) =>
        Texts.Get("valid.notAllowed", value, string.Join(", ", allowed));

    /// <summary>The same for a kind field, with each code's word ("jobcenter (Jobcenter)"), so a person sees what the codes mean.</summary>
    private static string NotAllowed(string? value, Vocabulary allowed) =>
        Texts.Get("valid.notAllowed", value, string.Join(", ", allowed.Select(t => string.Equals(t.Label, t.Code, StringComparison.OrdinalIgnoreCase) ? t.Code : $"{t.Code} ({t.Label})")));

    private static string DoesNotExist(string id) => Texts.Get("valid.notExists", id);

    private static string Empty() => Texts.Get("valid.empty");

    private static string TooLong(int max, int length) => Texts.Get("valid.tooLong", max, length);

    private void CheckId(string id, string path, ValidationErrors errors)
    {
        if (string.IsNullOrEmpty(id)) errors.Add(path, Empty());
        else if (id.Length > limits.MaxIdLength) errors.Add(path, TooLong(limits.MaxIdLength, id.Length));
        else if (!IdPattern().IsMatch(id))
            errors.Add(path, Texts.Get("valid.id"));
    }

    private void Name(string value, string path, ValidationErrors errors)
    {
        if (value.Length == 0) errors.Add(path, Empty());
        else if (value.Length > limits.MaxNameLength) errors.Add(path, TooLong(limits.MaxNameLength, value.Length));
        else NoControlCharacters(value, lineBreaks: false, path, errors);
    }

    private void Text(string? value, string path, ValidationErrors errors)
    {
        if (value?.Length > limits.MaxTextLength)
            errors.Add(path, TooLong(limits.MaxTextLength, value.Length));
        else if (value is not null) NoControlCharacters(value, lineBreaks: true, path, errors);
    }

    /// <summary>
    /// NUL and the other control characters have no place in a name (they break exports and screen readers); a long text
    /// may keep its line breaks and tabs.
    /// </summary>
    private static void NoControlCharacters(string value, bool lineBreaks, string path, ValidationErrors errors)
    {
        foreach (var c in value)
            if (char.IsControl(c) && !(lineBreaks && c is '\n' or '\r' or '\t'))
            {
                errors.Add(path, Texts.Get("valid.control", $"U+{(int)c:X4}"));
                return;
            }
    }

    private static void Required(string value, string path, ValidationErrors errors)
    {
        if (value.Length == 0) errors.Add(path, Empty());
    }

    private static void OneOf(string? value, Vocabulary allowed, string path, ValidationErrors errors)
    {
        if (!allowed.Contains(value))
            errors.Add(path, NotAllowed(value, allowed));
    }

    /// <summary>The same for a list of codes that has no words in the registry.</summary>
    private static void OneOf(string? value, IReadOnlyList<string> allowed, string path, ValidationErrors errors)
    {
        if (value is null || !allowed.Contains(value))
            errors.Add(path, NotAllowed(value, allowed));
    }

    private void IdList(IReadOnlyList<string> ids, string path, ValidationErrors errors)
    {
        if (ids.Count > limits.MaxListLength)
            errors.Add(path, Texts.Get("valid.listTooLong", limits.MaxListLength, ids.Count));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < ids.Count; i++)
            if (ids[i] is null) errors.Add($"{path}[{i}]", Empty()); // a null in a list would blank the map for everyone
            else if (!seen.Add(ids[i]))
                errors.Add($"{path}[{i}]", Texts.Get("valid.twice", ids[i]));
    }

    private static bool Date(string? value, string path, ValidationErrors errors)
    {
        if (value is null) return true;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return true;
        errors.Add(path, Texts.Get("valid.date", value));
        return false;
    }

    private static void DatesInOrder(string? from, string? to, string fromPath, string toPath, ValidationErrors errors)
    {
        var ok = Date(from, fromPath, errors) & Date(to, toPath, errors);
        if (ok && from is not null && to is not null && string.CompareOrdinal(from, to) > 0)
            errors.Add(toPath, Texts.Get("valid.datesOrder", Texts.Field(toPath), Texts.Day(to), Texts.Field(fromPath), Texts.Day(from)));
    }

    private static void Ref<T>(string? id, NetworkSnapshot network, string path, ValidationErrors errors) where T : Entity
    {
        if (string.IsNullOrEmpty(id) || network.Find<T>(id) is not null) return;
        var other = network.Find(id);
        var wanted = Texts.Of(NetworkSnapshot.KindOf<T>());
        errors.Add(path, other is null
            ? DoesNotExist(id)
            : Texts.German
                ? Texts.Get("valid.wrongKind", other.Label, Texts.Of(other).Ein, wanted.Kein)
                : Texts.Get("valid.wrongKind", other.Label, Texts.Of(other).A, wanted.A));
    }

    private static void Refs<T>(IReadOnlyList<string> ids, NetworkSnapshot network, string path, ValidationErrors errors) where T : Entity
    {
        for (var i = 0; i < ids.Count; i++) Ref<T>(ids[i], network, $"{path}[{i}]", errors);
    }

    /// <summary>Follows parent / reports-to links from the entity; reports a loop that comes back to it.</summary>
    private static void Chain<T>(T start, NetworkSnapshot network, Func<T, string?> next, string path, ValidationErrors errors)
        where T : Entity
    {
        var field = $"{typeof(T).Name}.{path[(path.LastIndexOf('.') + 1)..]}";
        if (Chains.Of(network).LoopFrom(start, network, field, next) is not { } loop) return;
        var cycle = string.Join(" → ", loop.Select((id, i) => i == 0 ? start.Label : network.Find(id)?.Label ?? id).Append(start.Label));
        errors.Add(path, Texts.Get("valid.cycle", cycle));
    }
}
