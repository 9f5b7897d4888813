namespace Wallet.Families;

/// <summary>Families' rules (<c>Wallet:Families</c>).</summary>
public sealed class FamilyOptions
{
    public const string Section = "Wallet:Families";

    /// <summary>
    /// The most members and pending invitations a family may have together: a household's twenty by default; a bank that
    /// offers families as clans (家族群) for red packets sets more.
    /// </summary>
    public int MaxMembers { get; set; } = 20;
}
