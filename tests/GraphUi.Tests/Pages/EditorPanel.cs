using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GraphUi.Tests.Pages;

/// <summary>
/// The editors in the details panel as a coordinator works them: mostly by keyboard, typing names and German days. With an
/// <see cref="Effort"/>, every action is counted as a person would do it: focusing a field or pressing a button is a click,
/// choosing in a drop-down two, Enter or an arrow a key, and the characters typed.
/// </summary>
public sealed class EditorPanel(IPage page, Effort? effort = null)
{
    private readonly Effort _effort = effort ?? new Effort();

    public ILocator Details => page.GetByRole(AriaRole.Complementary, new() { Name = "Details" });
    public ILocator Editor => page.Locator("[data-testid=editor]");
    public ILocator Title => Details.Locator("#details-title");
    public ILocator Status => Details.Locator("[data-testid=details-status]");
    public ILocator EditorStatus => Editor.Locator("[data-testid=editor-status]");
    public ILocator Field(string field) => Editor.Locator($"#edit-{field}");
    public ILocator Error(string field) => Editor.Locator($"#edit-{field}-error");

    /// <summary>"Neuer Eintrag": chooses the kind and presses Enter on "Anlegen"; waits until the empty form has the focus.</summary>
    public async Task NewAsync(string kindCode, string title)
    {
        await page.Locator("#new-entry-kind").SelectOptionAsync(kindCode);
        await page.Locator("[data-testid=new-entry-create]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        _effort.Click(3);
        await Expect(Editor.Locator("#editor-title")).ToHaveTextAsync(title);
        await Expect(Editor.Locator("input:not([type=hidden])").First).ToBeFocusedAsync();
    }

    /// <summary>
    /// Milliseconds between keys, as a quick typist (a person types one key every 100–200 ms). Typed with no pause at all, a key
    /// can reach the server after a re-render of the form (a commit, a navigation) that writes the server's older text back
    /// into the field: a known Blazor Server race with @bind on input, see docs/benchmarks.md (building Peine).
    /// </summary>
    private const int HumanKeyDelay = 40;

    /// <summary>Types into the field that has the focus (the first one of a form just opened).</summary>
    public async Task TypeHereAsync(string text)
    {
        await page.Keyboard.TypeAsync(text, new() { Delay = HumanKeyDelay });
        _effort.Typed(text);
    }

    /// <summary>Types into a field by keyboard (focus, select all, type), as a person does.</summary>
    public async Task TypeAsync(string field, string text)
    {
        var input = Field(field);
        await input.FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text, new() { Delay = HumanKeyDelay });
        _effort.Click();
        _effort.Typed(text);
        await Expect(input).ToHaveValueAsync(text);
    }

    public async Task ChooseAsync(string field, string code)
    {
        await Field(field).SelectOptionAsync(code);
        _effort.Click(2);
    }

    /// <summary>A list field (topics, territories, providers): types part of a name, waits for the marked match, Enter takes it.</summary>
    public async Task PickAsync(string field, string part, string name) => await PickAsync(Field(field), part, name);

    /// <summary>The same for any picker by its input (a composition rule's actor kinds).</summary>
    public async Task PickAsync(ILocator input, string part, string name)
    {
        var id = await input.GetAttributeAsync("id");
        await input.FocusAsync();
        await page.Keyboard.TypeAsync(part, new() { Delay = HumanKeyDelay });
        _effort.Click();
        _effort.Typed(part);
        var options = page.Locator($"#{id}-options");
        await Expect(input).ToHaveAttributeAsync("aria-expanded", "true");
        // The server has read every typed key (the list is filtered for the whole text), so Enter is not overtaken by one.
        await Expect(options).ToHaveAttributeAsync("data-query", part);
        await Expect(options.Locator("li.active")).ToHaveTextAsync(name);
        await page.Keyboard.PressAsync("Enter");
        _effort.Key();
        await Expect(input).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(page.Locator($"[data-field={id}] [data-testid=picker-chosen]")).ToContainTextAsync(name);
    }

    /// <summary>Enter in a text field saves.</summary>
    public async Task PressEnterInAsync(string field)
    {
        await Field(field).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        _effort.Click();
        _effort.Key();
    }

    /// <summary>Enter where the focus is (the field just typed in) saves.</summary>
    public async Task PressEnterAsync()
    {
        await page.Keyboard.PressAsync("Enter");
        _effort.Key();
    }

    /// <summary>"Speichern und nächster" (a click); waits until the next empty form has the focus.</summary>
    public async Task SaveAndNextAsync(string savedName)
    {
        await Editor.Locator("[data-testid=editor-save-next]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        _effort.Click();
        await Expect(EditorStatus).ToContainTextAsync($"„{savedName}“ gespeichert");
        await Expect(Editor.Locator("input:not([type=hidden])").First).ToBeFocusedAsync();
    }

    /// <summary>Closes the editor without saving.</summary>
    public async Task CancelAsync()
    {
        await Editor.Locator("[data-testid=editor-cancel]").ClickAsync();
        _effort.Click();
        await Expect(Editor).ToHaveCountAsync(0);
    }
}
