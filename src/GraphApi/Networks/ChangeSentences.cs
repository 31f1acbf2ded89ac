using System.Globalization;
using GraphApi.Analysis;
using GraphApi.Domain;
using GraphApi.Localization;
using Microsoft.Extensions.Localization;

namespace GraphApi.Networks;

/// <summary>
/// The one place where a change becomes a sentence a person reads: the history panel ("Verlauf"), the Protokoll of a
/// meeting, the comparison and the diff API all take their sentences from here. Names are data: they are quoted
/// („Jobcenter Peine“) after the kind word, never inflected, and ids never show. The words come from the resx
/// (sentence.*) and the kind registry (<see cref="Kinds"/>), in the current UI culture.
/// </summary>
public sealed class ChangeSentences(IStringLocalizer<Strings> texts)
{
    /// <summary>What a change did, as the comparison sorts it: new, ended (or removed) or changed.</summary>
    public const string Appeared = "appeared", Ended = "ended", Changed = "changed";

    private static bool German => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de";

    /// <summary>"Anna Moderation hat die Mitgliedschaft von „Jobcenter Peine“ im Gremium „Koordinierungsstab MuT“ beendet".</summary>
    public string Describe(Change change, string author, Names names)
    {
        var who = string.IsNullOrWhiteSpace(author) ? texts["sentence.someone"].Value : author;
        var entity = (change.After ?? change.Before)!;
        if (change is { Op: ChangeOp.Update, Before: Network before, After: Network after } && MeetingChange(before, after) is { } meeting)
            return texts[meeting.Started ? "sentence.meetingStarted" : "sentence.meetingEnded", who, MeetingName(meeting.Meeting)];
        var what = Phrase(entity, accusative: true, names);
        return change.Op switch
        {
            ChangeOp.Create => texts["sentence.created", who, what],
            ChangeOp.Delete => texts["sentence.deleted", who, what],
            _ when Ending(change.Before!, change.After!) is { } verb => texts[$"sentence.{verb}", who, what],
            _ when Renamed(change.Before!, change.After!) is { } name =>
                texts["sentence.renamed", who, Phrase(change.Before!, accusative: true, names), name],
            // priv10: an erasure's rewrite of free text leaves no field to name (before and after are both without the name).
            _ when Fields(change.Before!, change.After!) is "" => texts["sentence.updatedPlain", who, what],
            _ => texts["sentence.updated", who, what, Fields(change.Before!, change.After!)],
        };
    }

    /// <summary>
    /// A difference between two states, without an author: "Der Akteur „Verein Brücke“ ist neu.", "… ist entfernt.",
    /// "… ist beendet.", "… ist geändert: Name, Rolle." Used by the comparison and the preview of a restore.
    /// </summary>
    public string Difference(Change change, Names names)
    {
        // An entity is named as it was known at the earlier point: a renamed one by its old name.
        var entity = (change.Before ?? change.After)!;
        if (change is { Op: ChangeOp.Update, Before: Network b, After: Network a } && MeetingChange(b, a) is { } meeting)
            return texts[meeting.Started ? "sentence.diff.meetingStarted" : "sentence.diff.meetingEnded", MeetingName(meeting.Meeting)];
        var what = Capitalise(Phrase(entity, accusative: false, names));
        return change.Op switch
        {
            ChangeOp.Create => texts["sentence.diff.appeared", what],
            ChangeOp.Delete => texts["sentence.diff.removed", what],
            _ when Ending(change.Before!, change.After!) is { } verb => texts[$"sentence.diff.{verb}", what],
            _ when Renamed(change.Before!, change.After!) is { } name => texts["sentence.diff.renamed", what, name],
            _ when Fields(change.Before!, change.After!) is "" => texts["sentence.diff.changedPlain", what], // priv10, as above
            _ => texts["sentence.diff.changed", what, Fields(change.Before!, change.After!)],
        };
    }

    /// <summary>Appeared, ended or changed: a delete and an update that sets an end date or dissolves a body count as ended.</summary>
    public static string Category(Change change) => change.Op switch
    {
        ChangeOp.Create => Appeared,
        ChangeOp.Delete => Ended,
        _ when Ending(change.Before!, change.After!) is not null => Ended,
        _ => Changed,
    };

    /// <summary>True for a network update that only starts or ends meetings: not a change of the network's content.</summary>
    public static bool OnlyMeetings(Change change) =>
        change is { Before: Network b, After: Network a } && ChangePlan.SameContent(b with { Meetings = [] }, a with { Meetings = [] });

