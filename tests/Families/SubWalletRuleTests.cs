using Wallet.Bills;
using Wallet.Families;
using Wallet.Limits;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Families;

/// <summary>
/// A sub-wallet's rules on the fake clock, each at its boundary: the member pays merchants from it with their own PIN, and
/// every debit meets the family's rules inside its own transaction; a refusal names its rule and moves nothing.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class SubWalletRuleTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;
    private FamilyScenario Families => new(fixture.Grains, _bank);

    [Fact]
    public async Task A_payment_may_be_the_per_payment_limit_and_the_day_may_reach_the_daily_limit_but_not_a_fen_more()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 10, 0);
        var (owner, ownerWallet, member, sw, shop) = await Funded(20_000, new SubWalletRules { PerPaymentLimit = 5_000, DailyLimit = 8_000 });

        Assert.Equal(MovementStatus.Completed, (await Families.Pay(member, sw.WalletId, shop, 5_000)).Status);
        var overOne = await Families.Pay(member, sw.WalletId, shop, 5_001);
        AssertLimit(overOne, LimitNames.SubWalletPerPayment, 5_000, 5_000);
        Assert.Equal(MovementStatus.Completed, (await Families.Pay(member, sw.WalletId, shop, 3_000)).Status);
        AssertLimit(await Families.Pay(member, sw.WalletId, shop, 1), LimitNames.SubWalletDaily, 8_000, 0);

        fixture.SetShanghaiTime(2026, 12, 2, 0, 0); // midnight in Beijing: a new day's limit
        Assert.Equal(MovementStatus.Completed, (await Families.Pay(member, sw.WalletId, shop, 1)).Status);

        var view = await Families.SubWallet(sw.SubWalletId).View(owner.Id);
        Assert.Equal((20_000L - 8_001, 1L, 3), (view.Balance, view.SpentToday, view.RecentPayments.Count));
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    [Fact]
    public async Task A_child_pays_until_a_second_before_ten_at_night_and_from_seven_in_the_morning()
    {
        var rules = new SubWalletRules { PaysFrom = new TimeOnly(7, 0), PaysUntil = new TimeOnly(22, 0) };
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (_, ownerWallet, member, sw, shop) = await Funded(10_000, rules);

        fixture.SetShanghaiTime(2026, 12, 1, 21, 59, 59);
        Assert.Equal(MovementStatus.Completed, (await Families.Pay(member, sw.WalletId, shop, 100)).Status);
        fixture.SetShanghaiTime(2026, 12, 1, 22, 0, 0);
        AssertRefused(await Families.Pay(member, sw.WalletId, shop, 100), RefusalCodes.OutsideAllowedHours);
        fixture.SetShanghaiTime(2026, 12, 2, 6, 59, 59);
        AssertRefused(await Families.Pay(member, sw.WalletId, shop, 100), RefusalCodes.OutsideAllowedHours);
        fixture.SetShanghaiTime(2026, 12, 2, 7, 0, 0);
        Assert.Equal(MovementStatus.Completed, (await Families.Pay(member, sw.WalletId, shop, 100)).Status);

        Assert.Equal(9_800, await _bank.Balance(member, sw.WalletId));
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    [Fact]
    public async Task A_window_that_passes_midnight_lets_pay_late_and_early_but_not_in_the_day()
    {
        var overnight = new SubWalletRules { PaysFrom = new TimeOnly(22, 0), PaysUntil = new TimeOnly(6, 0) };
        Assert.True(SubWalletRuleBook.WithinHours(overnight, new TimeOnly(23, 30)));
        Assert.True(SubWalletRuleBook.WithinHours(overnight, new TimeOnly(5, 59, 59)));
        Assert.False(SubWalletRuleBook.WithinHours(overnight, new TimeOnly(6, 0)));
        Assert.False(SubWalletRuleBook.WithinHours(overnight, new TimeOnly(21, 59, 59)));
        Assert.True(SubWalletRuleBook.WithinHours(new SubWalletRules(), new TimeOnly(3, 0)));
        Assert.False(SubWalletRuleBook.WithinHours(new SubWalletRules { PaysUntil = new TimeOnly(20, 0) }, new TimeOnly(20, 0)));
        Assert.True(SubWalletRuleBook.WithinHours(new SubWalletRules { PaysFrom = new TimeOnly(8, 0) }, new TimeOnly(8, 0)));
    }

    [Fact]
    public async Task A_category_or_a_merchant_outside_the_rules_is_refused_by_name_and_nothing_moves()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var electronics = await Families.Merchant("5732");
        var grocer = await Families.Merchant("5411");
        var canteen = await Families.Merchant("5812");
        var rules = new SubWalletRules { AllowedCategories = [SpendingCategory.Groceries, SpendingCategory.Dining], BlockedMerchants = [canteen.MerchantId] };
        var (owner, ownerWallet, member, sw, _) = await Funded(10_000, rules, grocer);

        AssertRefused(await Families.Pay(member, sw.WalletId, electronics, 100), RefusalCodes.CategoryNotAllowed);
        AssertRefused(await Families.Pay(member, sw.WalletId, canteen, 100), RefusalCodes.MerchantNotAllowed);
        Assert.Equal(MovementStatus.Completed, (await Families.Pay(member, sw.WalletId, grocer, 100)).Status);

        await Families.SubWallet(sw.SubWalletId).ChangeRules(owner.Id, new SubWalletRules { AllowedMerchants = [canteen.MerchantId] });
        AssertRefused(await Families.Pay(member, sw.WalletId, grocer, 100), RefusalCodes.MerchantNotAllowed);
        Assert.Equal(MovementStatus.Completed, (await Families.Pay(member, sw.WalletId, canteen, 100)).Status);

        Assert.Equal(9_800, await _bank.Balance(member, sw.WalletId));
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    [Fact]
    public async Task A_sub_wallet_pays_merchants_only_and_takes_money_only_from_its_family()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (_, ownerWallet, member, sw, _) = await Funded(10_000, new SubWalletRules());
        var memberOwn = await _bank.OpenWallet(member);
        var (friend, friendWallet) = await _bank.FundedCustomer(5_000);

        AssertRefused(await _bank.Transfer(member, sw.WalletId, memberOwn, 100), RefusalCodes.NotForSubWallet);
        AssertRefused(await _bank.Withdraw(member, sw.WalletId, await _bank.BindVerifiedCard(member), 100), RefusalCodes.NotForSubWallet);
        AssertRefused(await _bank.Transfer(friend, friendWallet, sw.WalletId, 100), RefusalCodes.NotForSubWallet);

        Assert.Equal((10_000L, 0L, 5_000L), (await _bank.Balance(member, sw.WalletId), await _bank.Balance(member, memberOwn), await _bank.Balance(friend, friendWallet)));
        await _bank.AssertBalanced(ownerWallet, sw.WalletId, memberOwn, friendWallet);
    }

    [Fact]
    public async Task A_frozen_sub_wallet_pays_nothing_until_the_family_lets_it_and_its_member_may_not()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, _, member, sw, shop) = await Funded(10_000, new SubWalletRules());
        var subWallet = Families.SubWallet(sw.SubWalletId);

        Assert.True((await subWallet.SetFrozen(owner.Id, frozen: true)).Frozen);
        AssertRefused(await Families.Pay(member, sw.WalletId, shop, 100), RefusalCodes.WalletFrozen);
        var self = await Assert.ThrowsAsync<WalletRefusedException>(() => subWallet.SetFrozen(member.Id, frozen: false));
        Assert.Equal(RefusalCodes.FamilyRoleRequired, self.Code);
        Assert.False((await subWallet.SetFrozen(owner.Id, frozen: false)).Frozen);
        Assert.Equal(MovementStatus.Completed, (await Families.Pay(member, sw.WalletId, shop, 100)).Status);
    }

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task A_hundred_payments_at_once_never_pass_the_daily_limit_together()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, ownerWallet, member, sw, shop) = await Funded(50_000, new SubWalletRules { DailyLimit = 10_000 });

        var receipts = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
        {
            var key = $"snack {i}";
            return Scenario.AsAClientWould(() => Families.Pay(member, sw.WalletId, shop, 150, key));
        }));

        var paid = receipts.Where(r => r.Status == MovementStatus.Completed).ToList();
        Assert.Equal(66, paid.Count); // 66 × ¥1.50 = ¥99.00; a 67th would pass ¥100.00
        Assert.All(receipts.Except(paid), r => Assert.Equal((RefusalCodes.LimitExceeded, LimitNames.SubWalletDaily), (r.Refusal!.Code, r.Refusal.Limit!.Name)));
        var view = await Families.SubWallet(sw.SubWalletId).View(owner.Id);
        Assert.Equal((9_900L, 50_000L - 9_900), (view.SpentToday, view.Balance));
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task The_family_reads_the_sub_wallet_while_its_member_pays_and_neither_waits_on_the_other()
    {
        fixture.SetShanghaiTime(2026, 12, 1, 12, 0);
        var (owner, ownerWallet, member, sw, shop) = await Funded(50_000, new SubWalletRules { DailyLimit = 50_000 });

        // A view reads the wallet, then the guard: the order a payment locks them in (the other order deadlocked under load).
        var payments = Enumerable.Range(0, 40).Select(i => Families.Pay(member, sw.WalletId, shop, 100, $"pay {i}"));
        var views = Enumerable.Range(0, 40).Select(_ => Families.SubWallet(sw.SubWalletId).View(owner.Id));
        var paid = await Task.WhenAll(payments);
        await Task.WhenAll(views);

        Assert.All(paid, p => Assert.Equal(MovementStatus.Completed, p.Status));
        Assert.Equal(4_000, (await Families.SubWallet(sw.SubWalletId).View(owner.Id)).SpentToday);
        await _bank.AssertBalanced(ownerWallet, sw.WalletId);
    }

    private async Task<(TestCustomer Owner, string OwnerWallet, TestCustomer Member, SubWalletView SubWallet, (string MerchantId, string QrCodeId) Shop)> Funded(
        long amount, SubWalletRules rules, (string MerchantId, string QrCodeId)? shop = null)
    {
        var (owner, ownerWallet, familyId) = await Families.NewFamily();
        var member = await Families.Join(familyId, owner);
        var sw = await Families.OpenSubWallet(familyId, owner, member, rules);
        var topUp = await Families.TopUp(owner, ownerWallet, sw.SubWalletId, amount);
        Assert.True(topUp.Status == MovementStatus.Completed, $"{topUp.Refusal}");
        return (owner, ownerWallet, member, sw, shop ?? await Families.Merchant());
    }

    private static void AssertRefused(MovementOutcome receipt, string code)
        => Assert.True(receipt.Status == MovementStatus.Refused && receipt.Refusal!.Code == code, $"expected {code}, was {receipt.Status} {receipt.Refusal}");

    private static void AssertLimit(MovementOutcome receipt, string limit, long amount, long remaining)
    {
        AssertRefused(receipt, RefusalCodes.LimitExceeded);
        Assert.Equal((limit, amount, remaining), (receipt.Refusal!.Limit!.Name, receipt.Refusal.Limit.Amount, receipt.Refusal.Limit.Remaining));
    }
}
