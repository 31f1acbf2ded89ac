using GraphApi.Analysis;
using GraphApi.Domain;

namespace GraphApi.Tests.Analysis;

/// <summary>Issue 13: one duplicate detector for the overlaps answer and the import preview.</summary>
public sealed class DuplicateDetectorTests
{
    private static FindingsNetwork Peine() => new FindingsNetwork()
        .Topic("migration", "Migration").Topic("arbeit", "Arbeit")
        .Territory("lk", "Landkreis Peine", TerritoryKinds.District)
        .Territory("ilsede", "Gemeinde Ilsede", TerritoryKinds.Municipality, "lk").Territory("lengede", "Gemeinde Lengede", TerritoryKinds.Municipality, "lk")
        .Actor("diakonie-lang", "Diakonisches Werk im Kirchenkreis Peine, Fachbereich Migration", ActorKinds.WelfareAssociation, ["lk"], ["migration"])
        .Actor("diakonie-kurz", "Diakonie Peine Migration", ActorKinds.WelfareAssociation, ["lk"], ["migration"])
        .Actor("fsa-ilsede", "Flüchtlingssozialarbeit Ilsede", ActorKinds.Counselling, ["ilsede"], ["migration"])
        .Actor("fsa-lengede", "Flüchtlingssozialarbeit Lengede", ActorKinds.Counselling, ["lengede"], ["migration"])
        .Actor("landkreis", "Landkreis Peine", ActorKinds.Administration, ["lk"], ["arbeit"])
        .Actor("jobcenter", "Jobcenter Landkreis Peine", ActorKinds.Jobcenter, ["lk"], ["arbeit"]);

    [Fact]
    public void AShortNameWhoseWordsAllStandInTheLongNameIsAProbableDuplicateWithItsReasons()
    {
        var found = DuplicateDetector.Find(Peine().Snapshot());

        var d = Assert.Single(found);
        Assert.Equal(("diakonie-kurz", "diakonie-lang", DuplicateReasons.NameContained), (d.ActorA.Id, d.ActorB.Id, d.Reason));
        Assert.Equal([DuplicateEvidence.SameKind, DuplicateEvidence.SharedTopics, DuplicateEvidence.SharedTerritory], d.Evidence);
        Assert.Equal("Alle Wörter von „Diakonie Peine Migration“ stecken in „Diakonisches Werk im Kirchenkreis Peine, Fachbereich Migration“; " +
                     "dazu dieselbe Art (Wohlfahrtsverband), gemeinsame Handlungsfelder (Migration) und dasselbe Gebiet (Landkreis Peine): " +
                     "ist es dieselbe Organisation, zweimal erfasst?", d.Sentence);
        // Same organisation, other unit (Ilsede / Lengede) and a name inside another of another kind (Landkreis / Jobcenter) are not flagged.
        Assert.DoesNotContain(found, x => x.ActorA.Id.StartsWith("fsa", StringComparison.Ordinal));
        Assert.DoesNotContain(found, x => x.ActorA.Id == "landkreis" || x.ActorB.Id == "landkreis");
    }

    [Fact]
    public void ContainedNamesNeedMoreThanTheWordsAndAParentLinkRulesThemOut()
    {
        // Same kind alone is not enough: no shared topic, territory, parent or representative.
        var bare = new FindingsNetwork()
            .Actor("a", "Diakonisches Werk im Kirchenkreis Peine, Fachbereich Migration", ActorKinds.WelfareAssociation)
            .Actor("b", "Diakonie Peine Migration", ActorKinds.WelfareAssociation);
        Assert.Empty(DuplicateDetector.Find(bare.Snapshot()));

        // A person standing for both is such a sign.
        var represented = bare.Add(new Person { Id = "p", Name = "Leitung Migration", Actor = "a" })
            .Body(new Body { Id = "g", Name = "Netzwerk", Kind = BodyKinds.Network }).Member("g", "p", representing: "b");
        Assert.Equal([DuplicateEvidence.SameKind, DuplicateEvidence.SharedRepresentative], Assert.Single(DuplicateDetector.Find(represented.Snapshot())).Evidence);

        // A unit recorded with its parent is two records on purpose.
        var unit = new FindingsNetwork().Territory("lk", "Landkreis", TerritoryKinds.District)
            .Add(new Actor { Id = "vhs", Name = "Volkshochschule Peine", Kind = ActorKinds.EducationProvider, Territories = ["lk"] },
                new Actor { Id = "vhs-v", Name = "Volkshochschule Peine Außenstelle Vechelde", Kind = ActorKinds.EducationProvider, Territories = ["lk"], Parent = "vhs" });
        Assert.Empty(DuplicateDetector.Find(unit.Snapshot()));
    }