    /// <summary>"den Akteur „Jobcenter Peine“" (accusative) or "der Akteur „Jobcenter Peine“"; memberships and collaborations by their ends.</summary>
    public string Phrase(Entity entity, bool accusative, Names names)
    {
        var term = Kinds.Of(entity.EntityKind);
        var article = texts[$"sentence.article.{(accusative ? "acc" : "nom")}.{term.Word.Gender.ToString().ToLowerInvariant()}"].Value;
        var noun = Noun(term);
        return entity switch
        {
            Membership m => texts["sentence.membership", article, noun, names[m.Member], Noun(Kinds.Of(EntityKind.Body)), names[m.Body]],
            Collaboration c => texts["sentence.collaboration", article, noun, names[c.From], names[c.To]],
            _ => texts["sentence.entity", article, noun, names.Of(entity)],
        };
    }

    /// <summary>"Sitzung der Steuerungsgruppe, 12.03.2025".</summary>
    public string MeetingName(Meeting meeting) =>
        AsOf.TryParse(meeting.Day, out var day) ? texts["meeting.name", meeting.Title, Dates.Day(day)] : meeting.Title;

    /// <summary>The changed fields in words ("Name, Rolle"), store metadata left out.</summary>
    public string Fields(Entity before, Entity after) => string.Join(", ", NetworkDiff.ChangedFields(before, after).Select(Field));

    private string Field(string field)
    {
        var word = texts[$"field.{field}"];
        return word.ResourceNotFound ? field : word.Value;
    }

    /// <summary>German nouns keep their capital; English ones are lower case inside a sentence.</summary>
    private static string Noun(Term term) => German ? term.Label : term.Label.ToLower(CultureInfo.CurrentUICulture);

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpper(s[0], CultureInfo.CurrentUICulture) + s[1..];

    /// <summary>"ended" when an update set an end date, "dissolved" when a body was dissolved; null otherwise.</summary>
    private static string? Ending(Entity before, Entity after) => (before, after) switch
    {
        (Membership b, Membership a) when b.Until is null && a.Until is not null => "ended",
        (Collaboration b, Collaboration a) when b.Until is null && a.Until is not null => "ended",
        (Measure b, Measure a) when b.Until is null && a.Until is not null => "ended",
        (Body b, Body a) when (b.Dissolved is null && a.Dissolved is not null)
            || (b.Status != BodyStatuses.Dissolved && a.Status == BodyStatuses.Dissolved) => "dissolved",
        _ => null,
    };

    /// <summary>The new name, when the name was all that changed.</summary>
    private static string? Renamed(Entity before, Entity after) =>
        NetworkDiff.ChangedFields(before, after) is ["name"] && after is not (Membership or Collaboration) ? Names.NameOf(after) : null;

    private static (Meeting Meeting, bool Started)? MeetingChange(Network before, Network after)
    {
        if (!OnlyMeetings(new Change(ChangeOp.Update, EntityKind.Network, after.Id, before, after))) return null;
        var old = before.Meetings.ToDictionary(m => m.Id, StringComparer.Ordinal);
        foreach (var m in after.Meetings)
        {
            if (!old.TryGetValue(m.Id, out var was)) return (m, true);
            if (was.EndRevision is null && m.EndRevision is not null) return (m, false);
        }
        return null;
    }
}

/// <summary>
/// The names a sentence uses for the ids it mentions: from the states and changes it is given, newest first, so a
/// membership deleted together with its actor still names the actor. An id found nowhere is called "ein gelöschter Eintrag".
/// </summary>
public sealed class Names
{
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly string _unknown;

    public Names(IStringLocalizer<Strings> texts, IEnumerable<NetworkSnapshot?> states, IEnumerable<Change>? changes = null)
    {
        _unknown = texts["sentence.unknown"].Value;
        foreach (var state in states.OfType<NetworkSnapshot>())
            foreach (var e in state.Everything)
                _names.TryAdd(e.Id, NameOf(e));
        foreach (var change in changes ?? [])
            foreach (var e in new[] { change.After, change.Before }.OfType<Entity>())
                _names.TryAdd(e.Id, NameOf(e));
    }

    public string this[string id] => _names.GetValueOrDefault(id) ?? _unknown;

    /// <summary>An entity's own name: an actor's full name, a membership or collaboration by its ends.</summary>
    public string Of(Entity e) => e switch
    {
        Membership m => $"{this[m.Member]} – {this[m.Body]}",
        Collaboration c => $"{this[c.From]} – {this[c.To]}",
        _ => NameOf(e),
    };

    internal static string NameOf(Entity e) => e switch
    {
        Actor a => a.Name,
        Network n => n.Name,
        _ => e.Label,
    };
}
