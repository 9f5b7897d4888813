using Wallet.Families;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Families;

/// <summary>
/// A sub-wallet's payments over its family's threshold wait, their money held (not moved), until the owner or a guardian
/// approves or declines, or a day passes; each ends exactly once, and an approved one still meets the rules when it is made.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class SubWalletApprovalTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;
    private FamilyScenario Families => new(fixture.Grains, _bank);

    [Fact]
    public async Task A_payment_over_the_threshold_waits_with_its_money_held_and_is_made_once_however_often_it_is_approved()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, ownerWallet, member, sw, shop) = await Funded(new SubWalletRules { ApprovalAbove = 5_000 });

        Assert.Equal(MovementStatus.Completed, (await Families.Pay(member, sw.WalletId, shop, 5_000)).Status); // at the threshold: no approval
        var waiting = await Families.Pay(member, sw.WalletId, shop, 5_001);

        Assert.Equal(MovementStatus.AwaitingApproval, waiting.Status);
        var view = await fixture.Grains.GetGrain<IWalletGrain>(sw.WalletId).GetView(member.Id);
        Assert.Equal((15_000L, 15_000L - 5_001), (view.Balance, view.Available));
        Assert.Equal([waiting.MovementId], (await Approvals(sw).List(owner.Id)).Select(a => a.MovementId));
        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            try
            {
                return (await Approvals(sw).Decide(owner.Id, waiting.MovementId, approve: true)).Status.ToString();
            }
            catch (WalletRefusedException refused)
            {
                return refused.Code;
            }
        }));

        Assert.Equal([nameof(MovementStatus.Completed), RefusalCodes.NotPending, RefusalCodes.NotPending], answers.Order(StringComparer.Ordinal));
        Assert.Equal((15_000L - 5_001, 10_001L), (await _bank.Balance(member, sw.WalletId), await Settled(shop)));
        Assert.Empty(await Approvals(sw).List(member.Id));
        var paid = await fixture.Grains.GetGrain<IQrPaymentGrain>(waiting.MovementId).Find(member.Id);
        Assert.Equal((MovementStatus.Completed, owner.Id), (paid!.Status, paid.Review!.OperatorId));
        Assert.Contains(await Inbox(member), n => n.Kind == "payment_approval" && n.Reference == waiting.MovementId);
        Assert.Contains(await Inbox(owner), n => n.Kind == "approval_needed" && n.Reference == waiting.MovementId);
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    [Fact]
    public async Task A_declined_or_expired_payment_lets_its_money_go_and_cannot_be_approved_after()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, ownerWallet, member, sw, shop) = await Funded(new SubWalletRules { ApprovalAbove = 1_000 });
        var declined = await Families.Pay(member, sw.WalletId, shop, 2_000);
        var forgotten = await Families.Pay(member, sw.WalletId, shop, 3_000);

        var no = await Approvals(sw).Decide(owner.Id, declined.MovementId, approve: false);
        fixture.SetShanghaiTime(2026, 12, 2, 11, 59);
        Assert.Single(await Approvals(sw).FollowUp());
        fixture.SetShanghaiTime(2026, 12, 2, 12, 0); // a day after it was paid
        Assert.Empty(await Approvals(sw).FollowUp());

        Assert.Equal((MovementStatus.Refused, RefusalCodes.DeclinedByFamily), (no.Status, no.Refusal!.Code));
        var expired = await fixture.Grains.GetGrain<IQrPaymentGrain>(forgotten.MovementId).Find(member.Id);
        Assert.Equal((MovementStatus.Refused, RefusalCodes.ApprovalExpired), (expired!.Status, expired.Refusal!.Code));
        Assert.Equal(RefusalCodes.NotPending, (await Assert.ThrowsAsync<WalletRefusedException>(() => Approvals(sw).Decide(owner.Id, forgotten.MovementId, approve: true))).Code);
        var view = await fixture.Grains.GetGrain<IWalletGrain>(sw.WalletId).GetView(member.Id);
        Assert.Equal((20_000L, 20_000L), (view.Balance, view.Available));
        Assert.Equal(0, await Settled(shop));
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    [Fact]
    public async Task An_approved_payment_still_meets_the_rules_when_it_is_made_and_only_the_family_answers()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, ownerWallet, member, sw, shop) = await Funded(new SubWalletRules { ApprovalAbove = 1_000 });
        var waiting = await Families.Pay(member, sw.WalletId, shop, 4_000);

        Assert.Equal(RefusalCodes.FamilyRoleRequired, (await Assert.ThrowsAsync<WalletRefusedException>(() => Approvals(sw).Decide(member.Id, waiting.MovementId, approve: true))).Code);
        var stranger = await _bank.NewCustomer();
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => Approvals(sw).Decide(stranger.Id, waiting.MovementId, approve: true))).Code);
        await Families.SubWallet(sw.SubWalletId).ChangeRules(owner.Id, new SubWalletRules { ApprovalAbove = 1_000, DailyLimit = 3_000 });
        var approved = await Approvals(sw).Decide(owner.Id, waiting.MovementId, approve: true);

        Assert.Equal((MovementStatus.Refused, RefusalCodes.LimitExceeded), (approved.Status, approved.Refusal!.Code));
        var view = await fixture.Grains.GetGrain<IWalletGrain>(sw.WalletId).GetView(member.Id);
        Assert.Equal((20_000L, 20_000L), (view.Balance, view.Available));
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    [Fact]
    public async Task An_approval_does_not_answer_the_banks_review_of_a_member_put_under_it_meanwhile()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, ownerWallet, member, sw, shop) = await Funded(new SubWalletRules { ApprovalAbove = 1_000 });
        var waiting = await Families.Pay(member, sw.WalletId, shop, 4_000);
        await fixture.Grains.GetGrain<Wallet.Customers.ICustomerGrain>(member.Id).Restrict(Wallet.Risk.Restriction.Review);

        var approved = await Approvals(sw).Decide(owner.Id, waiting.MovementId, approve: true);

        Assert.Equal((MovementStatus.Refused, RefusalCodes.HeldForReview), (approved.Status, approved.Refusal!.Code));
        var view = await fixture.Grains.GetGrain<IWalletGrain>(sw.WalletId).GetView(member.Id);
        Assert.Equal((20_000L, 20_000L), (view.Balance, view.Available));
        await fixture.Grains.GetGrain<Wallet.Customers.ICustomerGrain>(member.Id).Restrict(Wallet.Risk.Restriction.None);
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    [Fact]
    public async Task A_sub_wallet_that_ends_while_a_payment_awaits_gives_back_what_is_free_now_and_the_rest_once_it_is_let_go()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, ownerWallet, member, sw, shop) = await Funded(new SubWalletRules { ApprovalAbove = 1_000 });
        var waiting = await Families.Pay(member, sw.WalletId, shop, 6_000);

        await Families.SubWallet(sw.SubWalletId).End("the family closed it");
        Assert.Equal(1_000_000L - 20_000 + 14_000, await _bank.Balance(owner, ownerWallet)); // what was free went back; the held ¥60.00 stays for the payment
        await Approvals(sw).Decide(owner.Id, waiting.MovementId, approve: false);
        await Families.SubWallet(sw.SubWalletId).FollowUp();
        await Families.SubWallet(sw.SubWalletId).FollowUp();

        Assert.Equal((1_000_000L, 0L), (await _bank.Balance(owner, ownerWallet), await _bank.Balance(member, sw.WalletId)));
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    private async Task<(TestCustomer Owner, string OwnerWallet, TestCustomer Member, SubWalletView SubWallet, (string MerchantId, string QrCodeId) Shop)> Funded(SubWalletRules rules)
    {
        var (owner, ownerWallet, familyId) = await Families.NewFamily();
        var member = await Families.Join(familyId, owner);
        var sw = await Families.OpenSubWallet(familyId, owner, member, rules);
        Assert.Equal(MovementStatus.Completed, (await Families.TopUp(owner, ownerWallet, sw.SubWalletId, 20_000)).Status);
        return (owner, ownerWallet, member, sw, await Families.Merchant());
    }

    private ISubWalletApprovalsGrain Approvals(SubWalletView sw) => fixture.Grains.GetGrain<ISubWalletApprovalsGrain>(sw.SubWalletId);

    private async Task<long> Settled((string MerchantId, string QrCodeId) shop)
    {
        var facts = await fixture.Grains.GetGrain<Wallet.Merchants.IMerchantGrain>(shop.MerchantId).GetFacts();
        return await fixture.Grains.GetGrain<IWalletGrain>(facts!.SettlementWalletId).ReadBalance();
    }

    private async Task<IReadOnlyList<Notification>> Inbox(TestCustomer customer)
        => (await fixture.Grains.GetGrain<INotificationInboxGrain>(customer.Id).List(null, 100)).Items;
}
