using System.Globalization;
using GraphApi.Domain;
using GraphApi.Localization;
using GraphApi.Networks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace GraphApi.Tests.Networks;

/// <summary>The one sentence builder of the history, the Protokoll, the comparison and the diff API.</summary>
public sealed class ChangeSentencesTests
{
    private static readonly IStringLocalizer<Strings> Texts =
        new ServiceCollection().AddLogging().AddGraphLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Strings>>();

    private static readonly Actor Jobcenter = new() { Id = "jc", Name = "Jobcenter Peine", Kind = ActorKinds.Jobcenter, Version = 1 };
    private static readonly Actor Caritas = new() { Id = "caritas", Name = "Caritasverband Peine", ShortName = "Caritas", Kind = ActorKinds.WelfareAssociation, Version = 1 };
    private static readonly Body Stab = new() { Id = "mut", Name = "Koordinierungsstab MuT", Kind = BodyKinds.CoordinationStaff, Version = 1 };
    private static readonly Membership Seat = new() { Id = "m1", Member = "jc", Body = "mut", Since = "2017-01-01", Version = 1 };

    private static NetworkSnapshot State() =>
        NetworkSnapshot.Create(new Network { Id = "peine", Name = "Landkreis Peine" }, 5, [Jobcenter, Caritas, Stab, Seat]);

