using Microsoft.AspNetCore.Components.Forms;

namespace GraphUi.Components.Panels.Forms;

/// <summary>
/// Shows the service's validation messages beside the fields of an <see cref="EditForm"/>: a message for "name" goes to
/// the model's property Name, one for "topics[1]" to Topics. Messages that name no field of the form are kept in
/// <see cref="Unplaced"/> for a summary, so nothing the service said is lost.
/// </summary>
public sealed class ServerErrors
{
    private readonly EditContext _context;
    private readonly ValidationMessageStore _store;

    private readonly Func<string, string?> _place;

    /// <param name="place">The form field a service path belongs to, or null; default: the model property named like the path's last part.</param>
    public ServerErrors(EditContext context, Func<string, string?>? place = null)
    {
        _context = context;
        _place = place ?? (path => PropertyOf(path) is { } p && context.Model.GetType().GetProperty(p) is not null ? p : null);
        _store = new ValidationMessageStore(context);
        // Typing into a field takes its message away: it is about the old value.
        context.OnFieldChanged += (_, e) =>
        {
            _store.Clear(e.FieldIdentifier);
            context.NotifyValidationStateChanged();
        };
    }

    public IReadOnlyList<string> Unplaced { get; private set; } = [];

    public void Clear()
    {
        _store.Clear();
        Unplaced = [];
        _context.NotifyValidationStateChanged();
    }

    public void Show(IDictionary<string, string[]> errors)
    {
        _store.Clear();
        var unplaced = new List<string>();
        foreach (var (path, messages) in errors)
        {
            if (_place(path) is { } field)
                _store.Add(new FieldIdentifier(_context.Model, field), messages);
            else
                unplaced.AddRange(messages);
        }
        Unplaced = unplaced;
        _context.NotifyValidationStateChanged();
    }

    /// <summary>"until" → "Until", "topics[0]" → "Topics", "$.network.name" → "Name".</summary>
    public static string? PropertyOf(string path) => FieldOf(path) is { } f ? char.ToUpperInvariant(f[0]) + f[1..] : null;

    /// <summary>The field as the service names it: "topics[0]" → "topics", "$.network.name" → "name".</summary>
    public static string? FieldOf(string path)
    {
        var last = path.Split('.', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (string.IsNullOrEmpty(last) || last == "$") return null;
        var bracket = last.IndexOf('[');
        if (bracket >= 0) last = last[..bracket];
        return last.Length == 0 ? null : last;
    }
}
