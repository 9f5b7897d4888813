using Wallet.Families;
using Wallet.Identity;
using Wallet.Movements;
using Wallet.RedPackets;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.RedPackets;

/// <summary>
/// Group red packets to a family: claimed in full by its members (the sender too), each once, then empty; a random split
/// paid out exactly; the unclaimed shares back once after 24 hours; and a thousand members racing for a hundred shares.
/// The clocked cluster lets a family hold over a thousand members (<c>Wallet:Families:MaxMembers</c>) for the race.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class GroupRedPacketTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;
    private RedPacketDesk Desk => new(fixture.Grains);

    [Fact]
    public async Task A_fixed_group_packet_is_claimed_in_full_by_its_members_each_once_and_then_is_empty()
    {
        fixture.SetShanghaiTime(2027, 3, 1, 9, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(10_000);
        var members = await Members(5);
        var family = await Family(alice, members.Select(m => m.Customer));
        var stranger = await _bank.NewCustomer();
        await _bank.OpenWallet(stranger);
        var held = await Desk.Held();

        var packet = (await Desk.Send(alice, aliceWallet, 200, familyId: family, shares: 5)).Packet;
        Assert.Equal((1_000L, 10_000L - 1_000), (packet.Total, await _bank.Balance(alice, aliceWallet)));

        // The sender claims too (as in WeChat); four members get the rest; the fifth finds it empty, and a repeat answers the share.
        var claims = new List<RedPacketClaimReceipt> { await Desk.Claim(alice, packet.MovementId) };
        foreach (var (member, _) in members.Take(4))
        {
            claims.Add(await Desk.Claim(member, packet.MovementId));
        }
        var late = await Desk.Claim(members[4].Customer, packet.MovementId);
        Assert.All(claims, c => Assert.Equal((MovementStatus.Completed, 200L), (c.Status, c.Amount)));
        Assert.Equal([0, 1, 2, 3, 4], claims.Select(c => c.ShareIndex));
        Assert.Equal((MovementStatus.Refused, RefusalCodes.RedPacketEmpty), (late.Status, late.Refusal!.Code));
        Assert.Equal(claims[1], (await Desk.Claim(members[0].Customer, packet.MovementId)) with { Replayed = false });
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => Desk.Claim(stranger, packet.MovementId))).Code);

        Assert.Equal(10_000 - 1_000 + 200, await _bank.Balance(alice, aliceWallet));
        foreach (var (member, wallet) in members.Take(4))
        {
            Assert.Equal(200, await _bank.Balance(member, wallet));
        }
        Assert.Equal(held, await Desk.Held());
        var view = await Desk.Packet(packet.MovementId).Find(members[2].Customer.Id);
        Assert.Equal((RedPacketStatus.Claimed, 0, 1), (view!.Status, view.SharesLeft, view.Claims.Count)); // a member sees their own share only
        await _bank.AssertBalanced([aliceWallet, .. members.Select(m => m.Wallet)]);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_random_group_packet_claimed_at_once_pays_out_exactly_its_total_at_least_a_fen_a_share()
    {
        fixture.SetShanghaiTime(2027, 3, 2, 9, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(10_000);
        var members = await Members(10);
        var family = await Family(alice, members.Select(m => m.Customer));
        var held = await Desk.Held();

        var packet = (await Desk.Send(alice, aliceWallet, 1_000, familyId: family, shares: 10, split: RedPacketSplit.Random)).Packet;
        var claims = await Task.WhenAll(members.Select(m => Scenario.AsAClientWould(() => Desk.Claim(m.Customer, packet.MovementId))));

        Assert.All(claims, c => Assert.True(c.Status == MovementStatus.Completed && c.Amount >= 1, $"{c.Refusal?.Code} {c.Amount}"));
        Assert.Equal(1_000, claims.Sum(c => c.Amount));
        Assert.Equal(Enumerable.Range(0, 10), claims.Select(c => c.ShareIndex).Order());
        Assert.Equal(held, await Desk.Held());
        Assert.Equal(9_000, await _bank.Balance(alice, aliceWallet));
        await _bank.AssertBalanced([aliceWallet, .. members.Select(m => m.Wallet)]);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_group_packet_partly_claimed_gives_the_unclaimed_shares_back_once_after_24_hours()
    {
        fixture.SetShanghaiTime(2027, 3, 3, 9, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(10_000);
        var members = await Members(3);
        var family = await Family(alice, members.Select(m => m.Customer));
        var held = await Desk.Held();
        var packet = (await Desk.Send(alice, aliceWallet, 3_000, familyId: family, shares: 5, split: RedPacketSplit.Random)).Packet;
        var claimed = (await Desk.Claim(members[0].Customer, packet.MovementId)).Amount + (await Desk.Claim(members[1].Customer, packet.MovementId)).Amount;

        fixture.SetShanghaiTime(2027, 3, 4, 9, 0);
        var ticks = await Task.WhenAll(Desk.Packet(packet.MovementId).Expire(), Desk.Packet(packet.MovementId).Expire());

        var returned = Assert.Single(ticks.Select(t => t!.Return).DistinctBy(r => r!.MovementId))!;
        Assert.Equal((3_000L - claimed, 3), (returned.Amount, returned.SharesReturned));
        Assert.Equal(RefusalCodes.RedPacketExpired, (await Assert.ThrowsAsync<WalletRefusedException>(() => Desk.Claim(members[2].Customer, packet.MovementId))).Code);
        Assert.Equal(10_000 - claimed, await _bank.Balance(alice, aliceWallet));
        Assert.Equal(held, await Desk.Held());
        await _bank.AssertBalanced([aliceWallet, .. members.Select(m => m.Wallet)]);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_packet_to_a_family_the_sender_is_not_in_is_refused_and_moves_nothing()
    {
        fixture.SetShanghaiTime(2027, 3, 5, 9, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(1_000);
        var bob = await _bank.NewCustomer();
        var family = await Family(bob, []);

        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => Desk.Send(alice, aliceWallet, 100, familyId: family, shares: 2))).Code);
        Assert.Equal(1_000, await _bank.Balance(alice, aliceWallet));
    }

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task A_thousand_concurrent_claims_on_a_hundred_share_packet_give_exactly_a_hundred_shares_summing_to_the_total()
    {
        const int claimants = 1_000;
        const long total = 88_888;
        fixture.SetShanghaiTime(2027, 3, 6, 9, 0);
        var (alice, aliceWallet) = await _bank.FundedCustomer(100_000);
        var members = await Members(claimants);
        var family = await Family(alice, members.Select(m => m.Customer));
        var held = await Desk.Held();
        var packet = (await Desk.Send(alice, aliceWallet, total, familyId: family, shares: 100, split: RedPacketSplit.Random)).Packet;

        // Each member's app replays a claim answered in doubt, as the API tells it to: the replay learns the claim's outcome.
        using var start = new SemaphoreSlim(0);
        var racing = members.Select(async m =>
        {
            await start.WaitAsync();
            return await Scenario.AsAClientWould(() => Desk.Claim(m.Customer, packet.MovementId));
        }).ToList();
        start.Release(claimants);
        var claims = await Task.WhenAll(racing);

        var paid = claims.Where(c => c.Status == MovementStatus.Completed).ToList();
        Assert.Equal(100, paid.Count);
        Assert.Equal(total, paid.Sum(c => c.Amount));
        Assert.Equal(Enumerable.Range(0, 100), paid.Select(c => c.ShareIndex).Order());
        Assert.All(claims.Except(paid), c => Assert.Equal(RefusalCodes.RedPacketEmpty, c.Refusal?.Code));
        Assert.Equal(held, await Desk.Held());
        Assert.Equal(total, (await Task.WhenAll(members.Select(m => _bank.Balance(m.Customer, m.Wallet)))).Sum());
        Assert.Equal(100_000 - total, await _bank.Balance(alice, aliceWallet));
        var view = await Desk.Packet(packet.MovementId).Find(alice.Id);
        Assert.Equal((RedPacketStatus.Claimed, 0, 100), (view!.Status, view.SharesLeft, view.Claims.Count));
        await _bank.AssertBooksBalance();
    }

    /// <summary>Customers with a CNY wallet each, made a few at a time.</summary>
    private async Task<(TestCustomer Customer, string Wallet)[]> Members(int count)
    {
        var members = new (TestCustomer, string)[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var customer = await _bank.NewCustomer();
            members[i] = (customer, await _bank.OpenWallet(customer));
        });
        return members;
    }

    /// <summary>A family owned by <paramref name="owner"/> whose members accepted its invitations.</summary>
    private async Task<string> Family(TestCustomer owner, IEnumerable<TestCustomer> members)
    {
        var family = fixture.Grains.GetGrain<IFamilyGrain>(Ids.New("fam"));
        var familyId = (await family.Create(owner.Id, "陈家", new IdempotentRequest(Guid.NewGuid().ToString(), "family"))).Value.FamilyId;
        foreach (var member in members)
        {
            var invitation = await family.Invite(owner.Id, member.Id, member.Phone, FamilyRole.Member);
            await family.Answer(member.Id, invitation.InvitationId, accept: true);
        }
        return familyId;
    }
}
