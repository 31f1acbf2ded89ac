namespace GraphApi.Domain;

/// <summary>
/// The kind registry: every kind field's allowed values with their words in German and English, their
/// colour and icon on the map. The validator, the API's messages, the map, the editors, the exports, the
/// spreadsheet columns and the analysis sentences all read kinds from here, and nowhere else.
/// </summary>
public static class Kinds
{
    private static Word De(string singular, string plural, Gender gender = Gender.Neuter) => new(singular, plural, gender);
    private static Word En(string singular, string? plural = null) => new(singular, plural ?? singular + "s");

    public static readonly Vocabulary Actor = new("actorKind",
        new(ActorKinds.Administration, De("Verwaltung", "Verwaltungen", Gender.Feminine), En("Administration", "Administrations"), "#1f5fa8", "landmark",
            De("Verwaltungsstelle", "Verwaltungsstellen", Gender.Feminine), En("administration", "administrations")),
        new(ActorKinds.Jobcenter, De("Jobcenter", "Jobcenter"), En("Jobcenter"), "#c62828", "briefcase",
            EnglishNoun: En("job centre")),
        new(ActorKinds.EmploymentAgency, De("Agentur für Arbeit", "Agenturen für Arbeit", Gender.Feminine), En("Employment agency", "Employment agencies"),
            "#e0701b", "briefcase", EnglishNoun: En("employment agency", "employment agencies")),
        new(ActorKinds.Municipality, De("Kommune", "Kommunen", Gender.Feminine), En("Municipality", "Municipalities"), "#2e7d32", "home",
            EnglishNoun: En("municipality", "municipalities")),
        new(ActorKinds.WelfareAssociation, De("Wohlfahrtsverband", "Wohlfahrtsverbände", Gender.Masculine), En("Welfare association"), "#7b3fa0", "heart",
            EnglishNoun: En("welfare association")),
        new(ActorKinds.MigrantOrganisation, De("Migrantenorganisation", "Migrantenorganisationen", Gender.Feminine), En("Migrant organisation"),
            "#c2185b", "globe", EnglishNoun: En("migrant organisation")),
        new(ActorKinds.EducationProvider, De("Bildungsträger", "Bildungsträger", Gender.Masculine), En("Education provider"), "#795548", "book",
            EnglishNoun: En("education provider")),
        new(ActorKinds.Chamber, De("Kammer", "Kammern", Gender.Feminine), En("Chamber"), "#546e7a", "factory", EnglishNoun: En("chamber")),
        new(ActorKinds.Counselling, De("Beratung", "Beratungsstellen", Gender.Feminine), En("Counselling", "Counselling services"), "#00838f", "chat",
            De("Beratungsstelle", "Beratungsstellen", Gender.Feminine), En("counselling service")),
        new(ActorKinds.Politics, De("Politik", "Kreistagsfraktionen", Gender.Feminine), En("Politics", "Political groups"), "#9e9d24", "vote",
            De("Kreistagsfraktion", "Kreistagsfraktionen", Gender.Feminine), En("political group")),
        new(ActorKinds.Volunteering, De("Ehrenamt", "Ehrenamtsinitiativen"), En("Volunteering", "Volunteer initiatives"), "#d4a017", "hands",
            De("Ehrenamtsinitiative", "Ehrenamtsinitiativen", Gender.Feminine), En("volunteer initiative")),
        new(ActorKinds.State, De("Land / Bund", "Landes- und Bundesbehörden", Gender.Neuter), En("State", "State authorities"), "#263238", "flag",
            De("Landes- oder Bundesbehörde", "Landes- und Bundesbehörden", Gender.Feminine), En("state authority", "state authorities")),
        new(ActorKinds.Research, De("Wissenschaft", "Forschungseinrichtungen", Gender.Feminine), En("Research", "Research institutions"), "#5e35b1", "flask",
            De("Forschungseinrichtung", "Forschungseinrichtungen", Gender.Feminine), En("research institution")),
        new(ActorKinds.Other, De("Sonstige", "Sonstige Akteure"), En("Other", "Other actors"), "#8d99a6", "dot",
            De("sonstiger Akteur", "sonstige Akteure", Gender.Masculine), En("other actor")));

