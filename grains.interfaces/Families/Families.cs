namespace Wallet.Families;

/// <summary>
/// What a member may do in a family: the <c>owner</c> created it and decides everything; a <c>guardian</c> (a carer,
/// the other parent) opens and looks after sub-wallets and invites members; a <c>member</c> spends what is given.
/// </summary>
public enum FamilyRole
{
    Owner = 0,
    Guardian = 1,
    Member = 2,
}

/// <summary>Where an invitation stands: <c>pending</c> until the invitee accepts or declines, the inviter withdraws it, or it expires.</summary>
public enum InvitationStatus
{
    Pending = 0,
    Accepted = 1,
    Declined = 2,
    Withdrawn = 3,
    Expired = 4,
}

/// <summary>One member of a family and the role they hold.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FamilyMember")]
public sealed record FamilyMember(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] FamilyRole Role,
    [property: Id(2)] DateTimeOffset JoinedAt);

/// <summary>An invitation to join a family, sent to a registered customer by their phone number.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FamilyInvitation")]
public sealed record FamilyInvitation(
    [property: Id(0)] string InvitationId,
    [property: Id(1)] string FamilyId,
    [property: Id(2)] string InviteeId,
    [property: Id(3)] string Phone,
    [property: Id(4)] FamilyRole Role,
    [property: Id(5)] InvitationStatus Status,
    [property: Id(6)] string InvitedBy,
    [property: Id(7)] DateTimeOffset SentAt,
    [property: Id(8)] DateTimeOffset ExpiresAt)
{
    /// <summary>Its status at <paramref name="now"/>: a pending one past its time has expired, whether or not anyone looked.</summary>
    public InvitationStatus StatusAt(DateTimeOffset now) => Status == InvitationStatus.Pending && now >= ExpiresAt ? InvitationStatus.Expired : Status;
}

/// <summary>
/// A family as one of its members sees it: its members and roles, the sub-wallets opened in it, and (for the owner and
/// guardians, who send them) the invitations. Nobody's own wallets are listed: a family shares only what is given in it.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.FamilyView")]
public sealed record FamilyView(
    [property: Id(0)] string FamilyId,
    [property: Id(1)] string Name,
    [property: Id(2)] string OwnerId,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] IReadOnlyList<FamilyMember> Members,
    [property: Id(5)] IReadOnlyList<FamilyInvitation> Invitations,
    [property: Id(6)] IReadOnlyList<FamilySubWallet> SubWallets);

/// <summary>A sub-wallet opened in the family (<c>sw_…</c>): the member's wallet it governs, the member who spends from it, and who opened it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FamilySubWallet")]
public sealed record FamilySubWallet(
    [property: Id(0)] string SubWalletId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] string MemberId,
    [property: Id(3)] string OpenedBy);
