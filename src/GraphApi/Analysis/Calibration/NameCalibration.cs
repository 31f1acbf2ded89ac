using GraphApi.Domain;

namespace GraphApi.Analysis.Calibration;

/// <summary>Two actor records labelled as one organisation or two, with the context a coordinator would have entered.</summary>
public sealed record LabelledNamePair(Actor A, Actor B, bool Same, string Case);

/// <summary>How the duplicate detector does on the labelled name pairs.</summary>
public sealed record NameCalibrationResult(double Precision, double Recall, int Same, int Different, int TruePositives, int FalsePositives,
    IReadOnlyList<string> Missed, IReadOnlyList<string> Wrong);

/// <summary>
/// Labelled actor name pairs for the duplicate detector (issue 13), after the actors of the council papers: welfare
/// associations written long and short, abbreviations (VHS, AWO, DRK, IHK, BAMF), typos, legal forms; and different
/// organisations that read alike: the Flüchtlingssozialarbeit of two Gemeinden, the Fraktionen, two towns' Volkshochschulen,
/// Ämter and Referate of one Kreisverwaltung, units of an organisation recorded with their parent. Each pair is judged on
/// its own small network holding the two records, their topics, territories and parent, so that other pairs do not interfere.
/// </summary>
public static class NameCalibration
{
    private const string Welfare = ActorKinds.WelfareAssociation, Counselling = ActorKinds.Counselling, Admin = ActorKinds.Administration,
        Education = ActorKinds.EducationProvider, Chamber = ActorKinds.Chamber, Migrant = ActorKinds.MigrantOrganisation,
        Municipality = ActorKinds.Municipality, Politics = ActorKinds.Politics, Volunteering = ActorKinds.Volunteering;

