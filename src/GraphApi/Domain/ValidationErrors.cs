namespace GraphApi.Domain;

/// <summary>Problems found in input, keyed by field name or JSON path ("name", "$.actors[3].kind").</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string path, string message)
    {
        if (!_errors.TryGetValue(path, out var list)) _errors[path] = list = [];
        list.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public void ThrowIfAny()
    {
        if (Any) throw new ValidationFailedException(this);
    }

    /// <summary>Joins a prefix and a field: ("", "name") → "name"; ("$.actors[3]", "name") → "$.actors[3].name".</summary>
    public static string Join(string prefix, string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";
}

/// <summary>Input broke one or more rules; nothing was written. Answered with 400 ProblemDetails.</summary>
public sealed class ValidationFailedException(ValidationErrors errors) : Exception("The input breaks one or more rules.")
{
    public ValidationErrors Errors { get; } = errors;
}

/// <summary>A network or entity does not exist. Answered with 404 ProblemDetails.</summary>
public sealed class NotFoundException(string message) : Exception(message)
{
    public static NotFoundException NoNetwork(string networkId) =>
        new(Texts.Get("valid.noNetwork", networkId));

    public static NotFoundException NoEntry(EntityKind kind, string id, string networkId) =>
        new(Texts.Get("valid.noEntry", networkId, Texts.German ? Texts.Of(kind).Keinen : Texts.Of(kind).English, id));
}

/// <summary>
/// The change cannot be applied to the current state: a stale version, an id already taken, or a delete
/// of something others still refer to. Answered with 409 ProblemDetails carrying the current entity.
/// </summary>
public sealed class ConflictException(string message, Entity? current = null, IReadOnlyList<string>? references = null)
    : Exception(message)
{
    public Entity? Current { get; } = current;
    public IReadOnlyList<string> References { get; } = references ?? [];

    /// <summary>The network id is taken; the service finds it out, or the store when another process was first.</summary>
    public static ConflictException NetworkExists(string networkId, Entity? current = null) =>
        new(Texts.Get("valid.networkExists", networkId), current);
}