    public static readonly Vocabulary Body = new("bodyKind",
        new(BodyKinds.SteeringGroup, De("Steuerungsgruppe", "Steuerungsgruppen", Gender.Feminine), En("Steering group"), "#37474f", "compass",
            EnglishNoun: En("steering group")),
        new(BodyKinds.CoordinationStaff, De("Koordinierungsstab", "Koordinierungsstäbe", Gender.Masculine), En("Coordination staff", "Coordination staffs"),
            "#455a64", "nodes", EnglishNoun: En("coordination staff", "coordination staffs")),
        new(BodyKinds.Network, De("Netzwerk", "Netzwerke"), En("Network"), "#00695c", "share", EnglishNoun: En("network")),
        new(BodyKinds.WorkingGroup, De("Arbeitskreis", "Arbeitskreise", Gender.Masculine), En("Working group"), "#4e342e", "tools",
            De("Arbeitsgruppe", "Arbeitsgruppen", Gender.Feminine), En("working group")),
        new(BodyKinds.Commission, De("Kommission", "Kommissionen", Gender.Feminine), En("Commission"), "#283593", "scales",
            EnglishNoun: En("commission")),
        new(BodyKinds.PoliticalCommittee, De("Politischer Ausschuss", "Politische Ausschüsse", Gender.Masculine), En("Political committee", "Political committees"),
            "#6a1b9a", "vote", De("politischer Ausschuss", "politische Ausschüsse", Gender.Masculine), En("political committee")),
        new(BodyKinds.Conference, De("Konferenz", "Konferenzen", Gender.Feminine), En("Conference"), "#ad1457", "people",
            EnglishNoun: En("conference")),
        new(BodyKinds.Other, De("Sonstiges Gremium", "Sonstige Gremien"), En("Other body", "Other bodies"), "#607d8b", "dot",
            De("sonstiges Gremium", "sonstige Gremien"), En("other body", "other bodies")));

    public static readonly Vocabulary BodyStatus = new("status",
        new(BodyStatuses.Active, De("aktiv", "aktiv"), En("active", "active"), "#2e7d32", "check"),
        new(BodyStatuses.Dormant, De("ruhend", "ruhend"), En("dormant", "dormant"), "#ff8f00", "pause"),
        new(BodyStatuses.Dissolved, De("aufgelöst", "aufgelöst"), En("dissolved", "dissolved"), "#757575", "cross"));

    public static readonly Vocabulary Territory = new("territoryKind",
        new(TerritoryKinds.District, De("Landkreis", "Landkreise", Gender.Masculine), En("District"), "#66bb6a", "map"),
        new(TerritoryKinds.City, De("Stadt", "Städte", Gender.Feminine), En("City", "Cities"), "#43a047", "city"),
        new(TerritoryKinds.Municipality, De("Gemeinde", "Gemeinden", Gender.Feminine), En("Municipality", "Municipalities"), "#81c784", "home"),
        new(TerritoryKinds.Other, De("Sonstiges Gebiet", "Sonstige Gebiete"), En("Other territory", "Other territories"), "#a5d6a7", "dot"));

    /// <summary>Roles in a body; the colour is the membership line's, stronger for the roles that steer.</summary>
    public static readonly Vocabulary Role = new("role",
        new(MembershipRoles.Chair, De("Vorsitz", "Vorsitze", Gender.Masculine), En("Chair"), "#263238", "star"),
        new(MembershipRoles.Management, De("Geschäftsführung", "Geschäftsführungen", Gender.Feminine), En("Management", "Managements"), "#37474f", "gear"),
        new(MembershipRoles.Member, De("Mitglied", "Mitglieder"), En("Member"), "#607d8b", ""),
        new(MembershipRoles.Guest, De("Gast", "Gäste", Gender.Masculine), En("Guest"), "#90a4ae", ""),
        new(MembershipRoles.Advisory, De("beratend", "beratend"), En("Advisory", "Advisory"), "#90a4ae", ""));