    /// <summary>(name A, name B, kind A, kind B, territory A, territory B, topic A, topic B): lk is the district, g1..g6 its Gemeinden.</summary>
    private static readonly (string A, string B, string KindA, string KindB, string TerA, string TerB, string TopA, string TopB)[] SameOrganisation =
    [
        ("Diakonisches Werk im Kirchenkreis Peine, Fachbereich Migration", "Diakonie Peine Migration", Welfare, Welfare, "lk", "lk", "migration", "migration"),
        ("Caritasverband Peine e.V.", "Caritas Peine", Welfare, Welfare, "lk", "lk", "teilhabe", "teilhabe"),
        ("AWO Kreisverband Peine e.V.", "AWO Peine gGmbH", Welfare, Welfare, "lk", "lk", "teilhabe", "wohnen"),
        ("DRK Kreisverband Peine e.V.", "DRK Kreisverband Piene", Welfare, Welfare, "lk", "lk", "gesundheit", "gesundheit"),
        ("Deutsches Rotes Kreuz Kreisverband Dithmarschen e.V.", "DRK Dithmarschen", Welfare, Welfare, "lk", "lk", "gesundheit", "wohnen"),
        ("Arbeiterwohlfahrt Kreisverband Dithmarschen", "AWO Dithmarschen", Welfare, Welfare, "lk", "lk", "teilhabe", "teilhabe"),
        ("Volkshochschule Peine", "VHS Peine", Education, Education, "lk", "lk", "sprache", "sprache"),
        ("Jobcenter Landkreis Peine", "Jobcenter Peine", ActorKinds.Jobcenter, ActorKinds.Jobcenter, "lk", "lk", "arbeit", "arbeit"),
        ("Bundesagentur für Arbeit – Agentur für Arbeit Heide", "Agentur für Arbeit Heide", ActorKinds.EmploymentAgency, ActorKinds.EmploymentAgency, "g1", "g1", "arbeit", "arbeit"),
        ("Industrie- und Handelskammer Braunschweig", "IHK Braunschweig", Chamber, Chamber, "lk", "lk", "arbeit", "bildung"),
        ("Handwerkskammer Braunschweig-Lüneburg-Stade", "HWK Braunschweig-Lüneburg-Stade", Chamber, Chamber, "lk", "lk", "arbeit", "arbeit"),
        ("Referat Migration und Teilhabe", "Referat für Migration und Teilhabe", Admin, Admin, "lk", "lk", "teilhabe", "teilhabe"),
        ("Amt für Migration und Integration", "Amt f. Migration u. Integration", Admin, Admin, "lk", "lk", "migration", "migration"),
        ("Koordinierungsstelle für Migration und Integration", "Koordinierungsstelle Migration und Integration Kreis Dithmarschen", Admin, Admin, "lk", "lk", "migration", "teilhabe"),
        ("Paritätischer Wohlfahrtsverband Niedersachsen, Kreisgruppe Peine", "Paritätischer Peine", Welfare, Welfare, "lk", "lk", "teilhabe", "teilhabe"),
        ("Jugendmigrationsdienst Peine", "JMD Peine", Counselling, Counselling, "lk", "lk", "bildung", "bildung"),
        ("Migrationsberatung für erwachsene Zuwanderer (MBE) Caritas Peine", "MBE Caritas Peine", Counselling, Counselling, "lk", "lk", "migration", "migration"),
        ("Freiwilligenagentur Peine", "Freiwilligen-Agentur Peine", Volunteering, Volunteering, "lk", "lk", "ehrenamt", "ehrenamt"),
        ("Kreisverwaltung Peine", "Landkreis Peine – Kreisverwaltung", Admin, Admin, "lk", "lk", "teilhabe", "teilhabe"),
        ("Kooperative Migrationsarbeit Niedersachsen", "KMN Kooperative Migrationsarbeit Niedersachsen", Counselling, Counselling, "lk", "lk", "migration", "migration"),
        ("Bundesamt für Migration und Flüchtlinge", "BAMF", ActorKinds.State, ActorKinds.State, "lk", "lk", "migration", "sprache"),
        ("Türkisch-Islamische Gemeinde Peine e.V.", "Türkisch Islamische Gemeinde Peine", Migrant, Migrant, "g2", "g2", "teilhabe", "teilhabe"),
        ("Eritreische Gemeinschaft Peine", "Eritreische Gemeinschaft in Peine e.V.", Migrant, Migrant, "lk", "lk", "teilhabe", "teilhabe"),
        ("Interkultureller Garten Peine", "Interkultureller Garten Peine e.V.", Volunteering, Volunteering, "g2", "g2", "ehrenamt", "teilhabe"),
        ("Sprachinstitut Lingua", "Sprachinstitut Lingua GmbH", Education, Education, "lk", "lk", "sprache", "sprache"),
        ("Berufsbildende Schulen Peine", "BBS Peine", Education, Education, "lk", "lk", "bildung", "bildung"),
        ("Jobcenter Dithmarschen", "Jobcenter Kreis Dithmarschen", ActorKinds.Jobcenter, ActorKinds.Jobcenter, "lk", "lk", "arbeit", "arbeit"),
        ("LIGA der freien Wohlfahrtspflege Dithmarschen", "LIGA Dithmarschen", Welfare, Welfare, "lk", "lk", "teilhabe", "teilhabe"),
        ("Diakonie Dithmarschen", "Diakonisches Werk Dithmarschen", Welfare, Welfare, "lk", "lk", "wohnen", "migration"),
        ("Caritasverband für das Dekanat Peine", "Caritas Peine", Welfare, Welfare, "lk", "g2", "teilhabe", "teilhabe"),
        ("Ukrainischer Verein Dithmarschen", "Ukrainischer Verein Dithmarschen e.V.", Migrant, Migrant, "lk", "lk", "teilhabe", "teilhabe"),
        ("Integrationsbeauftragte der Stadt Heide", "Integrationsbeauftragte Heide", Admin, Admin, "g1", "g1", "teilhabe", "teilhabe"),
        ("Ordnungsamt Kreis Dithmarschen", "Ordnungsamt Dithmarschen", Admin, Admin, "lk", "lk", "ordnung", "ordnung"),
        ("Volkshochschule Heide e.V.", "VHS Heide", Education, Education, "g1", "g1", "sprache", "bildung"),
        // Hard: the paper itself calls one office by two names ("Die Koordinierungsstelle Migration und Teilhabe, bzw. das Referat
        // Migration und Teilhabe"); nothing in the words says so.
        ("Koordinierungsstelle Migration und Teilhabe", "Referat Migration und Teilhabe", Admin, Admin, "lk", "lk", "teilhabe", "teilhabe"),
    ];

