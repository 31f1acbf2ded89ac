namespace GraphUi.Components.Account;

/// <summary>What the account forms post (setup link, administrators' "Neues Konto").</summary>
public sealed class AccountForm
{
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? Password { get; set; }
    public bool Administrator { get; set; }
}
