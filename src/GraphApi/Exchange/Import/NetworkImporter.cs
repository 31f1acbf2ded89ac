using System.IO.Compression;
using GraphApi.Domain;
using GraphApi.Exchange.Tables;
using GraphApi.Networks;
using Microsoft.AspNetCore.Http;

namespace GraphApi.Exchange.Import;

/// <summary>What an import committed, with the warnings (unknown sheets or columns) that did not stop it.</summary>
public sealed record ImportResult(string NetworkId, long Revision, int Created, int Updated, int Deleted, IReadOnlyList<string>? Warnings = null);

/// <summary>
/// The one import path for every format and every caller (HTTP endpoint, Blazor, command line): read the file
/// (<see cref="ReadAsync"/>), show what it would do (<see cref="PreviewAsync"/>), then import it in one transaction
/// (<see cref="ImportAsync"/>), refused with a new preview if the network moved since the preview the user confirmed.
/// </summary>
public sealed class NetworkImporter(NetworkService networks, NetworkExchange exchange, IEnumerable<INetworkReader> readers,
    IImportDuplicateFinder duplicates)
{
    /// <summary>Larger uploads are refused before they are read: the large synthetic network (10,000 actors) is about 3 MB as xlsx.</summary>
    public const long MaxBytes = 25L * 1024 * 1024;

    private readonly IReadOnlyList<INetworkReader> _readers = readers.ToList();

    public IEnumerable<string> Formats => _readers.Select(r => r.Format);

    /// <summary>
    /// Reads a file of any import format: <paramref name="format"/> when given, else recognised by its first bytes (a zip is a
    /// workbook when it holds xl/workbook.xml, else a CSV zip; "{" JSON; "&lt;graphml" / "&lt;gexf") or its content type.
    /// Never throws for bad content: problems come back in the input. A file over <see cref="MaxBytes"/> is refused with 413.
    /// </summary>
    public async Task<ImportInput> ReadAsync(Stream content, string? contentType, ImportOptions options, string? format = null,
        CancellationToken ct = default)
    {
        var buffer = await BufferAsync(content, ct);
        var head = buffer.GetBuffer().AsSpan(0, (int)Math.Min(buffer.Length, 4096));
        var reader = format is not null
            ? _readers.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase))
              ?? throw Api.ApiConventions.Invalid("format", EntityValidator.NotAllowed(format, Formats.ToList()))
            : Detect(buffer, head, contentType);
        if (reader is null)
            return new ImportInput("unknown", new NetworkDocument(), [ImportProblem.At(null, null, null, Texts.Get("exchange.fileSFormatIsNot", string.Join(", ", Formats.Distinct())))]);
        buffer.Position = 0;
        return await reader.ReadAsync(buffer, options, ct);
    }

    private INetworkReader? Detect(MemoryStream buffer, ReadOnlySpan<byte> head, string? contentType)
    {
        if (Json.Signatures.IsZip(head))
        {
            var workbook = false;
            try
            {
                using var zip = new ZipArchive(buffer, ZipArchiveMode.Read, leaveOpen: true);
                workbook = zip.GetEntry("xl/workbook.xml") is not null;
            }
            catch (InvalidDataException)
            {
                // Unreadable: the workbook reader says so with its own message.
                workbook = true;
            }
            return _readers.FirstOrDefault(r => r.Format == (workbook ? "xlsx" : "csv"));
        }
        foreach (var reader in _readers.Where(r => r.Format is not ("xlsx" or "csv")))
            if (reader.Recognises(head, null)) return reader;
        // No signature (an empty body, text that is not JSON): the content type says what was meant, and that reader
        // reports what is wrong in its own words ("Fehlerhaftes JSON in Zeile 1 …").
        foreach (var reader in _readers)
                if (reader.Recognises([], contentType)) return reader;
        return null;
    }

    private static async Task<MemoryStream> BufferAsync(Stream content, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                throw new BadHttpRequestException(Texts.Get("exchange.fileIsLargerThanMb", MaxBytes / 1024 / 1024),
                    StatusCodes.Status413PayloadTooLarge);
            buffer.Write(chunk, 0, read);
        }
        return buffer;
    }

    /// <summary>What importing <paramref name="input"/> would do to the network as it is now; writes nothing.</summary>
    public async Task<ImportPreview> PreviewAsync(ImportInput input, CancellationToken ct = default)
    {
        var (target, problems) = Analyse(input);
        var id = input.Document.Network?.Id?.Trim() ?? "";
        var current = id.Length is > 0 and <= 250 ? await networks.TryGetAsync(id, ct) : null;
        return Preview(input, GraphApi.Privacy.OpaquePersons.MatchExisting(target, current), problems, current);
    }

    /// <summary>
    /// Imports in one transaction: the network then holds exactly the file. Throws <see cref="ValidationFailedException"/>
    /// with every problem (keyed by its place) when there is any error, and <see cref="StaleImportException"/> (with the new
    /// preview) when <paramref name="expectedRevision"/> is given and the network is no longer at it.
    /// </summary>
    public async Task<ImportResult> ImportAsync(ImportInput input, long? expectedRevision, Author author, CancellationToken ct = default)
    {
        var (target, problems) = Analyse(input);
        if (target is null)
        {
            var errors = new ValidationErrors();
            foreach (var p in problems.Where(p => p.IsError)) errors.Add(p.Where, p.Message);
            throw new ValidationFailedException(errors);
        }
        var set = await networks.ReplaceAsync(target.Network.Id, current =>
        {
            var matched = GraphApi.Privacy.OpaquePersons.MatchExisting(target, current)!;
            if (expectedRevision is { } expected && (current?.Revision ?? 0) != expected)
                throw new StaleImportException(Preview(input, matched, problems, current));
            return ChangePlan.Between(current, NetworkExchange.KeepingReport(current, matched, input.Document));
        }, author, ct);
        var warnings = problems.Where(p => !p.IsError).Select(p => p.ToString()).ToList();
        return Summarise(set, warnings.Count > 0 ? warnings : null);
    }

    public static ImportResult Summarise(ChangeSet set, IReadOnlyList<string>? warnings = null) => new(set.NetworkId, set.Revision,
        set.Changes.Count(c => c.Op == ChangeOp.Create && c.Kind != EntityKind.Network),
        set.Changes.Count(c => c.Op == ChangeOp.Update && c.Kind != EntityKind.Network),
        set.Changes.Count(c => c.Op == ChangeOp.Delete), warnings);

    /// <summary>The network the file describes (null when any problem is an error) and every problem, placed in the file.</summary>
    internal (NetworkSnapshot? Target, IReadOnlyList<ImportProblem> Problems) Analyse(ImportInput input)
    {
        var problems = input.Problems.ToList();
        // A file that could not be read at all has nothing for the validator to say.
        if (input.Unreadable || problems.Any(p => p.IsError && p.Sheet is null && p.Path is null && p.Row is null)) return (null, problems);
        var (snapshot, errors) = exchange.Validate(input.Document);
        var reported = problems.Where(p => p.IsError).Select(p => p.Where).ToHashSet(StringComparer.Ordinal);
        // A sheet the reader already found wrong as a whole (a missing column, no network row) needs no echo for each row.
        var wholeSheets = problems.Where(p => p is { IsError: true, Sheet: not null, Row: null or 1, Column: null } || p is { IsError: true, Row: 1 })
            .Select(p => p.Sheet).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, messages) in errors.ToDictionary())
        {
            var place = input.Locator?.Locate(path);
            foreach (var message in messages)
            {
                var problem = place is { } at
                    ? ImportProblem.At(at.Sheet, at.Row, at.Column, message) with { Path = path }
                    : ImportProblem.AtPath(path, message);
                // The reader has already said what is wrong with this cell (a name it could not find, say), in the file's words.
                if (place is { } p && (reported.Contains(problem.Where) || wholeSheets.Contains(p.Sheet))) continue;
                problems.Add(problem);
            }
        }
        return (problems.Any(p => p.IsError) ? null : snapshot, problems);
    }

    private ImportPreview Preview(ImportInput input, NetworkSnapshot? target, IReadOnlyList<ImportProblem> problems, NetworkSnapshot? current)
    {
        var header = input.Document.Network;
        var byKind = new List<ImportKindCounts>();
        var changes = target is null ? [] : ChangePlan.Between(current, NetworkExchange.KeepingReport(current, target, input.Document));
        foreach (var kind in Enum.GetValues<EntityKind>().Where(k => k != EntityKind.Network))
        {
            var of = changes.Where(c => c.Kind == kind).ToList();
            var (created, changed, removed) = (of.Count(c => c.Op == ChangeOp.Create), of.Count(c => c.Op == ChangeOp.Update), of.Count(c => c.Op == ChangeOp.Delete));
            if (target is not null || created + changed + removed > 0)
                byKind.Add(new ImportKindCounts(char.ToLowerInvariant(kind.ToString()[0]) + kind.ToString()[1..], Plural(kind), created, changed, removed));
        }
        var found = new List<ImportDuplicate>();
        if (target is not null)
        {
            var incoming = changes.Where(c => c is { Kind: EntityKind.Actor, Op: ChangeOp.Create }).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            if (incoming.Count > 0)
                foreach (var pair in duplicates.Find(target))
                {
                    var (a, b) = incoming.Contains(pair.ActorA.Id) ? (pair.ActorA, pair.ActorB) : (pair.ActorB, pair.ActorA);
                    if (!incoming.Contains(a.Id)) continue;
                    found.Add(new ImportDuplicate(a, b, current?.Find<Actor>(b.Id) is not null, pair.Similarity, pair.Reason, pair.Sentence));
                }
        }
        return new ImportPreview(input.Format, header?.Id ?? "", header?.Name ?? "", current is not null, current?.Revision ?? 0, target is not null,
            new ImportCounts(byKind.Sum(k => k.Created), byKind.Sum(k => k.Changed), byKind.Sum(k => k.Removed)), byKind, problems,
            found.OrderByDescending(d => d.OtherExists).ThenByDescending(d => d.Similarity).ToList());
    }

    private static string Plural(EntityKind kind) => kind switch
    {
        EntityKind.Topic => Texts.Get("exchange.topics"),
        EntityKind.Territory => Texts.Get("exchange.territories"),
        EntityKind.Actor => Texts.Get("exchange.actors"),
        EntityKind.Body => Texts.Get("exchange.bodies"),
        EntityKind.Person => Texts.Get("exchange.persons"),
        EntityKind.Measure => Texts.Get("exchange.measures"),
        EntityKind.Membership => Texts.Get("exchange.memberships"),
        EntityKind.Collaboration => Texts.Get("exchange.collaborations"),
        _ => kind.ToString(),
    };
}
