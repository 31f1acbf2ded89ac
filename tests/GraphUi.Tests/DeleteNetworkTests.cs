using System.Net.Http.Json;
using GraphUi.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests;

/// <summary>
/// The owner deletes a network from the list with the keyboard (a German question in a modal dialog; Escape cancels and the
/// focus returns), finds it in the Papierkorb and restores it (issue 10, point 4).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeleteNetworkTests(BrowserFixture browser, MapApp app) : IClassFixture<MapApp>
{
    [Fact]
    public async Task TheOwnerDeletesANetworkIntoThePapierkorbAndRestoresIt()
    {
        // An ordinary account that owns one network (made by an administrator, who is its first owner).
        const string email = "olga.owner@kreis.test", name = "Kreis Papierkorb-Test";
        var id = "del-" + Guid.NewGuid().ToString("N")[..8];
        await app.CreateAccountAsync(email, "Olga Owner");
        using (var admin = await app.ApiClientAsync())
            (await admin.PostAsJsonAsync("/api/networks", new { id, name })).EnsureSuccessStatusCode();
        await app.GrantAsync(id, email, "owner");

        var page = await browser.NewPageAsync(app.BaseUrl, email: email);
        try
        {
            var networks = new NetworksPage(page);
            await networks.OpenAsync();
            await Expect(networks.Row(id)).ToBeVisibleAsync();
            await Expect(networks.Row("peine")).ToHaveCountAsync(0); // not a member there: not listed

            // Keyboard only: to the button, Enter opens the question, Escape closes it and the focus is back on the button.
            var delete = networks.DeleteButton(name);
            await delete.FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            var dialog = networks.DeleteDialog(name);
            await Expect(dialog).ToBeVisibleAsync();
            await Expect(dialog).ToContainTextAsync("Papierkorb");
            await Expect(dialog).ToContainTextAsync("30 Tage");
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Abbrechen" })).ToBeFocusedAsync();
            await page.AssertAccessibleAsync("the question before deleting a network");
            await networks.ScreenshotAsync("delete-network-question-1280x720");
            await page.Keyboard.PressAsync("Escape");
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(delete).ToBeFocusedAsync();
            await Expect(networks.Row(id)).ToBeVisibleAsync();

            // Again, and this time confirmed (Shift+Tab from "Abbrechen" to "In den Papierkorb").
            await page.Keyboard.PressAsync("Enter");
            await Expect(dialog).ToBeVisibleAsync();
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Abbrechen" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Shift+Tab");
            await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "In den Papierkorb" })).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Enter");

            await Expect(networks.Row(id)).ToHaveCountAsync(0);
            await Expect(networks.Status).ToHaveTextAsync($"„{name}“ liegt jetzt im Papierkorb und lässt sich dort 30 Tage lang wiederherstellen.");
            await Expect(networks.Status).ToBeFocusedAsync();
            await Expect(networks.TrashRow(id)).ToContainTextAsync("von Olga Owner");
            await page.AssertAccessibleAsync("the Papierkorb with the deleted network");
            await networks.TrashRow(id).ScrollIntoViewIfNeededAsync();
            await networks.ScreenshotAsync("delete-network-papierkorb-1280x720");
            using (var api = await app.ApiClientAsync())
                Assert.Equal(System.Net.HttpStatusCode.NotFound, (await api.GetAsync($"/api/networks/{id}")).StatusCode);

            // The owner restores it: back in the list, gone from the Papierkorb.
            await networks.RestoreButton(name).ClickAsync();
            await Expect(networks.TrashStatus).ToHaveTextAsync($"„{name}“ ist wiederhergestellt.");
            await Expect(networks.TrashRow(id)).ToHaveCountAsync(0);
            await Expect(networks.Row(id)).ToBeVisibleAsync();
            await Expect(networks.Status).ToHaveTextAsync("");
            await page.AssertAccessibleAsync("the list after restoring from the Papierkorb");
            using (var api = await app.ApiClientAsync())
                Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync($"/api/networks/{id}")).StatusCode);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task TheMembersPageOffersDeletingTooAndThenShowsTheList()
    {
        const string name = "Kreis Verwaltungsseite";
        var id = "del-" + Guid.NewGuid().ToString("N")[..8];
        using (var admin = await app.ApiClientAsync())
            (await admin.PostAsJsonAsync("/api/networks", new { id, name })).EnsureSuccessStatusCode();
        var page = await browser.NewPageAsync(app.BaseUrl);
        try
        {
            var networks = new NetworksPage(page);
            await page.GotoAsync($"/networks/{id}/access");
            await Expect(page.GetByTestId("access-page")).ToBeVisibleAsync();
            await page.WaitUntilInteractiveAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Netzwerk löschen" })).ToBeVisibleAsync();
            await networks.DeleteButton(name).ClickAsync();
            var dialog = networks.DeleteDialog(name);
            await Expect(dialog).ToBeVisibleAsync();
            await page.AssertAccessibleAsync("the question on the members page");
            await networks.ScreenshotAsync("delete-network-members-page-1280x720");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "In den Papierkorb" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));
            await networks.WaitUntilInteractiveAsync();
            await Expect(networks.TrashRow(id)).ToContainTextAsync(name);
            await Expect(networks.Row(id)).ToHaveCountAsync(0);
            await page.AssertAccessibleAsync("the list after deleting on the members page");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
