using System.Text;
using GraphApi.Domain;
using GraphApi.Exchange.Tables;

namespace GraphApi.Exchange.Json;

/// <summary>The exchange document itself (docs/network.schema.json), written exactly as before the export endpoint had formats.</summary>
public sealed class JsonNetworkWriter : INetworkWriter
{
    public string Format => "json";
    public string ContentType => "application/json; charset=utf-8";
    public string Extension => ".json";

    public Task WriteAsync(ExportRequest request, Stream output, CancellationToken ct)
    {
        var json = NetworkExchange.Serialize(NetworkExchange.ToDocument(request.Snapshot));
        return output.WriteAsync(new UTF8Encoding(false).GetBytes(json), ct).AsTask();
    }
}

public sealed class JsonNetworkReader : INetworkReader
{
    public string Format => "json";

    public bool Recognises(ReadOnlySpan<byte> head, string? contentType)
    {
        var text = Signatures.SkipBomAndSpace(head);
        return text.Length > 0 ? text[0] is (byte)'{' or (byte)'[' : contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true;
    }

    public async Task<ImportInput> ReadAsync(Stream content, ImportOptions options, CancellationToken ct)
    {
        try
        {
            var document = await NetworkExchange.ParseAsync(content, ct);
            if (options.NetworkId is not null || options.NetworkName is not null)
                document = document with
                {
                    Network = (document.Network ?? new NetworkHeader()) with
                    {
                        Id = options.NetworkId ?? document.Network?.Id, Name = options.NetworkName ?? document.Network?.Name,
                    },
                };
            return new ImportInput(Format, document, []);
        }
        catch (ValidationFailedException e)
        {
            var problems = e.Errors.ToDictionary().SelectMany(kv => kv.Value.Select(m => ImportProblem.AtPath(kv.Key, m))).ToList();
            return new ImportInput(Format, new NetworkDocument(), problems) { Unreadable = true };
        }
    }
}

/// <summary>File signatures shared by the readers.</summary>
public static class Signatures
{
    public static bool IsZip(ReadOnlySpan<byte> head) => head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;

    public static ReadOnlySpan<byte> SkipBomAndSpace(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8)) head = head[3..];
        var i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return head[i..];
    }

    /// <summary>Whether the start of an XML file has a root element of this name (after the declaration and comments).</summary>
    public static bool XmlRoot(ReadOnlySpan<byte> head, string root)
    {
        var text = Encoding.UTF8.GetString(SkipBomAndSpace(head));
        if (!text.StartsWith('<')) return false;
        return text.Contains("<" + root, StringComparison.Ordinal) || text.Contains(":" + root + " ", StringComparison.Ordinal);
    }
}
