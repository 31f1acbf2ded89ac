using System.Globalization;
using System.Text.RegularExpressions;
using GraphApi.Domain;
using GraphApi.Exchange.Tables;

namespace GraphApi.Exchange.Graphs;

/// <summary>
/// A graph drawn elsewhere (GraphML, GEXF) as a network. A node's type comes from the attribute
/// <see cref="ImportOptions.TypeAttribute"/> ("type" unless told): "body"/"Gremium" or a body kind makes a body (as does
/// <see cref="ImportOptions.BodyValue"/>, e.g. <c>bipartite=1</c>), "person", "topic", "territory", "measure" those, anything
/// else an actor. An edge between an actor or person and a body is a membership, between two actors a collaboration; the
/// relationships NetworkGraph itself exports (partOf, reportsTo, leads, worksFor, worksOn, covers, offers) come back as they went.
/// Problems are placed as "Knoten, Zeile n" (the n-th node) and "Kanten, Zeile n".
/// </summary>
public static partial class PlainGraphImport
{
    public const string NodesSheet = "Knoten", EdgesSheet = "Kanten";

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.:-]*\z")]
    private static partial Regex IdPattern();

    private enum NodeType { Actor, Body, Person, Topic, Territory, Measure }

    public static ImportInput Read(string format, PlainGraph graph, ImportOptions options)
    {
        var problems = new List<ImportProblem>();
        var typeAttribute = options.TypeAttribute ?? "type";
        var ids = new Dictionary<string, (string Id, NodeType Type, int Row)>(StringComparer.Ordinal); // the file's node id → ours
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var topics = new List<(Topic, int)>();
        var territories = new List<(Territory, int)>();
        var actors = new List<(Actor, int)>();
        var bodies = new List<(Body, int)>();
        var persons = new List<(Person, int)>();
        var measures = new List<(Measure, int)>();

        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            var node = graph.Nodes[i];
            var row = i + 1;
            if (ids.ContainsKey(node.Id))
            {
                problems.Add(ImportProblem.At(NodesSheet, row, "id", Texts.Get("exchange.nodeAppearsTwice", node.Id)));
                continue;
            }
            var attributes = new Dictionary<string, string>(node.Attributes, StringComparer.OrdinalIgnoreCase);
            string? A(string name) => attributes.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var typeValue = A(typeAttribute);
            var type = Classify(typeValue, options.BodyValue);
            var id = IdPattern().IsMatch(node.Id) && node.Id.Length <= 200 && taken.Add(node.Id) ? node.Id
                : type == NodeType.Person ? TableReader.OpaqueId("person", taken) // never from a person's name (privacy)
                : Unique(TableReader.Slug(node.Label), taken, "n");
            ids[node.Id] = (id, type, row);
            var name = node.Label.Trim().Length > 0 ? node.Label.Trim() : node.Id;
            switch (type)
            {
                case NodeType.Topic: topics.Add((new Topic { Id = id, Name = name, Description = A("description") }, row)); break;
                case NodeType.Territory:
                    territories.Add((new Territory { Id = id, Name = name, Kind = Word(KindWords.Territory, A("kind")) ?? TerritoryKinds.Other }, row));
                    break;
                case NodeType.Person: persons.Add((new Person { Id = id, Name = name, Function = A("function") }, row)); break;
                case NodeType.Measure:
                    measures.Add((new Measure
                    {
                        Id = id, Name = name, Description = A("description"), Since = Day(A("since") ?? node.Start, problems, NodesSheet, row, "since"),
                        Until = Day(A("until") ?? node.End, problems, NodesSheet, row, "until"),
                    }, row));
                    break;
                case NodeType.Body:
                    var status = Word(KindWords.Status, A("status")) ?? BodyStatuses.Active;
                    bodies.Add((new Body
                    {
                        Id = id, Name = name, Kind = Word(KindWords.Body, A("kind")) ?? Word(KindWords.Body, typeValue) ?? BodyKinds.Other,
                        Status = status, Mandate = A("mandate"), MeetingsPerYear = int.TryParse(A("meetingsPerYear"), out var m) ? m : null,
                        MeetingHours = double.TryParse(A("meetingHours"), NumberStyles.Float, CultureInfo.InvariantCulture, out var h) ? h : null,
                        LastMeeting = Day(A("lastMeeting"), problems, NodesSheet, row, "lastMeeting"),
                        Founded = Day(A("founded") ?? node.Start, problems, NodesSheet, row, "founded"),
                        Dissolved = Day(A("dissolved") ?? (status == BodyStatuses.Dissolved ? node.End : null), problems, NodesSheet, row, "dissolved"),
                    }, row));
                    break;
                default:
                    actors.Add((new Actor
                    {
                        Id = id, Name = name, ShortName = A("shortName"), Description = A("description"),
                        Kind = Word(KindWords.Actor, A("kind")) ?? Word(KindWords.Actor, typeValue) ?? ActorKinds.Other,
                    }, row));
                    break;
            }
        }

        var memberships = new List<(Membership, int)>();
        var collaborations = new List<(Collaboration, int)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        T Update<T>(List<(T, int)> list, string id, Func<T, T> change) where T : Entity
        {
            var index = list.FindIndex(x => x.Item1.Id == id);
            list[index] = (change(list[index].Item1), list[index].Item2);
            return list[index].Item1;
        }

        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var edge = graph.Edges[i];
            var row = i + 1;
            if (!ids.TryGetValue(edge.Source, out var s) || !ids.TryGetValue(edge.Target, out var t))
            {
                var missing = ids.ContainsKey(edge.Source) ? edge.Target : edge.Source;
                problems.Add(ImportProblem.At(EdgesSheet, row, null, Texts.Get("exchange.edgeRefersToNodeWhich", missing)));
                continue;
            }
            var attributes = new Dictionary<string, string>(edge.Attributes, StringComparer.OrdinalIgnoreCase);
            string? A(string name) => attributes.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
            var relationship = A("relationship") ?? A("label");
            var since = Day(A("since") ?? edge.Start, problems, EdgesSheet, row, "since");
            var until = Day(A("until") ?? edge.End, problems, EdgesSheet, row, "until");
            string? Ours(string? fileId) => fileId is null ? null : ids.TryGetValue(fileId, out var x) ? x.Id : fileId;
            var handled = true;
            switch (relationship, s.Type, t.Type)
            {
                case ("partOf", NodeType.Actor, NodeType.Actor): Update(actors, s.Id, a => a with { Parent = t.Id }); break;
                case ("partOf", NodeType.Territory, NodeType.Territory): Update(territories, s.Id, a => a with { Parent = t.Id }); break;
                case ("reportsTo", NodeType.Body, NodeType.Body): Update(bodies, s.Id, b => b with { ReportsTo = t.Id }); break;
                case ("leads", NodeType.Actor, NodeType.Body): Update(bodies, t.Id, b => b with { Lead = s.Id }); break;
                case ("worksFor", NodeType.Person, NodeType.Actor): Update(persons, s.Id, p => p with { Actor = t.Id }); break;
                case ("offers", NodeType.Actor, NodeType.Measure): Update(measures, t.Id, m => m with { OfferedBy = [.. m.OfferedBy, s.Id] }); break;
                case ("worksOn", NodeType.Actor, NodeType.Topic): Update(actors, s.Id, a => a with { Topics = [.. a.Topics, t.Id] }); break;
                case ("worksOn", NodeType.Body, NodeType.Topic): Update(bodies, s.Id, b => b with { Topics = [.. b.Topics, t.Id] }); break;
                case ("worksOn", NodeType.Measure, NodeType.Topic): Update(measures, s.Id, m => m with { Topics = [.. m.Topics, t.Id] }); break;
                case ("covers", NodeType.Actor, NodeType.Territory): Update(actors, s.Id, a => a with { Territories = [.. a.Territories, t.Id] }); break;
                case ("covers", NodeType.Body, NodeType.Territory): Update(bodies, s.Id, b => b with { Territories = [.. b.Territories, t.Id] }); break;
                case ("covers", NodeType.Measure, NodeType.Territory): Update(measures, s.Id, m => m with { Territories = [.. m.Territories, t.Id] }); break;
                case (null or "membership", NodeType.Actor or NodeType.Person, NodeType.Body):
                case (null or "membership", NodeType.Body, NodeType.Actor or NodeType.Person):
                    var (member, body) = s.Type == NodeType.Body ? (t.Id, s.Id) : (s.Id, t.Id);
                    var membership = new Membership
                    {
                        Id = edge.Id is { } mid && IdPattern().IsMatch(mid) && relationship == "membership" ? mid : "",
                        Member = member, Body = body, Role = Word(KindWords.Role, A("role")) ?? MembershipRoles.Member,
                        Representing = Ours(A("representing")), Since = since, Until = until,
                    };
                    if (seen.Add($"m|{member}|{body}|{since}")) memberships.Add((membership, row));
                    break;
                case (null or "collaboration", NodeType.Actor, NodeType.Actor) when s.Id != t.Id:
                    var kind = Word(KindWords.Collaboration, A("kind")) ?? CollaborationKinds.Informal;
                    var collaboration = new Collaboration
                    {
                        Id = edge.Id is { } cid && IdPattern().IsMatch(cid) && relationship == "collaboration" ? cid : "",
                        From = s.Id, To = t.Id, Kind = kind, Since = since, Until = until, Description = A("description"),
                        Topics = (A("topics") ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(x => Ours(x)!).ToList(),
                    };
                    // An undirected graph written as directed pairs, or a multigraph: one collaboration per pair and kind.
                    var pair = string.CompareOrdinal(s.Id, t.Id) < 0 ? $"{s.Id}|{t.Id}" : $"{t.Id}|{s.Id}";
                    if (seen.Add($"c|{pair}|{kind}")) collaborations.Add((collaboration, row));
                    break;
                default:
                    handled = false;
                    break;
            }
            if (!handled)
                problems.Add(ImportProblem.At(EdgesSheet, row, relationship is null ? null : "relationship", Texts.Get("exchange.edgeFitsNoRelationshipOf", edge.Source, edge.Target, Type(s.Type), Type(t.Type), (relationship is null ? "" : ", " + relationship), s.Type, t.Type),
                    ImportProblem.Warning));
        }

        var networkId = options.NetworkId ?? (graph.Id.Length > 0 && IdPattern().IsMatch(graph.Id) ? graph.Id : null);
        var networkName = options.NetworkName ?? (graph.Name.Length > 0 ? graph.Name : networkId);
        if (networkId is null)
            problems.Add(ImportProblem.At(null, null, null, Texts.Get("exchange.fileNamesNoNetworkId")));
        var document = new NetworkDocument
        {
            Network = new NetworkHeader { Id = networkId ?? "", Name = networkName ?? "", Description = graph.Description },
            Topics = topics.Select(x => x.Item1).ToList(),
            Territories = territories.Select(x => x.Item1).ToList(),
            Actors = actors.Select(x => x.Item1).ToList(),
            Bodies = bodies.Select(x => x.Item1).ToList(),
            Persons = persons.Select(x => x.Item1).ToList(),
            Memberships = memberships.Select(x => x.Item1).ToList(),
            Collaborations = collaborations.Select(x => x.Item1).ToList(),
            Measures = measures.Select(x => x.Item1).ToList(),
            CompositionRules = [],
        };
        var locator = new TableLocator();
        locator.Add("topics", NodesSheet, topics.Select(x => x.Item2).ToList());
        locator.Add("territories", NodesSheet, territories.Select(x => x.Item2).ToList());
        locator.Add("actors", NodesSheet, actors.Select(x => x.Item2).ToList());
        locator.Add("bodies", NodesSheet, bodies.Select(x => x.Item2).ToList());
        locator.Add("persons", NodesSheet, persons.Select(x => x.Item2).ToList());
        locator.Add("measures", NodesSheet, measures.Select(x => x.Item2).ToList());
        locator.Add("memberships", EdgesSheet, memberships.Select(x => x.Item2).ToList());
        locator.Add("collaborations", EdgesSheet, collaborations.Select(x => x.Item2).ToList());
        return new ImportInput(format, document, problems, locator);
    }

    private static NodeType Classify(string? value, string? bodyValue)
    {
        if (value is null) return NodeType.Actor;
        if (bodyValue is not null && string.Equals(value, bodyValue, StringComparison.OrdinalIgnoreCase)) return NodeType.Body;
        return value.ToLowerInvariant() switch
        {
            "actor" or "akteur" => NodeType.Actor,
            "body" or "gremium" => NodeType.Body,
            "person" => NodeType.Person,
            "topic" or "handlungsfeld" => NodeType.Topic,
            "territory" or "gebiet" => NodeType.Territory,
            "measure" or "maßnahme" or "massnahme" => NodeType.Measure,
            _ => KindWords.Body.TryParse(value, out var code) && code != BodyKinds.Network ? NodeType.Body : NodeType.Actor,
        };
    }

    private static string Type(NodeType type) => type switch
    {
        NodeType.Actor => "Akteur", NodeType.Body => "Gremium", NodeType.Person => "Person", NodeType.Topic => "Handlungsfeld",
        NodeType.Territory => "Gebiet", _ => "Maßnahme",
    };

    private static string? Word(KindWords words, string? text) => text is not null && words.TryParse(text, out var code) ? code : null;

    private static string Unique(string stem, HashSet<string> taken, string fallback)
    {
        if (stem.Length == 0) stem = fallback;
        var id = stem;
        for (var n = 2; !taken.Add(id); n++) id = $"{stem}-{n}";
        return id;
    }

    /// <summary>A date as stored (JJJJ-MM-TT) from JJJJ-MM-TT, TT.MM.JJJJ or a timestamp; anything else (a number on a timeline) is left out with a warning.</summary>
    private static string? Day(string? text, List<ImportProblem> problems, string sheet, int row, string field)
    {
        if (text is null) return null;
        string[] formats = ["yyyy-MM-dd", "dd.MM.yyyy", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.fffK"];
        if (DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var day))
            return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        problems.Add(ImportProblem.At(sheet, row, field, Texts.Get("exchange.isNotDateAndWas", text), ImportProblem.Warning));
        return null;
    }
}
