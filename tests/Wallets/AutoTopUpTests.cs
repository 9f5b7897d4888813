using Wallet.Customers;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Wallets;

/// <summary>
/// A wallet's auto top-up: a QR payment the wallet lacks the money for tops up from the owner's card first (the shortfall,
/// rounded to the amount chosen, within the day's cap), then pays; retried under its key, it tops up once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AutoTopUpTests(ClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task A_payment_short_of_money_tops_up_the_rounded_shortfall_first_and_its_retries_top_up_no_more()
    {
        var (customer, wallet, card) = await Customer(1_000);
        await AutoTopUp(wallet).Set(customer.Id, new AutoTopUpSettings(card, 10_000, RoundTo: 5_000));
        var shop = await Shop();

        var first = await Pay(customer, wallet, shop, 3_000, "short");
        var again = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Pay(customer, wallet, shop, 3_000, "short")));

        Assert.Equal(MovementStatus.Completed, first.Status);
        Assert.Equal(5_000, first.AutoTopUp!.Amount); // ¥20.00 short, rounded up to ¥50.00
        Assert.All(again, r => Assert.Equal((first.MovementId, first.AutoTopUp), (r.MovementId, r.AutoTopUp)));
        Assert.Equal(1_000 + 5_000 - 3_000, await _bank.Balance(customer, wallet));
        Assert.Equal(2, (await _bank.Entries(customer, wallet)).Count(e => e.Kind == MovementKind.TopUp)); // the first funding and the auto top-up
        Assert.Equal(5_000, (await AutoTopUp(wallet).Find(customer.Id))!.UsedToday);
        await _bank.AssertBalanced(wallet, shop.SettlementWallet);
    }

    [Fact]
    public async Task The_day_s_cap_bounds_what_is_topped_up_and_a_payment_it_cannot_cover_is_refused_with_nothing_topped_up()
    {
        var (customer, wallet, card) = await Customer(1_000);
        await AutoTopUp(wallet).Set(customer.Id, new AutoTopUpSettings(card, 3_000, RoundTo: 5_000));
        var shop = await Shop();

        var shortfallOnly = await Pay(customer, wallet, shop, 3_000, "first"); // ¥50.00 would pass the ¥30.00 cap: just the ¥20.00 short
        var overCap = await Pay(customer, wallet, shop, 2_000, "second");      // ¥20.00 short, ¥10.00 of the cap left

        Assert.Equal((MovementStatus.Completed, 2_000L), (shortfallOnly.Status, shortfallOnly.AutoTopUp!.Amount));
        Assert.Equal((MovementStatus.Refused, RefusalCodes.InsufficientFunds, null), (overCap.Status, overCap.Refusal!.Code, overCap.AutoTopUp));
        Assert.Equal((0L, 2_000L), (await _bank.Balance(customer, wallet), (await AutoTopUp(wallet).Find(customer.Id))!.UsedToday));
        await _bank.AssertBalanced(wallet, shop.SettlementWallet);
    }

    [Fact]
    public async Task A_card_that_declines_tops_up_nothing_and_leaves_the_cap_whole_and_a_stranger_may_not_set_it()
    {
        var (customer, wallet, _) = await Customer(500);
        var declining = await _bank.BindVerifiedCard(customer, TestData.DecliningCard());
        await AutoTopUp(wallet).Set(customer.Id, new AutoTopUpSettings(declining, 10_000, RoundTo: null));
        var shop = await Shop();

        var refused = await Pay(customer, wallet, shop, 800, "declined");

        Assert.Equal((MovementStatus.Refused, RefusalCodes.InsufficientFunds), (refused.Status, refused.Refusal!.Code));
        Assert.Equal((500L, 0L), (await _bank.Balance(customer, wallet), (await AutoTopUp(wallet).Find(customer.Id))!.UsedToday));
        var (stranger, strangerWallet, strangerCard) = await Customer(100);
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => AutoTopUp(wallet).Set(stranger.Id, new AutoTopUpSettings(strangerCard, 100, null)))).Code);
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => AutoTopUp(strangerWallet).Set(stranger.Id, new AutoTopUpSettings(declining, 100, null)))).Code);
        await AutoTopUp(wallet).Remove(customer.Id);
        Assert.Null(await AutoTopUp(wallet).Find(customer.Id));
    }

    private async Task<(TestCustomer Customer, string Wallet, string Card)> Customer(long funds)
    {
        var customer = await _bank.NewCustomer();
        var wallet = await _bank.OpenWallet(customer);
        var card = await _bank.BindVerifiedCard(customer);
        Assert.Equal(MovementStatus.Completed, (await _bank.TopUp(customer, wallet, card, funds)).Status);
        return (customer, wallet, card);
    }

    private async Task<(string MerchantId, string QrCodeId, string SettlementWallet)> Shop()
    {
        var (merchant, onboarded) = await _bank.NewMerchant();
        return (onboarded.MerchantId, (await merchant.IssueQrCode(null, "CNY", null, null)).Code.QrCodeId, onboarded.SettlementWalletId);
    }

    private Task<PaymentReceipt> Pay(TestCustomer payer, string wallet, (string MerchantId, string QrCodeId, string SettlementWallet) shop, long amount, string key)
        => fixture.Grains.GetGrain<IQrPaymentGrain>(MovementIds.For(Workflow.QrPayment, payer.Id, key))
            .Pay(new PaymentOrder(payer.Id, $"pay {shop.MerchantId} {amount}", wallet, shop.MerchantId, shop.QrCodeId, amount, "CNY", PaymentAuthorisation.WithPin(TestData.Pin)));

    private IAutoTopUpGrain AutoTopUp(string wallet) => fixture.Grains.GetGrain<IAutoTopUpGrain>(wallet);
}