    private static (ChangeSentences Sentences, Names Names) German(params Change[] changes)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
        return (new ChangeSentences(Texts), new Names(Texts, [State()], changes));
    }

    private static Change Create(Entity e) => new(ChangeOp.Create, e.EntityKind, e.Id, null, e);
    private static Change Update(Entity before, Entity after) => new(ChangeOp.Update, after.EntityKind, after.Id, before, after);
    private static Change Delete(Entity e) => new(ChangeOp.Delete, e.EntityKind, e.Id, e, null);

    [Fact]
    public void EndingAMembershipNamesBothEndsUninflected()
    {
        var change = Update(Seat, Seat with { Until = "2025-03-12" });
        var (s, names) = German(change);
        Assert.Equal("Anna Moderation hat die Mitgliedschaft von „Jobcenter Peine“ im Gremium „Koordinierungsstab MuT“ beendet",
            s.Describe(change, "Anna Moderation", names));
    }

    /// <summary>An erasure rewrites free text with before and after both without the name: no field to name, no empty brackets.</summary>
    [Fact]
    public void AChangeWithoutAFieldToNameSaysOnlyThatItChanged()
    {
        var change = Update(Jobcenter, Jobcenter with { Version = 2 });
        var (s, names) = German(change);
        Assert.Equal("Datenschutz hat den Akteur „Jobcenter Peine“ geändert", s.Describe(change, "Datenschutz", names));
        Assert.Equal("Der Akteur „Jobcenter Peine“ ist geändert.", s.Difference(change, names));
        var named = Update(Jobcenter, Jobcenter with { Description = "Neu", Version = 2 });
        Assert.EndsWith("geändert (Beschreibung)", s.Describe(named, "Datenschutz", names));
    }

    [Theory]
    [InlineData("network", "Anna hat das Netzwerk „Landkreis Peine“ angelegt")]
    [InlineData("topic", "Anna hat das Handlungsfeld „Wohnen“ angelegt")]
    [InlineData("territory", "Anna hat das Gebiet „Stadt Peine“ angelegt")]
    [InlineData("actor", "Anna hat den Akteur „Verein Brücke“ angelegt")]
    [InlineData("body", "Anna hat das Gremium „Runder Tisch der Vereine“ angelegt")]
    [InlineData("person", "Anna hat die Person „Bea Beispiel“ angelegt")]
    [InlineData("measure", "Anna hat die Maßnahme „Welcome-App“ angelegt")]
    [InlineData("membership", "Anna hat die Mitgliedschaft von „Caritasverband Peine“ im Gremium „Koordinierungsstab MuT“ angelegt")]
    [InlineData("collaboration", "Anna hat die Kooperation zwischen „Jobcenter Peine“ und „Caritasverband Peine“ angelegt")]
    public void EveryKindIsNamedWithItsArticleAndItsNameAsEntered(string kind, string expected)
    {
        Entity entity = kind switch
        {
            "network" => new Network { Id = "peine", Name = "Landkreis Peine" },
            "topic" => new Topic { Id = "wohnen", Name = "Wohnen" },
            "territory" => new Territory { Id = "stadt", Name = "Stadt Peine", Kind = TerritoryKinds.City },
            "actor" => new Actor { Id = "bruecke", Name = "Verein Brücke", Kind = ActorKinds.MigrantOrganisation },
            "body" => new Body { Id = "rt", Name = "Runder Tisch der Vereine", Kind = BodyKinds.Network },
            "person" => new Person { Id = "bea", Name = "Bea Beispiel" },
            "measure" => new Measure { Id = "app", Name = "Welcome-App" },
            "membership" => new Membership { Id = "m2", Member = "caritas", Body = "mut" },
            _ => new Collaboration { Id = "c1", From = "jc", To = "caritas", Kind = CollaborationKinds.Referral },
        };
        var change = Create(entity);
        var (s, names) = German(change);
        var sentence = s.Describe(change, "Anna", names);
        Assert.Equal(expected, sentence);
        Assert.DoesNotContain($"„{entity.Id}“", sentence);
    }

    [Fact]
    public void UpdatesRenamesDeletesAndDissolutionsSayWhatHappened()
    {
        var renamed = Update(Caritas, Caritas with { Name = "Caritas Peine e.V." });
        var kind = Update(Jobcenter, Jobcenter with { Kind = ActorKinds.Administration, Description = "Kommunal" });
        var dissolved = Update(Stab, Stab with { Dissolved = "2025-03-31", Status = BodyStatuses.Dissolved });
        var deleted = Delete(Seat);
        var (s, names) = German(renamed, kind, dissolved, deleted);

        Assert.Equal("Bea hat den Akteur „Caritasverband Peine“ in „Caritas Peine e.V.“ umbenannt", s.Describe(renamed, "Bea", names));
        Assert.Equal("Bea hat den Akteur „Jobcenter Peine“ geändert (Art, Beschreibung)", s.Describe(kind, "Bea", names));
        Assert.Equal("Bea hat das Gremium „Koordinierungsstab MuT“ aufgelöst", s.Describe(dissolved, "Bea", names));
        Assert.Equal("Bea hat die Mitgliedschaft von „Jobcenter Peine“ im Gremium „Koordinierungsstab MuT“ gelöscht", s.Describe(deleted, "Bea", names));
        Assert.Equal("Jemand hat das Gremium „Koordinierungsstab MuT“ aufgelöst", s.Describe(dissolved, "", names));
    }

    [Fact]
    public void AnIdFoundNowhereIsNeverShown()
    {
        var orphan = new Membership { Id = "m9", Member = "weg-123", Body = "mut" };
        var change = Delete(orphan);
        var (s, names) = German(change);
        var sentence = s.Describe(change, "Anna", names);
        Assert.Equal("Anna hat die Mitgliedschaft von „ein gelöschter Eintrag“ im Gremium „Koordinierungsstab MuT“ gelöscht", sentence);
        Assert.DoesNotContain("weg-123", sentence);
    }

    [Fact]
    public void ANameDeletedTogetherWithItsMembershipsIsTakenFromTheChange()
    {
        var gone = new Actor { Id = "gone", Name = "Verein Weg", Kind = ActorKinds.Other };
        var seat = new Membership { Id = "m-gone", Member = "gone", Body = "mut" };
        var (s, names) = German(Delete(gone), Delete(seat));
        Assert.Equal("Anna hat die Mitgliedschaft von „Verein Weg“ im Gremium „Koordinierungsstab MuT“ gelöscht", s.Describe(Delete(seat), "Anna", names));
    }

    [Fact]
    public void MeetingsStartAndEndInWords()
    {
        var network = new Network { Id = "peine", Name = "Landkreis Peine", Version = 3 };
        var meeting = new Meeting("s1", "Sitzung der Steuerungsgruppe", "2025-03-12", 3);
        var started = Update(network, network with { Meetings = [meeting] });
        var ended = Update(network with { Meetings = [meeting] }, network with { Meetings = [meeting with { EndRevision = 9 }] });
        var (s, names) = German(started, ended);
        Assert.Equal("Anna hat die Sitzung „Sitzung der Steuerungsgruppe, 12.03.2025“ begonnen", s.Describe(started, "Anna", names));
        Assert.Equal("Anna hat die Sitzung „Sitzung der Steuerungsgruppe, 12.03.2025“ beendet", s.Describe(ended, "Anna", names));
        Assert.True(ChangeSentences.OnlyMeetings(started));
        Assert.False(ChangeSentences.OnlyMeetings(Update(network, network with { Name = "Kreis Peine" })));
    }

    [Fact]
    public void DifferencesReadWithoutAnAuthor()
    {
        var added = Create(new Actor { Id = "neu", Name = "Verein Brücke", Kind = ActorKinds.MigrantOrganisation });
        var ended = Update(Seat, Seat with { Until = "2025-03-12" });
        var removed = Delete(Caritas);
        var changed = Update(Stab, Stab with { MeetingsPerYear = 4 });
        var (s, names) = German(added, ended, removed, changed);
        Assert.Equal("Der Akteur „Verein Brücke“ ist neu.", s.Difference(added, names));
        Assert.Equal("Die Mitgliedschaft von „Jobcenter Peine“ im Gremium „Koordinierungsstab MuT“ ist beendet.", s.Difference(ended, names));
        Assert.Equal("Der Akteur „Caritasverband Peine“ ist entfernt.", s.Difference(removed, names));
        Assert.Equal("Das Gremium „Koordinierungsstab MuT“ ist geändert (Sitzungen pro Jahr).", s.Difference(changed, names));
        Assert.Equal("Der Akteur „Caritasverband Peine“ heißt jetzt „Caritas“.", s.Difference(Update(Caritas, Caritas with { Name = "Caritas" }), names));
        Assert.Equal([ChangeSentences.Appeared, ChangeSentences.Ended, ChangeSentences.Ended, ChangeSentences.Changed],
            new[] { added, ended, removed, changed }.Select(ChangeSentences.Category));
    }

    [Fact]
    public void EnglishOnRequest()
    {
        var change = Update(Seat, Seat with { Until = "2025-03-12" });
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var names = new Names(Texts, [State()]);
        Assert.Equal("Anna ended the membership of “Jobcenter Peine” in the body “Koordinierungsstab MuT”",
            new ChangeSentences(Texts).Describe(change, "Anna", names));
    }
}
