using System.Xml;
using GraphApi.Exchange.Graphs;
using GraphApi.Exchange.Json;
using GraphApi.Exchange.Tables;

namespace GraphApi.Exchange.GraphMl;

/// <summary>The network as GraphML (http://graphml.graphdrawing.org/xmlns): the <see cref="PlainGraph"/>, directed, with typed keys.</summary>
public sealed class GraphMlNetworkWriter : INetworkWriter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public string Format => "graphml";
    public string ContentType => "application/graphml+xml";
    public string Extension => ".graphml";

    public async Task WriteAsync(ExportRequest request, Stream output, CancellationToken ct)
    {
        var graph = PlainGraph.Of(request.Snapshot);
        await using var xml = XmlWriter.Create(output, PlainGraph.WriterSettings);
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("graphml", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            $"{Namespace} http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        Key(xml, "g_name", "graph", "name", "string");
        Key(xml, "g_description", "graph", "description", "string");
        Key(xml, "n_label", "node", "label", "string");
        foreach (var (name, type) in PlainGraph.NodeAttributes) Key(xml, "n_" + name, "node", name, type);
        foreach (var (name, type) in PlainGraph.EdgeAttributes) Key(xml, "e_" + name, "edge", name, type);

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("id", graph.Id);
        xml.WriteAttributeString("edgedefault", "directed");
        Data(xml, "g_name", graph.Name);
        if (graph.Description is not null) Data(xml, "g_description", graph.Description);
        foreach (var node in graph.Nodes)
        {
            ct.ThrowIfCancellationRequested();
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Id);
            Data(xml, "n_label", node.Label);
            foreach (var (name, _) in PlainGraph.NodeAttributes)
                if (node.Attributes.TryGetValue(name, out var value)) Data(xml, "n_" + name, value);
            xml.WriteEndElement();
        }
        foreach (var edge in graph.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            if (edge.Id is not null) xml.WriteAttributeString("id", edge.Id);
            xml.WriteAttributeString("source", edge.Source);
            xml.WriteAttributeString("target", edge.Target);
            foreach (var (name, _) in PlainGraph.EdgeAttributes)
                if (edge.Attributes.TryGetValue(name, out var value)) Data(xml, "e_" + name, value);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static void Key(XmlWriter xml, string id, string scope, string name, string type)
    {
        xml.WriteStartElement("key", Namespace);
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("for", scope);
        xml.WriteAttributeString("attr.name", name);
        xml.WriteAttributeString("attr.type", type);
        xml.WriteEndElement();
    }

    private static void Data(XmlWriter xml, string key, string value)
    {
        xml.WriteStartElement("data", Namespace);
        xml.WriteAttributeString("key", key);
        xml.WriteString(PlainGraph.Clean(value));
        xml.WriteEndElement();
    }
}

/// <summary>Reads GraphML: nodes with their data by attribute name, edges with theirs; then <see cref="PlainGraphImport"/> makes a network of them.</summary>
public sealed class GraphMlNetworkReader : INetworkReader
{
    public string Format => "graphml";

    public bool Recognises(ReadOnlySpan<byte> head, string? contentType) =>
        Signatures.XmlRoot(head, "graphml") || head.Length == 0 && contentType?.Contains("graphml", StringComparison.OrdinalIgnoreCase) == true;

    public async Task<ImportInput> ReadAsync(Stream content, ImportOptions options, CancellationToken ct)
    {
        try
        {
            var keys = new Dictionary<string, string>(StringComparer.Ordinal); // key id → attr.name
            var nodes = new List<PlainNode>();
            var edges = new List<PlainEdge>();
            string? graphId = null, graphName = null, graphDescription = null;
            using var xml = XmlReader.Create(content, PlainGraph.ReaderSettings);
            string? scope = null; // "graph", "node" or "edge": whose data is being read
            var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
            (string Id, string? Source, string? Target)? current = null;
            // ReadElementContentAsString leaves the reader on the next node already: read on only where nothing did.
            for (var more = await xml.ReadAsync(); more; )
            {
                ct.ThrowIfCancellationRequested();
                if (xml.NodeType == XmlNodeType.Element)
                {
                    switch (xml.LocalName)
                    {
                        case "key":
                            var keyId = xml.GetAttribute("id") ?? "";
                            keys[keyId] = xml.GetAttribute("attr.name") ?? keyId;
                            break;
                        case "graph" when graphId is null:
                            graphId = xml.GetAttribute("id");
                            scope = "graph";
                            break;
                        case "node":
                            (scope, current, attributes) = ("node", (xml.GetAttribute("id") ?? "", null, null), new(StringComparer.Ordinal));
                            if (xml.IsEmptyElement) nodes.Add(new PlainNode(current.Value.Id, current.Value.Id, attributes));
                            break;
                        case "edge":
                            (scope, current, attributes) = ("edge", (xml.GetAttribute("id") ?? "", xml.GetAttribute("source"), xml.GetAttribute("target")),
                                new(StringComparer.Ordinal));
                            if (xml.IsEmptyElement) edges.Add(new PlainEdge(Blank(current.Value.Id), current.Value.Source ?? "", current.Value.Target ?? "", attributes));
                            break;
                        case "data":
                            var key = xml.GetAttribute("key") ?? "";
                            var name = keys.GetValueOrDefault(key, key);
                            var value = await xml.ReadElementContentAsStringAsync();
                            if (scope == "graph" && name == "name") graphName = value;
                            else if (scope == "graph" && name == "description") graphDescription = value;
                            else if (scope is "node" or "edge") attributes[name] = value;
                            more = !xml.EOF;
                            continue;
                    }
                }
                else if (xml.NodeType == XmlNodeType.EndElement)
                {
                    if (xml.LocalName == "node" && current is { } n)
                    {
                        nodes.Add(new PlainNode(n.Id, attributes.GetValueOrDefault("label") ?? attributes.GetValueOrDefault("name") ?? n.Id, attributes));
                        scope = "graph";
                    }
                    else if (xml.LocalName == "edge" && current is { } e)
                    {
                        edges.Add(new PlainEdge(Blank(e.Id), e.Source ?? "", e.Target ?? "", attributes));
                        scope = "graph";
                    }
                }
                more = await xml.ReadAsync();
            }
            var graph = new PlainGraph(graphId ?? "", graphName ?? "", graphDescription, nodes, edges);
            return PlainGraphImport.Read(Format, graph, options);
        }
        catch (XmlException e)
        {
            return new ImportInput(Format, new NetworkDocument(), [ImportProblem.At(null, null, null, Texts(e))]);
        }
    }

    internal static string Texts(XmlException e) => Domain.Texts.Get("exchange.malformedXmlAtLinePosition", e.LineNumber, e.LinePosition, e.Message);

    private static string? Blank(string s) => s.Length == 0 ? null : s;
}
