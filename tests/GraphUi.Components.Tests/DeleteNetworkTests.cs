using System.Security.Claims;
using Bunit.TestDoubles;
using GraphApi.Access;
using GraphApi.Storage;
using GraphUi.Components.Networks;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace GraphUi.Components.Tests;

/// <summary>
/// "Löschen" on the network list (issue 10, point 4): a German question in the browser's modal dialog, cancelled with the
/// focus back on the button, confirmed into the Papierkorb, restored from there; offered only where NetworkAccess allows it.
/// </summary>
public sealed class DeleteNetworkTests : ComponentTest
{
    public DeleteNetworkTests(SeededStore store) : base(store)
    {
        JSInterop.SetupModule("./js/dialog.js").SetupVoid("showModal", _ => true).SetVoidResult();
        SignIn(UserId, UserName, UserEmail, administrator: true);
    }

    /// <summary>The circuit's user with the claims of an account (id, display name), as the app signs one in.</summary>
    private void SignIn(string id, string name, string email, bool administrator) =>
        ((BunitAuthenticationStateProvider)Services.GetRequiredService<AuthenticationStateProvider>()).TriggerAuthenticationStateChanged(
            email, administrator ? [GraphApi.Accounts.Users.AdministratorRole] : [],
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Email, email), new Claim(GraphApi.Accounts.Users.DisplayNameClaim, name)], "Test");

    [Fact]
    public async Task ANetworkIsDeletedAfterAGermanQuestionWaitsInThePapierkorbAndComesBack()
    {
        var id = await Store.SmallNetworkAsync("Kreis zum Löschen");
        var cut = Render<NetworkList>();
        AngleSharp.Dom.IElement Button() => cut.Find($"tr[data-network={id}] [data-testid=delete-network]");
        Assert.Equal(("Löschen", "„Kreis zum Löschen“ löschen", "dialog"),
            (Button().TextContent, Button().GetAttribute("aria-label"), Button().GetAttribute("aria-haspopup")));
        Assert.Empty(cut.FindAll("[data-testid=delete-dialog]"));

        // Asked, then cancelled: nothing happens, and the focus goes back to the button.
        Button().Click();
        var dialog = cut.Find("dialog[data-testid=delete-dialog]");
        Assert.Equal("„Kreis zum Löschen“ löschen?", cut.Find("#" + dialog.GetAttribute("aria-labelledby")).TextContent);
        Assert.Equal("Das Netzwerk kommt mit seiner Geschichte, seinen Positionen, Mitgliedern und Freigabelinks in den Papierkorb. " +
            "Dort bleibt es 30 Tage und lässt sich wiederherstellen; danach wird es endgültig gelöscht.",
            cut.Find("#" + dialog.GetAttribute("aria-describedby")).TextContent);
        Assert.True(cut.Find("[data-testid=delete-cancel]").HasAttribute("autofocus")); // the harmless answer first
        JSInterop.VerifyInvoke("showModal");
        cut.Find("[data-testid=delete-cancel]").Click();
        Assert.Empty(cut.FindAll("[data-testid=delete-dialog]"));
        // The focus is sent back (bunit renders no element ids; the browser test checks that it lands on this button).
        cut.WaitForAssertion(() => JSInterop.VerifyFocusAsyncInvoke(calledTimes: 1));

        // Escape closes the browser's dialog: its close event is a cancel too.
        Button().Click();
        cut.Find("dialog[data-testid=delete-dialog]").TriggerEvent("onclose", EventArgs.Empty);
        Assert.Empty(cut.FindAll("[data-testid=delete-dialog]"));
        Assert.NotNull(await Networks.TryGetAsync(id));

        // Confirmed: into the Papierkorb; the list says where it went and has the focus there.
        Button().Click();
        cut.Find("[data-testid=delete-confirm]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll($"tr[data-network={id}]")));
        Assert.Equal("„Kreis zum Löschen“ liegt jetzt im Papierkorb und lässt sich dort 30 Tage lang wiederherstellen.",
            cut.Find("[data-testid=networks-status]").TextContent);
        Assert.Null(await Networks.TryGetAsync(id));
        var trashed = Assert.Single(await Store.Services.GetRequiredService<GraphApi.Privacy.TrashService>().ListAsync(), t => t.NetworkId == id);
        Assert.Equal((UserName, UserId), (trashed.DeletedBy, trashed.DeletedById)); // the signed-in account, as in the API
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"tr[data-trashed={id}]")));

        // The owner restores it from the Papierkorb: back in the list, the status gone.
        cut.Find($"tr[data-trashed={id}] button").Click();
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find($"tr[data-network={id}]")));
        Assert.Equal("", cut.Find("[data-testid=networks-status]").TextContent);
        Assert.Equal(5, (await Networks.GetAsync(id)).Everything.Count());
    }

    [Fact]
    public async Task ANetworkChangedWhileTheQuestionIsOpenIsNotDeletedAndTheDialogSaysWhy()
    {
        var id = await Store.SmallNetworkAsync("Kreis geändert");
        var cut = Render<NetworkList>();
        cut.Find($"tr[data-network={id}] [data-testid=delete-network]").Click();
        // Someone renames it in another window while the question is open.
        await Networks.UpdateNetworkAsync((await Networks.GetAsync(id)).Network with { Name = "Kreis umbenannt" }, "Andere Person");

        cut.Find("[data-testid=delete-confirm]").Click();

        cut.WaitForAssertion(() => Assert.Contains("inzwischen von jemand anderem geändert", cut.Find("[data-testid=delete-error]").TextContent));
        Assert.Equal("alert", cut.Find("[data-testid=delete-error]").GetAttribute("role"));
        Assert.NotNull(await Networks.TryGetAsync(id));
        Assert.DoesNotContain(await Store.Services.GetRequiredService<GraphApi.Privacy.TrashService>().ListAsync(), t => t.NetworkId == id);
    }

    [Fact]
    public async Task OnlyTheOwnerIsOfferedLöschenAndAStrangerDoesNotSeeTheNetworkAtAll()
    {
        var (owned, viewed, foreign) = (await Store.SmallNetworkAsync("Eigenes"), await Store.SmallNetworkAsync("Nur lesen"), await Store.SmallNetworkAsync("Fremd"));
        var store = Store.Services.GetRequiredService<IGraphStore>();
        const string user = "5b0c3f0e-0000-4000-8000-0000000000b0";
        await store.SetMemberAsync(owned, new NetworkMember(user, NetworkRole.Owner, "Berta Besitz", DateTimeOffset.UtcNow));
        await store.SetMemberAsync(viewed, new NetworkMember(user, NetworkRole.Viewer, "Berta Besitz", DateTimeOffset.UtcNow));
        SignIn(user, "Berta Besitz", "berta@kreis.test", administrator: false); // an ordinary account instead of the administrator

        var cut = Render<NetworkList>();
        Assert.Single(cut.FindAll($"tr[data-network={owned}] [data-testid=delete-network]"));
        Assert.NotNull(cut.Find($"tr[data-network={viewed}]"));
        Assert.Empty(cut.FindAll($"tr[data-network={viewed}] [data-testid=delete-network]"));
        Assert.Empty(cut.FindAll($"tr[data-network={foreign}]"));
        Assert.Empty(cut.FindAll("tr[data-network=peine]"));
    }
}
