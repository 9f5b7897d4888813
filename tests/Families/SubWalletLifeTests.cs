using Wallet.Families;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Families;

/// <summary>
/// A sub-wallet's life on the fake clock: topped up and taken back by its family, told to its owner payment by payment or
/// in a daily summary, and ended by its end date or its member leaving, when what is left goes back exactly once.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class SubWalletLifeTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;
    private FamilyScenario Families => new(fixture.Grains, _bank);

    [Fact]
    public async Task The_family_takes_back_everything_left_once_and_its_member_may_not()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, ownerWallet, familyId) = await Families.NewFamily(100_000);
        var member = await Families.Join(familyId, owner);
        var sw = await Families.OpenSubWallet(familyId, owner, member);
        await Families.TopUp(owner, ownerWallet, sw.SubWalletId, 30_000);
        await Families.Pay(member, sw.WalletId, await Families.Merchant(), 1_000);

        var back = await Families.TakeBack(owner, sw.SubWalletId, ownerWallet, "back");
        var again = await Families.TakeBack(owner, sw.SubWalletId, ownerWallet, "back");

        Assert.Equal((MovementStatus.Completed, 29_000L), (back.Status, back.Amount));
        Assert.True(again.Replayed);
        Assert.Equal((100_000L - 1_000, 0L), (await _bank.Balance(owner, ownerWallet), await _bank.Balance(member, sw.WalletId)));
        var empty = await Assert.ThrowsAsync<WalletRefusedException>(() => Families.TakeBack(owner, sw.SubWalletId, ownerWallet));
        Assert.Equal(RefusalCodes.NothingToTakeBack, empty.Code);
        var memberOwn = await _bank.OpenWallet(member);
        var self = await Assert.ThrowsAsync<WalletRefusedException>(() => Families.TakeBack(member, sw.SubWalletId, memberOwn));
        Assert.Equal(RefusalCodes.FamilyRoleRequired, self.Code);
        var (stranger, strangerWallet) = await _bank.FundedCustomer(100);
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => Families.TakeBack(stranger, sw.SubWalletId, strangerWallet))).Code);
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    [Fact]
    public async Task After_its_end_date_a_sub_wallet_pays_nothing_and_what_is_left_goes_back_once_however_often_it_is_followed_up()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, ownerWallet, familyId) = await Families.NewFamily(100_000);
        var member = await Families.Join(familyId, owner);
        var sw = await Families.OpenSubWallet(familyId, owner, member, new SubWalletRules { EndDate = new DateOnly(2026, 12, 1) });
        await Families.TopUp(owner, ownerWallet, sw.SubWalletId, 20_000);
        var shop = await Families.Merchant();
        Assert.Equal(MovementStatus.Completed, (await Families.Pay(member, sw.WalletId, shop, 500)).Status);

        fixture.SetShanghaiTime(2026, 12, 2, 0, 0);
        var late = await Families.Pay(member, sw.WalletId, shop, 500);
        Assert.Equal(RefusalCodes.SubWalletEnded, late.Refusal?.Code);
        var views = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Families.SubWallet(sw.SubWalletId).FollowUp()));
        await Families.SubWallet(sw.SubWalletId).End("asked again");

        Assert.Contains(views, v => v.EndedAt is not null);
        Assert.Equal((100_000L - 500, 0L), (await _bank.Balance(owner, ownerWallet), await _bank.Balance(member, sw.WalletId)));
        var entries = await _bank.Entries(owner, ownerWallet);
        Assert.Single(entries, e => e.Kind == Wallet.Wallets.MovementKind.FamilyTakeBack);
        var topUp = await Assert.ThrowsAsync<WalletRefusedException>(() => Families.TopUp(owner, ownerWallet, sw.SubWalletId, 100));
        Assert.Equal(RefusalCodes.SubWalletEnded, topUp.Code);
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    [Fact]
    public async Task A_member_who_leaves_ends_their_sub_wallet_and_its_money_goes_back_to_the_guardian_who_funded_it()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, _, familyId) = await Families.NewFamily();
        var guardian = await Families.Join(familyId, owner, FamilyRole.Guardian);
        var guardianWallet = await _bank.OpenWallet(guardian);
        await _bank.TopUp(guardian, guardianWallet, await _bank.BindVerifiedCard(guardian), 50_000);
        var member = await Families.Join(familyId, guardian);
        var sw = await Families.OpenSubWallet(familyId, guardian, member);
        await Families.TopUp(guardian, guardianWallet, sw.SubWalletId, 12_000);

        await Families.Family(familyId).Leave(member.Id);

        Assert.NotNull((await Families.SubWallet(sw.SubWalletId).View(owner.Id)).EndedAt);
        Assert.Equal((50_000L, 0L), (await _bank.Balance(guardian, guardianWallet), await _bank.Balance(member, sw.WalletId)));
        Assert.Null(await Families.Family(familyId).RoleOf(member.Id));
        await _bank.AssertBalanced(guardianWallet, sw.WalletId);
    }

    [Fact]
    public async Task The_owner_is_told_of_each_payment_or_once_a_day_as_they_chose()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, ownerWallet, familyId) = await Families.NewFamily();
        var child = await Families.Join(familyId, owner);
        var teen = await Families.Join(familyId, owner);
        var each = await Families.OpenSubWallet(familyId, owner, child);
        var daily = await Families.OpenSubWallet(familyId, owner, teen, new SubWalletRules { Notices = PaymentNotices.DailySummary });
        await Families.TopUp(owner, ownerWallet, each.SubWalletId, 10_000);
        await Families.TopUp(owner, ownerWallet, daily.SubWalletId, 10_000);
        var shop = await Families.Merchant();

        var paid = await Families.Pay(child, each.WalletId, shop, 300);
        await Families.Pay(teen, daily.WalletId, shop, 200);
        await Families.Pay(teen, daily.WalletId, shop, 100);

        await Eventually.Until(async () => (await Inbox(owner)).Any(n => n.Kind == "sub_wallet_payment" && n.Reference == paid.MovementId), "the owner told of the child's payment");
        await Families.SubWallet(daily.SubWalletId).FollowUp();
        Assert.DoesNotContain(await Inbox(owner), n => n.Kind == "sub_wallet_summary"); // the day is not over
        fixture.SetShanghaiTime(2026, 12, 2, 8, 0);
        await Families.SubWallet(daily.SubWalletId).FollowUp();
        await Families.SubWallet(daily.SubWalletId).FollowUp();

        var inbox = await Inbox(owner);
        var summary = Assert.Single(inbox, n => n.Kind == "sub_wallet_summary");
        Assert.Contains("2 payment(s)", summary.Body, StringComparison.Ordinal);
        Assert.Contains("3.00 CNY", summary.Body, StringComparison.Ordinal);
        Assert.Single(inbox, n => n.Kind == "sub_wallet_payment");
    }

    [Fact]
    public async Task Every_payment_is_told_even_more_than_a_view_shows()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, ownerWallet, familyId) = await Families.NewFamily();
        var child = await Families.Join(familyId, owner);
        var sw = await Families.OpenSubWallet(familyId, owner, child, new SubWalletRules { Notices = PaymentNotices.DailySummary });
        await Families.TopUp(owner, ownerWallet, sw.SubWalletId, 10_000);
        var shop = await Families.Merchant();
        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(MovementStatus.Completed, (await Families.Pay(child, sw.WalletId, shop, 10 + i)).Status);
        }

        fixture.SetShanghaiTime(2026, 12, 2, 8, 0);
        await Families.SubWallet(sw.SubWalletId).FollowUp();

        var summary = Assert.Single(await Inbox(owner), n => n.Kind == "sub_wallet_summary");
        Assert.Contains("25 payment(s)", summary.Body, StringComparison.Ordinal);
        Assert.Equal(20, (await Families.SubWallet(sw.SubWalletId).View(owner.Id)).RecentPayments.Count);
    }

    private async Task<IReadOnlyList<Notification>> Inbox(TestCustomer customer)
        => (await fixture.Grains.GetGrain<INotificationInboxGrain>(customer.Id).List(null, 100)).Items;
}
