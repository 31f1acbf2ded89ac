// TEMPORARY (ui-pages): stand-ins for the lead's kind registry and resx localisation (CONTRACT.md names), so the
// components compile and their tests run before main has them. Deleted in the merge of main; nothing else may use it.
using System.Collections;
using System.Globalization;
using GraphApi.Domain;
using Microsoft.Extensions.Localization;

namespace GraphApi.Localization
{
    public sealed class Strings;

    public sealed class PreMergeLocalizer : IStringLocalizer<Strings>
    {
        public LocalizedString this[string name] => new(name, Find(name) ?? name, Find(name) is null);
        public LocalizedString this[string name, params object[] arguments] =>
            new(name, string.Format(CultureInfo.CurrentCulture, Find(name) ?? name, arguments), Find(name) is null);
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
        private static string? Find(string key) =>
            New.TryGetValue(key, out var n) ? (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? n.De : n.En)
            : GraphUi.Localization.UiText.For(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)[key] is var t && t != key ? t : null;

        // The keys ui-pages adds to both resx files in its own block at the merge.
        private static readonly Dictionary<string, (string De, string En)> New = new()
        {
            ["networks.table"] = ("Tabelle", "Table"),
            ["networks.links"] = ("Seiten", "Pages"),
            ["table.title"] = ("Tabelle", "Table"),
            ["table.links"] = ("Weitere Ansichten", "Other views"),
            ["table.bodies.caption"] = ("Gremien und ihre Mitglieder ({0})", "Bodies and their members ({0})"),
            ["table.actors.caption"] = ("Akteure, ihre Gremien und Kooperationen ({0})", "Actors, their bodies and collaborations ({0})"),
            ["table.members"] = ("Mitglieder", "Members"),
            ["table.noMembers"] = ("keine Mitglieder", "no members"),
            ["table.noBodies"] = ("in keinem Gremium", "in no body"),
            ["table.noCollaborations"] = ("keine", "none"),
            ["table.filters.asOf"] = ("Stand am {0}.", "As of {0}."),
            ["table.filters.today"] = ("Heutiger Stand, ohne Filter.", "Today, no filters."),
            ["details.gone"] = ("„{0}“ gibt es nicht mehr.", "“{0}” no longer exists."),
            ["details.conflict"] = ("{0} hat diesen Eintrag {1} geändert ({2} Uhr). Ihre Eingaben sind erhalten; was jetzt gespeichert ist, steht darunter. Speichern überschreibt es.", "{0} changed this entry {1} (at {2}). What you typed is kept; what is saved now is shown below. Saving overwrites it."),
            ["details.conflict.current"] = ("Jetzt gespeichert:", "Saved now:"),
            ["details.notANumber"] = ("„{0}“ ist keine Zahl.", "“{0}” is not a number."),
            ["details.delete.question"] = ("„{0}“ löschen?", "Delete “{0}”?"),
            ["details.delete.questionWith"] = ("„{0}“ löschen? Mit gelöscht werden {1}:", "Delete “{0}”? Deleted with it: {1}:"),
            ["details.delete.blocked"] = ("Löschen geht erst, wenn diese Einträge nicht mehr darauf verweisen; ändern Sie sie zuerst:", "It can be deleted once these entries no longer refer to it; change them first:"),
            ["details.delete.confirm"] = ("Endgültig löschen", "Delete"),
            ["details.openRelation"] = ("Bearbeiten: {0}", "Edit: {0}"),
            ["history.redone"] = ("Wiederholt.", "Redone."),
            ["history.conflictBy"] = ("Zuletzt geändert von {0}, {1} ({2} Uhr).", "Last changed by {0}, {1} (at {2})."),
            ["analysis.title"] = ("Analysen", "Analyses"),
            ["report.map.unavailable"] = ("Das Bild der Karte ist hier nicht verfügbar; die Karte selbst zeigt das Netzwerk.", "The picture of the map is not available here; the map itself shows the network."),
        };
    }

