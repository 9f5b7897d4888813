using Wallet.ClientApi.Contract;
using Wallet.Families;

namespace Wallet.ClientApi.Families;

/// <summary>A new family, kept by the caller.</summary>
/// <param name="Name">What the family calls itself, such as "The Wangs", 1 to 40 characters.</param>
public sealed record CreateFamilyRequest([property: RequiredField] string? Name);

/// <summary>An invitation to a registered customer, by their phone number.</summary>
/// <param name="Phone">The invitee's mobile number, such as <c>+8613800138000</c>; they must have an account.</param>
/// <param name="Role">The role they are offered: <c>guardian</c> (only the owner offers it) or <c>member</c>.</param>
public sealed record InviteRequest([property: RequiredField] string? Phone, [property: RequiredField] FamilyRole? Role);

/// <summary>A family as one of its members sees it. Nobody's own wallets are shown: a family shares only its sub-wallets.</summary>
/// <param name="FamilyId">The family's id (<c>fam_…</c>).</param>
/// <param name="Name">What the family calls itself.</param>
/// <param name="OwnerId">The customer who keeps the family (<c>cus_…</c>).</param>
/// <param name="CreatedAt">When it was created, UTC, ISO 8601.</param>
/// <param name="Members">Everyone in it and their role.</param>
/// <param name="Invitations">The invitations sent, pending or answered (the most recent); empty for a member, who sends none.</param>
/// <param name="SubWallets">Its sub-wallets: all of them for the owner and guardians, a member's own for a member.</param>
public sealed record FamilyResponse(
    string FamilyId, string Name, string OwnerId, DateTimeOffset CreatedAt, IReadOnlyList<MemberResponse> Members,
    IReadOnlyList<InvitationResponse> Invitations, IReadOnlyList<FamilySubWalletResponse> SubWallets)
{
    public static FamilyResponse Of(FamilyView view) => new(view.FamilyId, view.Name, view.OwnerId, view.CreatedAt,
        [.. view.Members.Select(m => new MemberResponse(m.CustomerId, m.Role, m.JoinedAt))], [.. view.Invitations.Select(InvitationResponse.Of)],
        [.. view.SubWallets.Select(s => new FamilySubWalletResponse(s.SubWalletId, s.WalletId, s.MemberId, s.OpenedBy))]);
}

/// <summary>One member of a family.</summary>
/// <param name="CustomerId">The member (<c>cus_…</c>).</param>
/// <param name="Role">Their role: <c>owner</c>, <c>guardian</c> or <c>member</c>.</param>
/// <param name="JoinedAt">When they joined, UTC, ISO 8601.</param>
public sealed record MemberResponse(string CustomerId, FamilyRole Role, DateTimeOffset JoinedAt);

/// <summary>A sub-wallet listed in its family.</summary>
/// <param name="SubWalletId">The sub-wallet (<c>sw_…</c>); <c>GET /v1/sub-wallets/{id}</c> reads it.</param>
/// <param name="WalletId">The member's wallet it governs (<c>wal_…</c>).</param>
/// <param name="MemberId">The member who spends from it (<c>cus_…</c>).</param>
/// <param name="OpenedBy">The owner or guardian who opened it (<c>cus_…</c>).</param>
public sealed record FamilySubWalletResponse(string SubWalletId, string WalletId, string MemberId, string OpenedBy);

/// <summary>An invitation to join a family.</summary>
/// <param name="InvitationId">The invitation's id (<c>fin_…</c>).</param>
/// <param name="FamilyId">The family it is to (<c>fam_…</c>).</param>
/// <param name="InviteeId">The customer invited (<c>cus_…</c>).</param>
/// <param name="Phone">The phone number it was sent to.</param>
/// <param name="Role">The role offered: <c>guardian</c> or <c>member</c>.</param>
/// <param name="Status">Where it stands: <c>pending</c>, <c>accepted</c>, <c>declined</c>, <c>withdrawn</c> or <c>expired</c> (a week without an answer).</param>
/// <param name="InvitedBy">Who sent it (<c>cus_…</c>).</param>
/// <param name="SentAt">When it was sent, UTC, ISO 8601.</param>
/// <param name="ExpiresAt">When it expires unanswered, UTC, ISO 8601.</param>
public sealed record InvitationResponse(
    string InvitationId, string FamilyId, string InviteeId, string Phone, FamilyRole Role, InvitationStatus Status, string InvitedBy,
    DateTimeOffset SentAt, DateTimeOffset ExpiresAt)
{
    public static InvitationResponse Of(FamilyInvitation i)
        => new(i.InvitationId, i.FamilyId, i.InviteeId, i.Phone, i.Role, i.Status, i.InvitedBy, i.SentAt, i.ExpiresAt);
}
