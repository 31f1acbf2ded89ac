using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Accounts;

/// <summary>A person who signs in: the e-mail is the sign-in name, the display name is what the history and presence show.</summary>
public sealed class Account : IdentityUser
{
    public const int MaxDisplayName = 100;

    [PersonalData]
    public string DisplayName { get; set; } = "";
}

/// <summary>The accounts database (accounts.db beside the graph store's file).</summary>
public sealed class AccountsDb(DbContextOptions<AccountsDb> options) : IdentityDbContext<Account>(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Account>().Property(a => a.DisplayName).HasMaxLength(Account.MaxDisplayName);
    }
}