    private static readonly (string A, string B, string KindA, string KindB, string TerA, string TerB, string TopA, string TopB)[] DifferentOrganisations =
    [
        ("Flüchtlingssozialarbeit Ilsede", "Flüchtlingssozialarbeit Lengede", Counselling, Counselling, "g1", "g2", "migration", "migration"),
        ("Flüchtlingssozialarbeit Vechelde", "Flüchtlingssozialarbeit Wendeburg", Counselling, Counselling, "g3", "g4", "migration", "migration"),
        ("Flüchtlingssozialarbeit Edemissen", "Flüchtlingssozialarbeit Stadt Peine", Counselling, Counselling, "g5", "g6", "migration", "migration"),
        ("CDU-Kreistagsfraktion Peine", "SPD-Kreistagsfraktion Peine", Politics, Politics, "lk", "lk", "teilhabe", "teilhabe"),
        ("Fraktion Bündnis 90/Die Grünen Dithmarschen", "FDP-Fraktion Dithmarschen", Politics, Politics, "lk", "lk", "teilhabe", "teilhabe"),
        ("Volkshochschule Heide", "Volkshochschule Meldorf", Education, Education, "g1", "g2", "sprache", "sprache"),
        ("Stadt Heide", "Stadt Meldorf", Municipality, Municipality, "g1", "g2", "teilhabe", "teilhabe"),
        ("Amt für Migration und Integration", "Amt für Kinder, Jugend und Familie", Admin, Admin, "lk", "lk", "migration", "teilhabe"),
        ("Referat Integration", "Referat Sozialer Dienst", Admin, Admin, "lk", "lk", "teilhabe", "teilhabe"),
        ("Jobcenter Dithmarschen", "Agentur für Arbeit Heide", ActorKinds.Jobcenter, ActorKinds.EmploymentAgency, "lk", "g1", "arbeit", "arbeit"),
        ("Caritas Peine", "Diakonie Peine", Welfare, Welfare, "lk", "lk", "teilhabe", "teilhabe"),
        ("Migrationsberatung Caritas Peine", "Migrationsberatung Diakonie Peine", Counselling, Counselling, "lk", "lk", "migration", "migration"),
        ("Jugendmigrationsdienst Peine", "Jugendmigrationsdienst Dithmarschen", Counselling, Counselling, "lk", "g1", "bildung", "bildung"),
        ("Landkreis Peine", "Jobcenter Landkreis Peine", Admin, ActorKinds.Jobcenter, "lk", "lk", "arbeit", "arbeit"),
        ("Ordnungsamt Kreis Dithmarschen", "Sozialamt Kreis Dithmarschen", Admin, Admin, "lk", "lk", "ordnung", "teilhabe"),
        ("IHK Braunschweig", "HWK Braunschweig-Lüneburg-Stade", Chamber, Chamber, "lk", "lk", "arbeit", "arbeit"),
        ("Industrie- und Handelskammer Braunschweig", "Industrie- und Handelskammer Lüneburg-Wolfsburg", Chamber, Chamber, "lk", "lk", "arbeit", "arbeit"),
        ("Türkisch-Islamische Gemeinde Peine", "Türkisch-Islamische Gemeinde Ilsede", Migrant, Migrant, "g6", "g1", "teilhabe", "teilhabe"),
        ("AWO Peine", "AWO Dithmarschen", Welfare, Welfare, "lk", "g3", "teilhabe", "teilhabe"),
        ("Sprachschule Peine", "Sprachinstitut Lingua", Education, Education, "lk", "lk", "sprache", "sprache"),
        ("DRK Kreisverband Peine", "DRK Ortsverein Vechelde", Welfare, Welfare, "lk", "g3", "gesundheit", "gesundheit"),
        ("Integrationsbeauftragte Stadt Heide", "Integrationsbeauftragte Stadt Brunsbüttel", Admin, Admin, "g1", "g2", "teilhabe", "teilhabe"),
        ("Gemeinde Ilsede", "Gemeinde Lengede", Municipality, Municipality, "g1", "g2", "teilhabe", "teilhabe"),
        ("Kulturverein Peine", "Kulturverein Lengede", Migrant, Migrant, "g6", "g2", "teilhabe", "teilhabe"),
        ("Elterninitiative Peine", "Elterninitiative Vechelde", Volunteering, Volunteering, "g6", "g3", "kjf", "kjf"),
        ("Jobcenter Peine", "Jobcenter Dithmarschen", ActorKinds.Jobcenter, ActorKinds.Jobcenter, "lk", "lk", "arbeit", "arbeit"),
        ("Agentur für Arbeit Peine", "Agentur für Arbeit Heide", ActorKinds.EmploymentAgency, ActorKinds.EmploymentAgency, "g6", "g1", "arbeit", "arbeit"),
        ("Stadt Peine", "Landkreis Peine", Municipality, Admin, "g6", "lk", "teilhabe", "teilhabe"),
        ("Kreisjugendring Peine", "Kreissportbund Peine", Volunteering, Volunteering, "lk", "lk", "kjf", "kjf"),
        ("Sozialplanung Dithmarschen", "Sozialplanung Peine", Admin, Admin, "lk", "lk", "teilhabe", "teilhabe"),
        ("Caritas Peine", "Caritas Peine Migrationsberatung", Welfare, Counselling, "lk", "lk", "migration", "migration"),
        ("Fachdienst Jugend", "Fachdienst Soziales", Admin, Admin, "lk", "lk", "kjf", "teilhabe"),
        ("Afghanischer Kulturverein Dithmarschen e.V.", "Syrischer Kulturverein Dithmarschen e.V.", Migrant, Migrant, "lk", "lk", "teilhabe", "teilhabe"),
        ("Netzwerk Ehrenamt Peine", "Netzwerk Ehrenamt Dithmarschen", Volunteering, Volunteering, "lk", "g1", "ehrenamt", "ehrenamt"),
        // Hard: a branch recorded without its parent link reads like a long form of the organisation.
        ("Jobcenter Peine", "Jobcenter Peine Standort Vechelde", ActorKinds.Jobcenter, ActorKinds.Jobcenter, "lk", "g3", "arbeit", "arbeit"),
    ];