    public static readonly Vocabulary Collaboration = new("collaborationKind",
        new(CollaborationKinds.Agreement, De("Kooperationsvereinbarung", "Kooperationsvereinbarungen", Gender.Feminine), En("Cooperation agreement"), "#1565c0"),
        new(CollaborationKinds.Referral, De("Verweisung", "Verweisungen", Gender.Feminine), En("Referral"), "#ef6c00"),
        new(CollaborationKinds.Funding, De("Förderung", "Förderungen", Gender.Feminine), En("Funding", "Funding"), "#2e7d32"),
        new(CollaborationKinds.Informal, De("informell", "informell"), En("Informal", "Informal"), "#78909c"));

    /// <summary>The things a network holds; codes are <see cref="EntityKind"/> names in camelCase.</summary>
    public static readonly Vocabulary Entity = new("entityKind",
        new("network", De("Netzwerk", "Netzwerke"), En("Network"), "#455a64", "share"),
        new("topic", De("Handlungsfeld", "Handlungsfelder"), En("Topic"), "#f9a825", "tag"),
        new("territory", De("Gebiet", "Gebiete"), En("Territory", "Territories"), "#66bb6a", "map"),
        new("actor", De("Akteur", "Akteure", Gender.Masculine), En("Actor"), "#1f5fa8", "landmark"),
        new("body", De("Gremium", "Gremien"), En("Body", "Bodies"), "#37474f", "people"),
        new("person", De("Person", "Personen", Gender.Feminine), En("Person", "Persons"), "#90a4ae", "person"),
        new("measure", De("Maßnahme", "Maßnahmen", Gender.Feminine), En("Measure"), "#ab47bc", "flag"),
        new("membership", De("Mitgliedschaft", "Mitgliedschaften", Gender.Feminine), En("Membership"), "#607d8b", ""),
        new("collaboration", De("Kooperation", "Kooperationen", Gender.Feminine), En("Collaboration"), "#1565c0", ""));

    /// <summary>
    /// The relationships the map draws besides memberships and collaborations (edge types of the diagram). Their colours are
    /// here; width, dashes and arrows of every line are in <c>GraphApi.Exchange.Svg.LineLook</c>.
    /// </summary>
    public static readonly Vocabulary Relation = new("relation",
        new("membership", De("Mitglied in", "Mitglied in"), En("member of", "member of"), "#607d8b"),
        new("collaboration", De("kooperiert mit", "kooperiert mit"), En("collaborates with", "collaborates with"), "#1565c0"),
        new("partOf", De("ist Teil von", "ist Teil von"), En("part of", "part of"), "#8d6e63"),
        new("reportsTo", De("berichtet an", "berichtet an"), En("reports to", "reports to"), "#6a1b9a"),
        new("leads", De("leitet", "leitet"), En("leads", "leads"), "#00897b"),
        new("worksFor", De("arbeitet für", "arbeitet für"), En("works for", "works for"), "#b0bec5"),
        new("worksOn", De("arbeitet zu", "arbeitet zu"), En("works on", "works on"), "#fbc02d"),
        new("activeIn", De("tätig in", "tätig in"), En("active in", "active in"), "#81c784"),
        new("offers", De("bietet an", "bietet an"), En("offers", "offers"), "#ce93d8"),
        new("within", De("liegt in", "liegt in"), En("lies within", "lies within"), "#a5d6a7"));

    /// <summary>The words for a kind of entity: "Akteur"/"Akteure", "Gremium"/"Gremien".</summary>
    public static Term Of(EntityKind kind) => Entity[Code(kind)];

    public static string Code(EntityKind kind) => JsonNamingPolicyCamelCase(kind.ToString());

    private static string JsonNamingPolicyCamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
