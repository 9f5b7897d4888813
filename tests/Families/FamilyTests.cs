using Wallet.Families;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Families;

/// <summary>Family groups: invitations answered, withdrawn or expired, what each role may do, and what each member sees.</summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class FamilyTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;
    private FamilyScenario Families => new(fixture.Grains, _bank);

    [Fact]
    public async Task An_invitation_is_accepted_declined_or_withdrawn_once_and_expires_after_a_week()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, _, familyId) = await Families.NewFamily();
        var family = Families.Family(familyId);
        var (yes, no, later, slow) = (await _bank.NewCustomer(), await _bank.NewCustomer(), await _bank.NewCustomer(), await _bank.NewCustomer());
        var toYes = await family.Invite(owner.Id, yes.Id, yes.Phone, FamilyRole.Guardian);
        var toNo = await family.Invite(owner.Id, no.Id, no.Phone, FamilyRole.Member);
        var toLater = await family.Invite(owner.Id, later.Id, later.Phone, FamilyRole.Member);
        var toSlow = await family.Invite(owner.Id, slow.Id, slow.Phone, FamilyRole.Member);
        Assert.Single((await Memberships(yes).List()).Invitations);

        Assert.Equal(InvitationStatus.Accepted, (await family.Answer(yes.Id, toYes.InvitationId, accept: true)).Status);
        Assert.Equal(InvitationStatus.Declined, (await family.Answer(no.Id, toNo.InvitationId, accept: false)).Status);
        Assert.Equal(InvitationStatus.Withdrawn, (await family.Withdraw(owner.Id, toLater.InvitationId)).Status);
        Assert.Equal(RefusalCodes.NotPending, (await Refused(() => family.Answer(no.Id, toNo.InvitationId, accept: true))).Code);
        Assert.Equal(RefusalCodes.NotPending, (await Refused(() => family.Answer(later.Id, toLater.InvitationId, accept: true))).Code);
        Assert.Equal(RefusalCodes.NotFound, (await Refused(() => family.Answer(no.Id, toSlow.InvitationId, accept: true))).Code); // not theirs

        fixture.SetShanghaiTime(2026, 12, 8, 12, 0); // a week on
        Assert.Equal(RefusalCodes.InvitationExpired, (await Refused(() => family.Answer(slow.Id, toSlow.InvitationId, accept: true))).Code);
        Assert.Empty((await Memberships(slow).List()).Invitations);

        Assert.Equal(FamilyRole.Guardian, await family.RoleOf(yes.Id));
        Assert.Null(await family.RoleOf(no.Id));
        Assert.Equal([familyId], (await Memberships(yes).List()).FamilyIds);
        Assert.Empty((await Memberships(yes).List()).Invitations);
        var view = await family.View(owner.Id);
        Assert.Equal([owner.Id, yes.Id], view.Members.Select(m => m.CustomerId));
        Assert.Equal(
            [InvitationStatus.Accepted, InvitationStatus.Declined, InvitationStatus.Withdrawn, InvitationStatus.Expired],
            view.Invitations.Select(i => i.Status));
    }

    [Fact]
    public async Task The_owner_invites_guardians_a_guardian_invites_members_and_a_member_invites_nobody()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, _, familyId) = await Families.NewFamily();
        var family = Families.Family(familyId);
        var guardian = await Families.Join(familyId, owner, FamilyRole.Guardian);
        var member = await Families.Join(familyId, guardian);
        var someone = await _bank.NewCustomer();

        Assert.Equal(RefusalCodes.FamilyRoleRequired, (await Refused(() => family.Invite(guardian.Id, someone.Id, someone.Phone, FamilyRole.Guardian))).Code);
        Assert.Equal(RefusalCodes.FamilyRoleRequired, (await Refused(() => family.Invite(member.Id, someone.Id, someone.Phone, FamilyRole.Member))).Code);
        Assert.Equal(RefusalCodes.AlreadyInFamily, (await Refused(() => family.Invite(owner.Id, member.Id, member.Phone, FamilyRole.Member))).Code);
        await family.Invite(owner.Id, someone.Id, someone.Phone, FamilyRole.Member);
        Assert.Equal(RefusalCodes.AlreadyInFamily, (await Refused(() => family.Invite(guardian.Id, someone.Id, someone.Phone, FamilyRole.Member))).Code);
        Assert.Equal(RefusalCodes.OwnerCannotLeave, (await Refused(() => family.Leave(owner.Id))).Code);
        Assert.Equal(RefusalCodes.FamilyRoleRequired, (await Refused(() => family.Remove(guardian.Id, member.Id))).Code);
        Assert.Equal(RefusalCodes.NotFound, (await Refused(() => family.View(someone.Id))).Code); // invited is not in

        await family.Remove(owner.Id, member.Id);
        Assert.Null(await family.RoleOf(member.Id));
        Assert.Empty((await Memberships(member).List()).FamilyIds);
    }

    [Fact]
    public async Task A_member_sees_the_family_and_their_own_sub_wallets_but_no_invitations_nor_anyone_elses()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, _, familyId) = await Families.NewFamily();
        var (child, sibling) = (await Families.Join(familyId, owner), await Families.Join(familyId, owner));
        var mine = await Families.OpenSubWallet(familyId, owner, child);
        var theirs = await Families.OpenSubWallet(familyId, owner, sibling);

        var seen = await Families.Family(familyId).View(child.Id);
        Assert.Equal([mine.SubWalletId], seen.SubWallets.Select(s => s.SubWalletId));
        Assert.Empty(seen.Invitations);
        Assert.Equal(2, (await Families.Family(familyId).View(owner.Id)).SubWallets.Count);
        Assert.Equal(RefusalCodes.NotFound, (await Refused(() => Families.SubWallet(theirs.SubWalletId).View(child.Id))).Code);
        Assert.Equal(mine.WalletId, (await Families.SubWallet(mine.SubWalletId).View(child.Id)).WalletId);
        var stranger = await _bank.NewCustomer();
        Assert.Equal(RefusalCodes.NotFound, (await Refused(() => Families.SubWallet(mine.SubWalletId).View(stranger.Id))).Code);
    }

    [Fact]
    public async Task A_sub_wallet_is_for_a_member_never_for_a_guardian_who_would_look_after_it_themselves()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, _, familyId) = await Families.NewFamily();
        var guardian = await Families.Join(familyId, owner, FamilyRole.Guardian);

        var refused = await Refused(() => Families.OpenSubWallet(familyId, owner, guardian));

        Assert.Equal(RefusalCodes.FamilyRoleRequired, refused.Code);
        Assert.Empty((await Families.Family(familyId).View(owner.Id)).SubWallets);
    }

    private IFamilyMembershipsGrain Memberships(TestCustomer customer) => fixture.Grains.GetGrain<IFamilyMembershipsGrain>(customer.Id);

    private static Task<WalletRefusedException> Refused(Func<Task> act) => Assert.ThrowsAsync<WalletRefusedException>(act);
}
