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
            GraphUi.Localization.UiText.For(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName)[key] is var t && t != key ? t : null;
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
