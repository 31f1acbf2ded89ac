namespace GraphUi.Tests.Pages;

/// <summary>What a person did to get something done: clicks (a click, or the choice in a list), other keys (Enter, arrows), and characters typed.</summary>
public sealed class Effort
{
    public int Clicks { get; private set; }
    public int Keys { get; private set; }
    public int Characters { get; private set; }

    /// <summary>Clicks and keys other than characters: what the "about 160 clicks" counts.</summary>
    public int Actions => Clicks + Keys;

    public void Click(int n = 1) => Clicks += n;
    public void Key(int n = 1) => Keys += n;
    public void Typed(string text) => Characters += text.Length;

    public override string ToString() => $"{Actions} clicks and keys ({Clicks} clicks, {Keys} keys), {Characters} characters typed";
}
