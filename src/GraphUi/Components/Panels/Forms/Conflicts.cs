using System.Globalization;
using GraphApi.Domain;
using GraphApi.Localization;
using GraphApi.Networks;
using Microsoft.Extensions.Localization;

namespace GraphUi.Components.Panels.Forms;

/// <summary>A refused change (409) in words that name who changed the entry and when, from the entry's own history.</summary>
public static class Conflicts
{
    public static async Task<string> DescribeAsync(NetworkService networks, string networkId, ConflictException conflict,
        IStringLocalizer<Strings> t, DateTimeOffset now, string key = "details.conflict")
    {
        if (conflict.Current is null) return conflict.Message;
        var last = (await networks.HistoryAsync(networkId, 0, conflict.Current.Id, 1, newest: true)).LastOrDefault();
        return last is null
            ? conflict.Message
            : t[key, last.Author, Dates.Relative(last.At, now), Dates.ToBerlin(last.At).ToString("t", CultureInfo.CurrentCulture)];
    }
}
