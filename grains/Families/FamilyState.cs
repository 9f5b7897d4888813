using Wallet.Identity;

namespace Wallet.Families;

/// <summary>A family's members, invitations and sub-wallets, in ordinary grain state (no money lives here).</summary>
[GenerateSerializer, Alias("Wallet.FamilyState")]
public sealed class FamilyState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string OwnerId { get; set; } = "";
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
    [Id(3)] public List<FamilyMember> Members { get; set; } = [];

    /// <summary>Pending invitations and the most recent answered ones, oldest first.</summary>
    [Id(4)] public List<FamilyInvitation> Invitations { get; set; } = [];

    [Id(5)] public List<FamilySubWallet> SubWallets { get; set; } = [];

    /// <summary>The owner's request that created the family, so its replay is recognised.</summary>
    [Id(6)] public IdempotentRequest? Request { get; set; }

    public FamilyMember? MemberOf(string customerId) => Members.Find(m => m.CustomerId == customerId);
}
