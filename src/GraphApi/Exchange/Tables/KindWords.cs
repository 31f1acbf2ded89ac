using GraphApi.Domain;

namespace GraphApi.Exchange.Tables;

/// <summary>
/// The words a spreadsheet uses for a kind, role or status: the German word as the UI shows it on export; on import
/// the German word (any case), the English word or the code itself.
/// </summary>
/// TODO(lead's kind registry): read the words from GraphApi.Domain.Kinds once it is on main; this interim table holds the
/// UI's current German words (src/GraphUi/Localization/Texts.cs) so the sheets read the same as the map.
internal sealed class KindWords
{
    private readonly (string Code, string German)[] _terms;
    private readonly Dictionary<string, string> _byText = new(StringComparer.OrdinalIgnoreCase);

    private KindWords(string germanName, params (string Code, string German)[] terms)
    {
        GermanName = germanName;
        _terms = terms;
        foreach (var (code, german) in terms)
        {
            _byText.TryAdd(code, code);
            _byText.TryAdd(german, code);
        }
    }

    /// <summary>"Akteursart": what the value is, in error messages.</summary>
    public string GermanName { get; }

    public IReadOnlyList<string> Codes => _terms.Select(t => t.Code).ToList();

    public string Word(string code) => _terms.FirstOrDefault(t => t.Code == code).German ?? code;

    public bool TryParse(string text, out string code) => _byText.TryGetValue(text.Trim(), out code!);

    /// <summary>The words to offer in a message: "Verwaltung, Jobcenter, …".</summary>
    public string Offer() => string.Join(", ", _terms.Select(t => t.German));

    public static readonly KindWords Actor = new("Akteursart",
        (ActorKinds.Administration, "Verwaltung"), (ActorKinds.Jobcenter, "Jobcenter"), (ActorKinds.EmploymentAgency, "Agentur für Arbeit"),
        (ActorKinds.Municipality, "Kommune"), (ActorKinds.WelfareAssociation, "Wohlfahrtsverband"),
        (ActorKinds.MigrantOrganisation, "Migrantenorganisation"), (ActorKinds.EducationProvider, "Bildungsträger"),
        (ActorKinds.Chamber, "Kammer"), (ActorKinds.Counselling, "Beratung"), (ActorKinds.Politics, "Politik"),
        (ActorKinds.Volunteering, "Ehrenamt"), (ActorKinds.State, "Land / Bund"), (ActorKinds.Research, "Wissenschaft"),
        (ActorKinds.Other, "Sonstige"));

    public static readonly KindWords Body = new("Gremienart",
        (BodyKinds.SteeringGroup, "Steuerungsgruppe"), (BodyKinds.CoordinationStaff, "Koordinierungsstab"), (BodyKinds.Network, "Netzwerk"),
        (BodyKinds.WorkingGroup, "Arbeitskreis"), (BodyKinds.Commission, "Kommission"), (BodyKinds.PoliticalCommittee, "Politischer Ausschuss"),
        (BodyKinds.Conference, "Konferenz"), (BodyKinds.Other, "Sonstiges Gremium"));

    public static readonly KindWords Status = new("Status",
        (BodyStatuses.Active, "aktiv"), (BodyStatuses.Dormant, "ruhend"), (BodyStatuses.Dissolved, "aufgelöst"));

    public static readonly KindWords Territory = new("Gebietsart",
        (TerritoryKinds.District, "Landkreis"), (TerritoryKinds.City, "Stadt"), (TerritoryKinds.Municipality, "Gemeinde"),
        (TerritoryKinds.Other, "Sonstiges Gebiet"));

    public static readonly KindWords Role = new("Rolle",
        (MembershipRoles.Chair, "Vorsitz"), (MembershipRoles.Management, "Geschäftsführung"), (MembershipRoles.Member, "Mitglied"),
        (MembershipRoles.Guest, "Gast"), (MembershipRoles.Advisory, "beratend"));

    public static readonly KindWords Collaboration = new("Kooperationsart",
        (CollaborationKinds.Agreement, "Kooperationsvereinbarung"), (CollaborationKinds.Referral, "Verweisung"),
        (CollaborationKinds.Funding, "Förderung"), (CollaborationKinds.Informal, "informell"));
}
