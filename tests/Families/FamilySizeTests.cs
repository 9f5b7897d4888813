using Wallet.Families;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Families;

/// <summary>A family holds at most twenty members and pending invitations together (the default <c>Wallet:Families:MaxMembers</c>).</summary>
[Collection(ClusterCollection.Name)]
public sealed class FamilySizeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task The_twenty_first_member_or_invitation_is_refused_until_one_goes()
    {
        var families = new FamilyScenario(fixture.Grains, fixture.Scenario);
        var (owner, _, familyId) = await families.NewFamily();
        var family = families.Family(familyId);
        var invited = new List<FamilyInvitation>();
        for (var i = 0; i < 19; i++)
        {
            var someone = await fixture.Scenario.NewCustomer();
            invited.Add(await family.Invite(owner.Id, someone.Id, someone.Phone, FamilyRole.Member));
        }
        var one = await fixture.Scenario.NewCustomer();

        var full = await Assert.ThrowsAsync<WalletRefusedException>(() => family.Invite(owner.Id, one.Id, one.Phone, FamilyRole.Member));
        await family.Withdraw(owner.Id, invited[0].InvitationId);
        await family.Invite(owner.Id, one.Id, one.Phone, FamilyRole.Member);

        Assert.Equal(RefusalCodes.FamilyFull, full.Code);
        Assert.Equal(20, (await family.View(owner.Id)).Invitations.Count(i => i.Status == InvitationStatus.Pending) + 1);
    }
}
