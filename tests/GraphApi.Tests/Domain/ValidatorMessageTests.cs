using System.Globalization;
using GraphApi.Domain;

namespace GraphApi.Tests.Domain;

/// <summary>The validator's messages come from the resx: German words for fields, kinds and statuses, never codes.</summary>
public sealed class ValidatorMessageTests
{
    private readonly EntityValidator _validator = new(new GraphLimits());

    private IDictionary<string, string[]> Fields(Entity entity, string language)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var errors = new ValidationErrors();
            _validator.CheckFields(EntityValidator.Normalize(entity), "", errors);
            return errors.ToDictionary();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static readonly Membership Backwards = new() { Id = "m", Member = "a", Body = "b", Since = "2020-01-01", Until = "2019-06-30" };

    [Fact]
    public void DatesInTheWrongOrderNameBothFieldsInWordsAndTheDaysTheGermanWay()
    {
        Assert.Equal("„Ende“ (30.06.2019) liegt vor „Beginn“ (01.01.2020); die Daten sind in der falschen Reihenfolge.",
            Assert.Single(Fields(Backwards, "de")["until"]));
        Assert.Equal("'End' (30 Jun 2019) is before 'Start' (1 Jan 2020); the dates are in the wrong order.",
            Assert.Single(Fields(Backwards, "en")["until"]));
    }

    [Fact]
    public void ADissolvedBodySaysAufgelöstNotItsCode()
    {
        var body = new Body { Id = "b", Name = "B", Kind = BodyKinds.Network, Status = BodyStatuses.Dissolved };
        var de = Assert.Single(Fields(body, "de")["dissolved"]);
        Assert.Equal("Ein Gremium mit dem Status „aufgelöst“ braucht ein Datum bei „aufgelöst am“.", de);
        Assert.DoesNotContain("dissolved", de);
        Assert.Equal("A body with status 'dissolved' needs a date in 'Dissolved on'.", Assert.Single(Fields(body, "en")["dissolved"]));
    }

    [Fact]
    public void RangesNameTheFieldAndAnUnknownKindShowsTheWords()
    {
        var body = new Body { Id = "b", Name = "B", Kind = "gremium", MeetingsPerYear = 400, MeetingHours = 30 };
        var errors = Fields(body, "de");
        Assert.Equal("„Sitzungen pro Jahr“ muss zwischen 0 und 366 liegen.", Assert.Single(errors["meetingsPerYear"]));
        Assert.Equal("„Stunden je Sitzung“ muss größer als 0 und höchstens 24 sein.", Assert.Single(errors["meetingHours"]));
        Assert.Contains("steeringGroup (Steuerungsgruppe)", Assert.Single(errors["kind"]));
        Assert.Equal("'Meetings per year' must be between 0 and 366.", Assert.Single(Fields(body, "en")["meetingsPerYear"]));
    }

    [Fact]
    public void AReferenceToTheWrongKindNamesTheEntryByItsName()
    {
        var snapshot = NetworkSnapshot.Create(new Network { Id = "n", Name = "N" }, 1,
            [new Body { Id = "sg", Name = "Steuerungsgruppe", Kind = BodyKinds.SteeringGroup }]);
        var person = new Person { Id = "p", Name = "P", Actor = "sg" };
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de");
        try
        {
            var errors = new ValidationErrors();
            _validator.CheckReferences(person, snapshot, "", errors);
            Assert.Equal("„Steuerungsgruppe“ ist ein Gremium, kein Akteur.", Assert.Single(errors.ToDictionary()["actor"]));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
