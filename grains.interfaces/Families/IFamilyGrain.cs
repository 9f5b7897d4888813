using Wallet.Identity;

namespace Wallet.Families;

/// <summary>
/// A family group (keyed <c>fam_…</c>): its members, their roles and the invitations sent. Each call names its caller,
/// and the grain answers only members: anyone else is told the family does not exist.
/// </summary>
[Alias("Wallet.IFamilyGrain")]
public interface IFamilyGrain : IGrainWithStringKey
{
    /// <summary>Creates the family with <paramref name="ownerId"/> as its owner; the same request again answers the family made.</summary>
    [Alias("Create")]
    Task<Replayable<FamilyView>> Create(string ownerId, string name, IdempotentRequest request);

    /// <summary>The family as <paramref name="callerId"/>, a member, sees it.</summary>
    [Alias("View")]
    Task<FamilyView> View(string callerId);

    /// <summary>
    /// Invites a registered customer: the owner invites guardians and members, a guardian members. Refused for someone
    /// already in the family or already invited and not yet answered.
    /// </summary>
    [Alias("Invite")]
    Task<FamilyInvitation> Invite(string callerId, string inviteeId, string phone, FamilyRole role);

    /// <summary>The inviter (or the owner) withdraws a pending invitation.</summary>
    [Alias("Withdraw")]
    Task<FamilyInvitation> Withdraw(string callerId, string invitationId);

    /// <summary>The invitee accepts or declines a pending invitation; an expired one is refused.</summary>
    [Alias("Answer")]
    Task<FamilyInvitation> Answer(string callerId, string invitationId, bool accept);

    /// <summary>A guardian or member leaves; their sub-wallets end and what is left in them returns to who funded them.</summary>
    [Alias("Leave")]
    Task Leave(string callerId);

    /// <summary>The owner removes a guardian or member; their sub-wallets end as when they leave.</summary>
    [Alias("Remove")]
    Task<FamilyView> Remove(string callerId, string memberId);

    /// <summary>The role <paramref name="customerId"/> holds in the family, or null when they are not in it.</summary>
    [Alias("RoleOf"), AlwaysInterleave]
    Task<FamilyRole?> RoleOf(string customerId);

    /// <summary>Lists a sub-wallet opened for one of the family's members by its owner or a guardian.</summary>
    [Alias("AddSubWallet")]
    Task AddSubWallet(FamilySubWallet subWallet);
}
