using System.Globalization;
using System.Text;
using System.Xml;
using GraphApi.Domain;
using GraphApi.Exchange.Tables;

namespace GraphApi.Exchange.Graphs;

/// <summary>
/// A network as a plain graph, the common ground of GraphML and GEXF: every actor, body, person, topic, territory and
/// measure a node (attribute <c>type</c>, <c>kind</c> as code and German word, and its fields); every membership and
/// collaboration an edge, and the structure too (<c>partOf</c>, <c>reportsTo</c>, <c>leads</c>, <c>worksFor</c>,
/// <c>worksOn</c>, <c>covers</c>, <c>offers</c>), each with <c>relationship</c>, role and dates (start/end = since/until,
/// founded/dissolved).
/// </summary>
public sealed record PlainGraph(string Id, string Name, string? Description, IReadOnlyList<PlainNode> Nodes, IReadOnlyList<PlainEdge> Edges)
{
    /// <summary>Attribute names and their types, in a stable order, as both formats declare them up front.</summary>
    public static readonly IReadOnlyList<(string Name, string Type)> NodeAttributes =
    [
        ("type", "string"), ("kind", "string"), ("kindLabel", "string"), ("shortName", "string"), ("status", "string"),
        ("mandate", "string"), ("function", "string"), ("description", "string"), ("meetingsPerYear", "int"),
        ("meetingHours", "double"), ("lastMeeting", "string"), ("founded", "string"), ("dissolved", "string"),
        ("since", "string"), ("until", "string"),
    ];

    public static readonly IReadOnlyList<(string Name, string Type)> EdgeAttributes =
    [
        ("relationship", "string"), ("role", "string"), ("roleLabel", "string"), ("kind", "string"), ("kindLabel", "string"),
        ("representing", "string"), ("topics", "string"), ("since", "string"), ("until", "string"), ("description", "string"),
    ];

    public static PlainGraph Of(NetworkSnapshot s)
    {
        var nodes = new List<PlainNode>();
        var edges = new List<PlainEdge>();
        PlainNode Node(Entity e, string type, string? start = null, string? end = null, params (string, object?)[] attributes) =>
            new(e.Id, e is Actor a ? a.Name : e.Label, Attrs(("type", type), attributes), start, end);

        foreach (var t in s.All<Topic>()) nodes.Add(Node(t, "topic", null, null, ("description", t.Description)));
        foreach (var t in s.All<Territory>()) nodes.Add(Node(t, "territory", null, null, ("kind", t.Kind), ("kindLabel", KindWords.Territory.Word(t.Kind))));
        foreach (var a in s.All<Actor>())
            nodes.Add(Node(a, "actor", null, null, ("kind", a.Kind), ("kindLabel", KindWords.Actor.Word(a.Kind)), ("shortName", a.ShortName),
                ("description", a.Description)));
        foreach (var b in s.All<Body>())
            nodes.Add(Node(b, "body", b.Founded, b.Dissolved, ("kind", b.Kind), ("kindLabel", KindWords.Body.Word(b.Kind)), ("status", b.Status),
                ("mandate", b.Mandate), ("meetingsPerYear", b.MeetingsPerYear), ("meetingHours", b.MeetingHours), ("lastMeeting", b.LastMeeting),
                ("founded", b.Founded), ("dissolved", b.Dissolved)));
        foreach (var p in s.All<Person>()) nodes.Add(Node(p, "person", null, null, ("function", p.Function)));
        foreach (var m in s.All<Measure>())
            nodes.Add(Node(m, "measure", m.Since, m.Until, ("description", m.Description), ("since", m.Since), ("until", m.Until)));

        void Edge(string id, string source, string target, string relationship, string? start = null, string? end = null, params (string, object?)[] attributes) =>
            edges.Add(new PlainEdge(id, source, target, Attrs(("relationship", relationship), attributes), start, end));

        foreach (var m in s.All<Membership>())
            Edge(m.Id, m.Member, m.Body, "membership", m.Since, m.Until, ("role", m.Role), ("roleLabel", KindWords.Role.Word(m.Role)),
                ("representing", m.Representing), ("since", m.Since), ("until", m.Until));
        foreach (var c in s.All<Collaboration>())
            Edge(c.Id, c.From, c.To, "collaboration", c.Since, c.Until, ("kind", c.Kind), ("kindLabel", KindWords.Collaboration.Word(c.Kind)),
                ("topics", c.Topics.Count == 0 ? null : string.Join("; ", c.Topics)), ("since", c.Since), ("until", c.Until), ("description", c.Description));
        foreach (var t in s.All<Territory>().Where(t => t.Parent is not null)) Edge($"{t.Id}>partOf>{t.Parent}", t.Id, t.Parent!, "partOf");
        foreach (var a in s.All<Actor>())
        {
            if (a.Parent is not null) Edge($"{a.Id}>partOf>{a.Parent}", a.Id, a.Parent, "partOf");
            foreach (var t in a.Topics) Edge($"{a.Id}>worksOn>{t}", a.Id, t, "worksOn");
            foreach (var t in a.Territories) Edge($"{a.Id}>covers>{t}", a.Id, t, "covers");
        }
        foreach (var b in s.All<Body>())
        {
            if (b.ReportsTo is not null) Edge($"{b.Id}>reportsTo>{b.ReportsTo}", b.Id, b.ReportsTo, "reportsTo");
            if (b.Lead is not null) Edge($"{b.Lead}>leads>{b.Id}", b.Lead, b.Id, "leads");
            foreach (var t in b.Topics) Edge($"{b.Id}>worksOn>{t}", b.Id, t, "worksOn");
            foreach (var t in b.Territories) Edge($"{b.Id}>covers>{t}", b.Id, t, "covers");
        }
        foreach (var p in s.All<Person>().Where(p => p.Actor is not null)) Edge($"{p.Id}>worksFor>{p.Actor}", p.Id, p.Actor!, "worksFor");
        foreach (var m in s.All<Measure>())
        {
            foreach (var a in m.OfferedBy) Edge($"{a}>offers>{m.Id}", a, m.Id, "offers");
            foreach (var t in m.Topics) Edge($"{m.Id}>worksOn>{t}", m.Id, t, "worksOn");
            foreach (var t in m.Territories) Edge($"{m.Id}>covers>{t}", m.Id, t, "covers");
        }
        return new PlainGraph(s.Network.Id, s.Network.Name, s.Network.Description, nodes, edges);
    }

    private static IReadOnlyDictionary<string, string> Attrs((string, object?) first, (string, object?)[] rest)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in rest.Prepend(first))
        {
            var text = value switch
            {
                null => null,
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                int n => n.ToString(CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (text is not null) result[name] = text;
        }
        return result;
    }

    /// <summary>Text as XML 1.0 allows it: characters XML cannot carry at all (most control characters) are left out.</summary>
    public static string Clean(string text)
    {
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) sb.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) sb.Append(text[i]).Append(text[++i]);
        }
        return sb.ToString();
    }

    public static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n", Async = true,
    };

    public static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true, IgnoreWhitespace = true, IgnoreComments = true,
        MaxCharactersInDocument = 200_000_000,
    };
}

public sealed record PlainNode(string Id, string Label, IReadOnlyDictionary<string, string> Attributes, string? Start = null, string? End = null);

public sealed record PlainEdge(string? Id, string Source, string Target, IReadOnlyDictionary<string, string> Attributes, string? Start = null,
    string? End = null);