    public static class Dates
    {
        public static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        public static DateTimeOffset ToBerlin(DateTimeOffset when) => TimeZoneInfo.ConvertTime(when, Berlin);
        public static string Relative(DateTimeOffset when, DateTimeOffset now)
        {
            var minutes = (int)(now - when).TotalMinutes;
            return minutes < 1 ? "gerade eben" : minutes < 60 ? $"vor {minutes} Minuten" : $"vor {minutes / 60} Stunden";
        }
        public static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
    }

    public static class Counts
    {
        public static string Of(int n, Word word) => $"{n.ToString("N0", CultureInfo.CurrentCulture)} {(n == 1 ? word.Singular : word.Plural)}";
    }
}

namespace GraphApi.Domain
{
    public enum Gender { Masculine, Feminine, Neuter }
    public sealed record Word(string Singular, string Plural, Gender Gender = Gender.Neuter);
    public sealed record Term(string Code, Word German, Word English, string Colour = "#8d99a6", string Icon = "")
    {
        public Word Word => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "de" ? German : English;
        public string Label => Word.Singular;
        public string Plural => Word.Plural;
    }

    public sealed class Vocabulary(string name, IReadOnlyList<Term> terms) : IReadOnlyList<Term>
    {
        public string Name { get; } = name;
        public IReadOnlyList<string> Codes => terms.Select(t => t.Code).ToList();
        public Term this[string code] => terms.FirstOrDefault(t => t.Code == code) ?? new Term(code, new(code, code), new(code, code));
        public bool Contains(string? code) => terms.Any(t => t.Code == code);
        public string Label(string? code) => code is null ? "" : this[code].Label;
        public Term this[int index] => terms[index];
        public int Count => terms.Count;
        public IEnumerator<Term> GetEnumerator() => terms.GetEnumerator();
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public static class Kinds
    {
        private static Vocabulary V(string name, string prefix, IEnumerable<string> codes) => new(name, codes.Select(c =>
        {
            var de = GraphUi.Localization.UiText.For("de")[$"kind.{prefix}.{c}"];
            var en = GraphUi.Localization.UiText.For("en")[$"kind.{prefix}.{c}"];
            return new Term(c, new(de, de), new(en, en));
        }).ToList());

        public static readonly Vocabulary Actor = V("actorKind", "actor", ActorKinds.All);
        public static readonly Vocabulary Body = V("bodyKind", "body", BodyKinds.All);
        public static readonly Vocabulary BodyStatus = V("bodyStatus", "status", BodyStatuses.All);
        public static readonly Vocabulary Territory = V("territoryKind", "territory", TerritoryKinds.All);
        public static readonly Vocabulary Role = V("role", "role", MembershipRoles.All);
        public static readonly Vocabulary Collaboration = V("collaborationKind", "collaboration", CollaborationKinds.All);
        public static readonly Vocabulary Entity = new("entity",
        [
            new("network", new("Netzwerk", "Netzwerke"), new("Network", "Networks")),
            new("topic", new("Handlungsfeld", "Handlungsfelder"), new("Topic", "Topics")),
            new("territory", new("Gebiet", "Gebiete"), new("Territory", "Territories")),
            new("actor", new("Akteur", "Akteure", Gender.Masculine), new("Actor", "Actors")),
            new("body", new("Gremium", "Gremien"), new("Body", "Bodies")),
            new("person", new("Person", "Personen", Gender.Feminine), new("Person", "Persons")),
            new("measure", new("Maßnahme", "Maßnahmen", Gender.Feminine), new("Measure", "Measures")),
            new("membership", new("Mitgliedschaft", "Mitgliedschaften", Gender.Feminine), new("Membership", "Memberships")),
            new("collaboration", new("Kooperation", "Kooperationen", Gender.Feminine), new("Collaboration", "Collaborations")),
        ]);
        public static Term Of(EntityKind kind) => Entity[JsonNamingPolicyCamel(kind.ToString())];
        private static string JsonNamingPolicyCamel(string s) => char.ToLowerInvariant(s[0]) + s[1..];
    }
}
