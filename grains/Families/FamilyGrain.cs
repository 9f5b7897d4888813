using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.Families;

/// <summary>
/// A family group: who is in it and in which role, and the invitations that bring people in. Sub-wallets are their
/// own grains (<see cref="ISubWalletGrain"/>); the family lists them and ends a member's when the member goes.
/// </summary>
public sealed class FamilyGrain(
    [PersistentState("family", StorageNames.Wallet)] IPersistentState<FamilyState> family,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<FamilyOptions> options)
    : Grain, IFamilyGrain
{
    /// <summary>How long an invitation waits for its answer.</summary>
    public static readonly TimeSpan InvitationValidFor = TimeSpan.FromDays(7);

    private const int AnsweredKept = 50;

    private string FamilyId => this.GetPrimaryKeyString();

    private FamilyState State => family.State;

    public async Task<Replayable<FamilyView>> Create(string ownerId, string name, IdempotentRequest request)
    {
        if (family.RecordExists)
        {
            return State.OwnerId == ownerId && State.Request == request
                ? Replayable<FamilyView>.Again(ViewFor(ownerId))
                : throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");
        }
        var now = clock.GetUtcNow();
        family.State = new FamilyState { Name = name, OwnerId = ownerId, CreatedAt = now, Members = [new FamilyMember(ownerId, FamilyRole.Owner, now)], Request = request };
        await family.WriteStateAsync();
        await Memberships(ownerId).Joined(FamilyId);
        return Replayable<FamilyView>.Made(ViewFor(ownerId));
    }

    public Task<FamilyView> View(string callerId)
    {
        RoleOfMember(callerId);
        return Task.FromResult(ViewFor(callerId));
    }

    public async Task<FamilyInvitation> Invite(string callerId, string inviteeId, string phone, FamilyRole role)
    {
        var inviter = RoleOfMember(callerId);
        if (role == FamilyRole.Owner || inviter == FamilyRole.Member || (inviter == FamilyRole.Guardian && role != FamilyRole.Member))
        {
            throw RoleRequired("The owner invites guardians and members; a guardian invites members.");
        }
        var now = clock.GetUtcNow();
        if (State.MemberOf(inviteeId) is not null || Pending(now).Any(i => i.InviteeId == inviteeId))
        {
            throw new WalletRefusedException(RefusalCodes.AlreadyInFamily, "That customer is already in this family or invited to it.");
        }
        if (State.Members.Count + Pending(now).Count() >= options.Value.MaxMembers)
        {
            throw new WalletRefusedException(RefusalCodes.FamilyFull, $"A family has at most {options.Value.MaxMembers} members and invitations together.");
        }
        var invitation = new FamilyInvitation(Ids.New(IdPrefixes.FamilyInvitation), FamilyId, inviteeId, phone, role, InvitationStatus.Pending, callerId, now, now + InvitationValidFor);
        State.Invitations.Add(invitation);
        await family.WriteStateAsync();
        await Memberships(inviteeId).Invited(invitation);
        return invitation;
    }

    public async Task<FamilyInvitation> Withdraw(string callerId, string invitationId)
    {
        var role = RoleOfMember(callerId);
        var invitation = InvitationSeenBy(invitationId, i => i.InvitedBy == callerId || role == FamilyRole.Owner);
        return await Close(invitation, InvitationStatus.Withdrawn);
    }

    public async Task<FamilyInvitation> Answer(string callerId, string invitationId, bool accept)
    {
        var invitation = InvitationSeenBy(invitationId, i => i.InviteeId == callerId);
        // The member joins in the same write that closes the invitation: never one without the other.
        var answered = await Close(invitation, accept ? InvitationStatus.Accepted : InvitationStatus.Declined,
            accept ? () => State.Members.Add(new FamilyMember(callerId, invitation.Role, clock.GetUtcNow())) : null);
        if (accept)
        {
            await Memberships(callerId).Joined(FamilyId);
        }
        return answered;
    }

    public async Task Leave(string callerId)
    {
        if (RoleOfMember(callerId) == FamilyRole.Owner)
        {
            throw new WalletRefusedException(RefusalCodes.OwnerCannotLeave, "The owner cannot leave the family they keep; remove the others instead.");
        }
        await Part(callerId, $"{callerId} left the family");
    }

    public async Task<FamilyView> Remove(string callerId, string memberId)
    {
        if (RoleOfMember(callerId) != FamilyRole.Owner)
        {
            throw RoleRequired("Only the family's owner removes members.");
        }
        if (memberId == callerId || State.MemberOf(memberId) is null)
        {
            throw WalletRefusedException.NotFound("The member");
        }
        await Part(memberId, $"removed from the family by {callerId}");
        return ViewFor(callerId);
    }

    public Task<FamilyRole?> RoleOf(string customerId) => Task.FromResult(family.RecordExists ? State.MemberOf(customerId)?.Role : null);

    public async Task AddSubWallet(FamilySubWallet subWallet)
    {
        if (!State.SubWallets.Exists(s => s.WalletId == subWallet.WalletId))
        {
            State.SubWallets.Add(subWallet);
            await family.WriteStateAsync();
        }
    }

    /// <summary>
    /// A member goes: out of the list first (so nobody acts for them meanwhile), then their sub-wallets end, each giving
    /// back what is left to who funded it. Ending is idempotent, so a crash half-way is finished by asking again.
    /// </summary>
    private async Task Part(string memberId, string reason)
    {
        State.Members.RemoveAll(m => m.CustomerId == memberId);
        await family.WriteStateAsync();
        await Memberships(memberId).Left(FamilyId);
        foreach (var subWallet in State.SubWallets.Where(s => s.MemberId == memberId))
        {
            await GrainFactory.GetGrain<ISubWalletGrain>(subWallet.SubWalletId).End(reason);
        }
    }

    private async Task<FamilyInvitation> Close(FamilyInvitation invitation, InvitationStatus status, Action? withIt = null)
    {
        var now = clock.GetUtcNow();
        if (invitation.StatusAt(now) is var current && current != InvitationStatus.Pending)
        {
            throw current == InvitationStatus.Expired
                ? new WalletRefusedException(RefusalCodes.InvitationExpired, "This invitation has expired; ask for a new one.")
                : new WalletRefusedException(RefusalCodes.NotPending, $"This invitation was already {current.ToString().ToLowerInvariant()}.");
        }
        var closed = invitation with { Status = status };
        State.Invitations[State.Invitations.IndexOf(invitation)] = closed;
        withIt?.Invoke();
        var answered = State.Invitations.Where(i => i.StatusAt(now) != InvitationStatus.Pending).ToList();
        if (answered.Count > AnsweredKept)
        {
            State.Invitations.RemoveAll(answered.Take(answered.Count - AnsweredKept).Contains);
        }
        await family.WriteStateAsync();
        await Memberships(invitation.InviteeId).Closed(invitation.InvitationId);
        return closed;
    }

    /// <summary>The invitation if <paramref name="sees"/> lets the caller act on it; otherwise not found, as if it did not exist.</summary>
    private FamilyInvitation InvitationSeenBy(string invitationId, Func<FamilyInvitation, bool> sees)
        => family.RecordExists && State.Invitations.Find(i => i.InvitationId == invitationId) is { } invitation && sees(invitation)
            ? invitation : throw WalletRefusedException.NotFound("The invitation");

    private IEnumerable<FamilyInvitation> Pending(DateTimeOffset now) => State.Invitations.Where(i => i.StatusAt(now) == InvitationStatus.Pending);

    /// <summary>The caller's role; to anyone outside the family it does not exist.</summary>
    private FamilyRole RoleOfMember(string callerId)
        => family.RecordExists && State.MemberOf(callerId) is { } member ? member.Role : throw WalletRefusedException.NotFound("The family");

    /// <summary>What a member sees: everyone in the family; invitations only for those who send them; a member only their own sub-wallets.</summary>
    private FamilyView ViewFor(string callerId)
    {
        var role = State.MemberOf(callerId)?.Role ?? FamilyRole.Member;
        var now = clock.GetUtcNow();
        IReadOnlyList<FamilyInvitation> invitations = role == FamilyRole.Member ? [] : [.. State.Invitations.Select(i => i with { Status = i.StatusAt(now) })];
        IReadOnlyList<FamilySubWallet> subWallets = role == FamilyRole.Member ? [.. State.SubWallets.Where(s => s.MemberId == callerId)] : [.. State.SubWallets];
        return new FamilyView(FamilyId, State.Name, State.OwnerId, State.CreatedAt, [.. State.Members], invitations, subWallets);
    }

    private static WalletRefusedException RoleRequired(string detail) => new(RefusalCodes.FamilyRoleRequired, detail);

    private IFamilyMembershipsGrain Memberships(string customerId) => GrainFactory.GetGrain<IFamilyMembershipsGrain>(customerId);
}
