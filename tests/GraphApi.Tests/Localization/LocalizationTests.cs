using System.Globalization;
using System.Xml.Linq;
using GraphApi.Domain;
using GraphApi.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Localization;

public sealed class LocalizationTests
{
    private static T InCulture<T>(string name, Func<T> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
        try { return read(); }
        finally { CultureInfo.CurrentUICulture = previous; }
    }

    [Fact]
    public void GermanPluralsAreWrittenOutNotGuessed()
    {
        // Humanizer says "3 Gremia"; the registry's words say it right.
        Assert.Equal("3 Gremien", InCulture("de", () => Counts.Of(3, Kinds.Of(EntityKind.Body))));
        Assert.Equal("1 Gremium", InCulture("de", () => Counts.Of(1, Kinds.Of(EntityKind.Body))));
        Assert.Equal("1.250 Mitgliedschaften", InCulture("de", () => Counts.Of(1250, Kinds.Of(EntityKind.Membership))));
        Assert.Equal("2 Bodies", InCulture("en", () => Counts.Of(2, Kinds.Of(EntityKind.Body))));
    }

    [Fact]
    public void RelativeTimesAndDaysAreGerman()
    {
        var now = new DateTimeOffset(2025, 3, 12, 14, 0, 0, TimeSpan.Zero);
        Assert.Equal("vor 3 Minuten", InCulture("de", () => Dates.Relative(now.AddMinutes(-3), now)));
        Assert.Equal("3 minutes ago", InCulture("en", () => Dates.Relative(now.AddMinutes(-3), now)));
        Assert.Equal("12.03.2025", InCulture("de", () => Dates.Day(new DateOnly(2025, 3, 12))));
    }

    [Fact]
    public void TimesAreShownInBerlin()
    {
        // 23:30 UTC on 31 March 2025 is already 1 April in Berlin (summer time, UTC+2).
        var late = new DateTimeOffset(2025, 3, 31, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2025, 4, 1), Dates.DayInBerlin(late));
        Assert.Equal("01.04.2025, 01:30", InCulture("de", () => Dates.Moment(late)));
    }

    [Fact]
    public void TheLocalizerReadsGermanByDefaultAndEnglishOnRequest()
    {
        using var services = new ServiceCollection().AddLogging().AddGraphLocalization().BuildServiceProvider();
        var texts = services.GetRequiredService<IStringLocalizer<Strings>>();
        Assert.Equal("Netzwerke", InCulture("de", () => texts["networks.title"].Value));
        Assert.Equal("Networks", InCulture("en", () => texts["networks.title"].Value));
        Assert.False(InCulture("de", () => texts["networks.title"].ResourceNotFound));
    }

    [Fact]
    public void BothLanguagesHaveTheSameKeys()
    {
        static HashSet<string> Keys(string file) => XDocument.Load(Path.Combine(RepoRoot(), "src/GraphApi/Localization", file))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var german = Keys("Strings.resx");
        var english = Keys("Strings.en.resx");
        Assert.Empty(german.Except(english));
        Assert.Empty(english.Except(german));
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NetworkGraph.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("NetworkGraph.sln not found above " + AppContext.BaseDirectory);
    }
}