    /// <summary>
    /// Units recorded with their parent organisation: the names contain the parent's words, but the parent link says they
    /// are two records on purpose ("Volkshochschule Peine" and its "Außenstelle Vechelde").
    /// </summary>
    private static readonly (string Parent, string Unit, string Kind)[] Units =
    [
        ("Volkshochschule Peine", "Volkshochschule Peine Außenstelle Vechelde", Education),
        ("Stadt Peine", "Stadt Peine Fachdienst Soziales", Municipality),
        ("Diakonie Peine", "Diakonie Peine Fachbereich Migration", Welfare),
        ("Kreisverwaltung Dithmarschen", "Kreisverwaltung Dithmarschen Ordnungsamt", Admin),
    ];

    public static IReadOnlyList<LabelledNamePair> Pairs()
    {
        var list = new List<LabelledNamePair>();
        var n = 0;
        Actor Make(string name, string kind, string territory, string topic, string? parent = null) =>
            new() { Id = $"n{n++}", Name = name, Kind = kind, Territories = [territory], Topics = [topic], Parent = parent };
        foreach (var p in SameOrganisation)
            list.Add(new(Make(p.A, p.KindA, p.TerA, p.TopA), Make(p.B, p.KindB, p.TerB, p.TopB), true, "same"));
        foreach (var p in DifferentOrganisations)
            list.Add(new(Make(p.A, p.KindA, p.TerA, p.TopA), Make(p.B, p.KindB, p.TerB, p.TopB), false, "different"));
        foreach (var u in Units)
        {
            var parent = Make(u.Parent, u.Kind, "lk", "teilhabe");
            list.Add(new(parent, Make(u.Unit, u.Kind, "lk", "teilhabe", parent.Id), false, "unitOfParent"));
        }
        return list;
    }

    /// <summary>The network a pair is judged in: the district, its Gemeinden, the topics and the two records.</summary>
    public static NetworkSnapshot NetworkOf(LabelledNamePair pair)
    {
        var entities = new List<Entity> { new Territory { Id = "lk", Name = "Landkreis", Kind = TerritoryKinds.District } };
        for (var g = 1; g <= 6; g++) entities.Add(new Territory { Id = $"g{g}", Name = $"Gemeinde {g}", Kind = TerritoryKinds.Municipality, Parent = "lk" });
        foreach (var topic in new[] { "migration", "teilhabe", "wohnen", "gesundheit", "sprache", "arbeit", "bildung", "ehrenamt", "ordnung", "kjf" })
            entities.Add(new Topic { Id = topic, Name = topic });
        entities.Add(pair.A);
        entities.Add(pair.B);
        return NetworkSnapshot.Create(new Network { Id = "namen", Name = "Namen" }, 1, entities);
    }

    /// <summary>Runs <see cref="DuplicateDetector.Find"/> on every pair's network; a pair is flagged when it finds anything.</summary>
    public static NameCalibrationResult Evaluate(IReadOnlyList<LabelledNamePair> pairs)
    {
        int tp = 0, fp = 0;
        var missed = new List<string>();
        var wrong = new List<string>();
        foreach (var pair in pairs)
        {
            var flagged = DuplicateDetector.Find(NetworkOf(pair)).Count > 0;
            if (flagged && pair.Same) tp++;
            else if (flagged) { fp++; wrong.Add($"{pair.A.Name} / {pair.B.Name} ({pair.Case})"); }
            else if (pair.Same) missed.Add($"{pair.A.Name} / {pair.B.Name}");
        }
        var same = pairs.Count(p => p.Same);
        return new NameCalibrationResult(tp + fp == 0 ? 0 : (double)tp / (tp + fp), same == 0 ? 0 : (double)tp / same, same, pairs.Count - same, tp, fp,
            missed, wrong);
    }
}
