using System.Diagnostics;
using System.Text.Json.Nodes;

namespace GraphUi.Tests.Live;

/// <summary>
/// Bad hub calls, made with the real @microsoft/signalr client under Node: each gets an error to its caller
/// only, nothing reaches anyone else, a flood is throttled and an oversized message is refused.
/// </summary>
public sealed class HubTests(MapApp app) : IClassFixture<MapApp>
{
    private async Task<JsonObject> ProbeAsync()
    {
        var info = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(Repository.Root, "tests", "GraphUi.Tests", "Live", "hub-probe.cjs"));
        info.ArgumentList.Add(Path.Combine(Repository.Root, "src", "GraphUi", "client"));
        info.ArgumentList.Add(app.BaseUrl);
        using var node = Process.Start(info)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
        Assert.True(node.ExitCode == 0, await error);
        return JsonNode.Parse(await output)!.AsObject();
    }

    private static void Refused(JsonObject result, string call, string message)
    {
        var outcome = result[call]!;
        Assert.False(outcome["ok"]!.GetValue<bool>(), $"{call} was accepted");
        Assert.Contains(message, outcome["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task BadCallsGetAnErrorToTheCallerOnlyAndFloodsAreThrottled()
    {
        var r = await ProbeAsync();
        Refused(r, "unknownNetwork", "There is no network 'nowhere'");
        Refused(r, "notJoined", "Join a network first");
        Refused(r, "badColour", "#rrggbb");
        Refused(r, "emptyName", "display name");
        Assert.True(r["joined"]!["ok"]!.GetValue<bool>());
        Refused(r, "unknownEntity", "'nobody' does not exist");
        Refused(r, "unknownNode", "'nobody' is not a node");
        Refused(r, "notANumber", "error");
        Refused(r, "malformed", "error");
        Refused(r, "noPositions", "1 to 5000 positions");
        Refused(r, "notPresenter", "Only the presenter");
        Refused(r, "unknownMethod", "error");
        Assert.Empty(r["heardAfterBadCalls"]!.AsArray()); // nothing was broadcast

        var flood = r["flood"]!;
        Assert.True(flood["refused"]!.GetValue<int>() > 0, "a flood of 150 calls was not throttled");
        Assert.True(flood["accepted"]!.GetValue<int>() >= 50, "the burst allowance was not honoured");
        Assert.Contains("Too many calls", flood["message"]!.GetValue<string>());

        Assert.False(r["oversized"]!["ok"]!.GetValue<bool>(), "an oversized message was accepted");
        Assert.Equal("Connected", r["watcherState"]!.GetValue<string>());
    }
}
