using System.Xml;
using GraphApi.Exchange.GraphMl;
using GraphApi.Exchange.Graphs;
using GraphApi.Exchange.Json;
using GraphApi.Exchange.Tables;

namespace GraphApi.Exchange.Gexf;

/// <summary>
/// The network as GEXF 1.3 (Gephi's format): the <see cref="PlainGraph"/> with declared attributes, and start/end on bodies
/// (founded/dissolved), measures, memberships and collaborations (since/until), so Gephi's timeline shows the network change.
/// </summary>
public sealed class GexfNetworkWriter : INetworkWriter
{
    public const string Namespace = "http://gexf.net/1.3";

    public string Format => "gexf";
    public string ContentType => "application/gexf+xml";
    public string Extension => ".gexf";

    public async Task WriteAsync(ExportRequest request, Stream output, CancellationToken ct)
    {
        var graph = PlainGraph.Of(request.Snapshot);
        await using var xml = XmlWriter.Create(output, PlainGraph.WriterSettings);
        await xml.WriteStartDocumentAsync();
        xml.WriteStartElement("gexf", Namespace);
        xml.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        xml.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", $"{Namespace} http://gexf.net/1.3/gexf.xsd");
        xml.WriteAttributeString("version", "1.3");
        xml.WriteStartElement("meta", Namespace);
        xml.WriteElementString("creator", Namespace, "NetworkGraph");
        xml.WriteElementString("description", Namespace, PlainGraph.Clean(graph.Name));
        xml.WriteEndElement();

        xml.WriteStartElement("graph", Namespace);
        xml.WriteAttributeString("defaultedgetype", "directed");
        xml.WriteAttributeString("mode", "dynamic");
        xml.WriteAttributeString("timeformat", "date");
        Attributes(xml, "node", PlainGraph.NodeAttributes);
        Attributes(xml, "edge", PlainGraph.EdgeAttributes);
        xml.WriteStartElement("nodes", Namespace);
        foreach (var node in graph.Nodes)
        {
            ct.ThrowIfCancellationRequested();
            xml.WriteStartElement("node", Namespace);
            xml.WriteAttributeString("id", node.Id);
            xml.WriteAttributeString("label", PlainGraph.Clean(node.Label));
            Spell(xml, node.Start, node.End);
            Values(xml, node.Attributes, PlainGraph.NodeAttributes);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("edges", Namespace);
        foreach (var edge in graph.Edges)
        {
            xml.WriteStartElement("edge", Namespace);
            xml.WriteAttributeString("id", edge.Id);
            xml.WriteAttributeString("source", edge.Source);
            xml.WriteAttributeString("target", edge.Target);
            xml.WriteAttributeString("label", edge.Attributes["relationship"]);
            Spell(xml, edge.Start, edge.End);
            Values(xml, edge.Attributes, PlainGraph.EdgeAttributes);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        await xml.WriteEndDocumentAsync();
        await xml.FlushAsync();
    }

    private static void Spell(XmlWriter xml, string? start, string? end)
    {
        if (start is not null) xml.WriteAttributeString("start", start);
        if (end is not null) xml.WriteAttributeString("end", end);
    }

    private static void Attributes(XmlWriter xml, string scope, IReadOnlyList<(string Name, string Type)> attributes)
    {
        xml.WriteStartElement("attributes", Namespace);
        xml.WriteAttributeString("class", scope);
        xml.WriteAttributeString("mode", "static");
        foreach (var (name, type) in attributes)
        {
            xml.WriteStartElement("attribute", Namespace);
            xml.WriteAttributeString("id", name);
            xml.WriteAttributeString("title", name);
            xml.WriteAttributeString("type", type == "int" ? "integer" : type);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Values(XmlWriter xml, IReadOnlyDictionary<string, string> values, IReadOnlyList<(string Name, string Type)> declared)
    {
        var present = declared.Where(a => values.ContainsKey(a.Name)).ToList();
        if (present.Count == 0) return;
        xml.WriteStartElement("attvalues", Namespace);
        foreach (var (name, _) in present)
        {
            xml.WriteStartElement("attvalue", Namespace);
            xml.WriteAttributeString("for", name);
            xml.WriteAttributeString("value", PlainGraph.Clean(values[name]));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }
}

/// <summary>Reads GEXF (1.1 to 1.3): nodes with label and attvalues (by attribute title), edges with theirs and their spells.</summary>
public sealed class GexfNetworkReader : INetworkReader
{
    public string Format => "gexf";

    public bool Recognises(ReadOnlySpan<byte> head, string? contentType) =>
        Signatures.XmlRoot(head, "gexf") || head.Length == 0 && contentType?.Contains("gexf", StringComparison.OrdinalIgnoreCase) == true;

    public async Task<ImportInput> ReadAsync(Stream content, ImportOptions options, CancellationToken ct)
    {
        try
        {
            var titles = new Dictionary<(string Class, string Id), string>();
            var nodes = new List<PlainNode>();
            var edges = new List<PlainEdge>();
            string? description = null;
            string? attributeClass = null;
            string? scope = null;
            PlainNode? node = null;
            PlainEdge? edge = null;
            Dictionary<string, string> values = new(StringComparer.Ordinal);
            var skipRead = false;
            using var xml = XmlReader.Create(content, PlainGraph.ReaderSettings);
            // ReadElementContentAsString leaves the reader on the next node already: read on only where nothing did.
            for (var more = await xml.ReadAsync(); more; more = skipRead ? !xml.EOF : await xml.ReadAsync())
            {
                ct.ThrowIfCancellationRequested();
                skipRead = false;
                if (xml.NodeType == XmlNodeType.Element)
                {
                    switch (xml.LocalName)
                    {
                        case "description" when scope is null:
                            description = await xml.ReadElementContentAsStringAsync();
                            skipRead = true;
                            continue;
                        case "attributes":
                            attributeClass = xml.GetAttribute("class");
                            break;
                        case "attribute" when attributeClass is not null:
                            titles[(attributeClass, xml.GetAttribute("id") ?? "")] = xml.GetAttribute("title") ?? xml.GetAttribute("id") ?? "";
                            break;
                        case "node":
                            values = new(StringComparer.Ordinal);
                            scope = "node";
                            node = new PlainNode(xml.GetAttribute("id") ?? "", xml.GetAttribute("label") ?? xml.GetAttribute("id") ?? "", values,
                                xml.GetAttribute("start"), xml.GetAttribute("end"));
                            if (xml.IsEmptyElement) { nodes.Add(node); scope = null; }
                            break;
                        case "edge":
                            values = new(StringComparer.Ordinal);
                            scope = "edge";
                            if (xml.GetAttribute("label") is { } label) values["label"] = label;
                            edge = new PlainEdge(xml.GetAttribute("id"), xml.GetAttribute("source") ?? "", xml.GetAttribute("target") ?? "", values,
                                xml.GetAttribute("start"), xml.GetAttribute("end"));
                            if (xml.IsEmptyElement) { edges.Add(edge); scope = null; }
                            break;
                        case "attvalue" when scope is not null:
                            var id = xml.GetAttribute("for") ?? xml.GetAttribute("id") ?? "";
                            values[titles.GetValueOrDefault((scope, id), id)] = xml.GetAttribute("value") ?? "";
                            break;
                        case "spell" when scope == "node" && node is not null && node.Start is null:
                            node = node with { Start = xml.GetAttribute("start"), End = xml.GetAttribute("end") };
                            break;
                        case "spell" when scope == "edge" && edge is not null && edge.Start is null:
                            edge = edge with { Start = xml.GetAttribute("start"), End = xml.GetAttribute("end") };
                            break;
                    }
                }
                else if (xml.NodeType == XmlNodeType.EndElement)
                {
                    if (xml.LocalName == "attributes") attributeClass = null;
                    else if (xml.LocalName == "node" && node is not null) { nodes.Add(node); scope = null; node = null; }
                    else if (xml.LocalName == "edge" && edge is not null) { edges.Add(edge); scope = null; edge = null; }
                }
            }
            return PlainGraphImport.Read(Format, new PlainGraph("", description ?? "", null, nodes, edges), options);
        }
        catch (XmlException e)
        {
            return new ImportInput(Format, new NetworkDocument(), [ImportProblem.At(null, null, null, GraphMlNetworkReader.Texts(e))]);
        }
    }
}