    [Fact]
    public void AnImportCandidateIsComparedWithTheStoredRecords()
    {
        var snapshot = Peine().Snapshot();
        var row = new Actor { Name = "Diakonie Peine - Migration", Kind = ActorKinds.WelfareAssociation, Territories = ["lk"], Topics = ["migration"] };

        var found = DuplicateDetector.Candidates(snapshot, row, Phrases.English);
        Assert.Equal(["diakonie-kurz", "diakonie-lang"], found.Select(d => d.ActorB.Id));
        Assert.All(found, d => Assert.Equal("Diakonie Peine - Migration", d.ActorA.Name));
        Assert.Equal(DuplicateReasons.SameName, found[0].Reason);
        Assert.Equal(DuplicateReasons.NameContained, found[1].Reason);
        Assert.StartsWith("Every word of \"Diakonie Peine - Migration\" is in \"Diakonisches Werk im Kirchenkreis Peine, Fachbereich Migration\"; also the same kind",
            found[1].Sentence);

        // The stored record itself (same id) is not its own duplicate; "VHS" finds "Volkshochschule".
        Assert.DoesNotContain(DuplicateDetector.Candidates(snapshot, snapshot.Find<Actor>("diakonie-kurz")!), d => d.ActorB.Id == "diakonie-kurz");
        var vhs = new FindingsNetwork().Actor("vhs", "Volkshochschule Peine", ActorKinds.EducationProvider).Snapshot();
        Assert.Equal(DuplicateReasons.SameName, Assert.Single(DuplicateDetector.Candidates(vhs, new Actor { Name = "VHS Peine" })).Reason);
        Assert.Empty(DuplicateDetector.Candidates(Peine().Snapshot(), new Actor { Name = "Flüchtlingssozialarbeit Vechelde", Kind = ActorKinds.Counselling,
            Topics = ["migration"], Territories = ["lk"] }));
    }

    [Fact]
    public void NamesWithAnyUnicodeDoNotBreakTheDetector()
    {
        var random = new Random(13);
        string[] odd =
        [
            "", " ", "\0", "\ud800", "\udc00 Peine", "Caritas \ud83d\ude00 Peine", "e\u0301cole Peine", "école Peine", "İstanbul Kültür Derneği",
            "Ärzte ohne Grenzen", "ÄRZTE OHNE GRENZEN", "\u200d\u200c\u200e\u202e Peine", "مركز الجالية العربية", "Українська громада Пайне",
            "中文学校", "ẞtraße", "---", "e.V.", "gGmbH", new string('a', 5000), string.Concat(Enumerable.Repeat("Wort ", 2000)),
            "\ufeffCaritas Peine", "Caritas\tPeine\r\n", "𝕮𝖆𝖗𝖎𝖙𝖆𝖘 Peine",
        ];
        var n = new FindingsNetwork().Territory("lk", "Landkreis", TerritoryKinds.District).Topic("t", "T");
        var names = odd.Concat(Enumerable.Range(0, 200).Select(_ => new string(Enumerable.Range(0, random.Next(1, 40))
            .Select(_ => (char)random.Next(0, 0xFFFF)).ToArray()))).ToList();
        for (var i = 0; i < names.Count; i++)
            n.Add(new Actor { Id = $"x{i}", Name = names[i], Kind = ActorKinds.Other, Territories = ["lk"], Topics = ["t"], ShortName = i % 7 == 0 ? names[i] : null });
        var snapshot = n.Snapshot();

        var found = DuplicateDetector.Find(snapshot);
        Assert.All(found, d => Assert.False(string.IsNullOrEmpty(d.Sentence)));
        // The composed and decomposed "école", the two spellings of "Ärzte" and "Caritas" in mathematical letters are one name each;
        // invisible marks alone are not a name.
        bool Found(string a, string b) => found.Any(d => (d.ActorA.Id, d.ActorB.Id) == (a, b) || (d.ActorA.Id, d.ActorB.Id) == (b, a));
        Assert.True(Found("x6", "x7"));
        Assert.True(Found("x9", "x10"));
        Assert.True(Found("x21", "x23"));
        Assert.False(Found("x11", "x23"));
        foreach (var name in names.Take(30))
            _ = DuplicateDetector.Candidates(snapshot, new Actor { Name = name, ShortName = name, Kind = ActorKinds.Other });
    }
}
