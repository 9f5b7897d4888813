using Wallet.Customers;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Merchants;

/// <summary>An authorisation lets go by itself when it expires (the reminder's tick), and cannot be captured after.</summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class AuthorizationExpiryTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task An_expired_hold_is_let_go_on_the_reminders_tick_and_capture_is_refused()
    {
        fixture.SetShanghaiTime(2026, 11, 1, 10, 0);
        var (merchant, _) = await _bank.NewMerchant("Hotel", "7011", "Xiamen");
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        var code = await fixture.Grains.GetGrain<IPayerGrain>(alice.Id).IssuePaymentCode(wallet);
        var authorization = fixture.Grains.GetGrain<IAuthorisationGrain>($"au_{Guid.NewGuid():N}");
        var held = await authorization.Authorize(new AuthorizationOrder(merchant.GetPrimaryKeyString(), "deposit", code.Code, 6_000, "CNY", "ROOM-12"));
        Assert.Equal(4_000, (await Wallet(alice, wallet)).Available);

        fixture.Clock.Set(held.ExpiresAt.AddSeconds(-1));
        await authorization.AsReference<IRemindable>().ReceiveReminder("authorization-expiry", default); // early: nothing happens
        Assert.Equal(4_000, (await Wallet(alice, wallet)).Available);
        fixture.Clock.Set(held.ExpiresAt);
        await authorization.AsReference<IRemindable>().ReceiveReminder("authorization-expiry", default);

        var view = await Wallet(alice, wallet);
        Assert.Equal((10_000L, 10_000L), (view.Balance, view.Available));
        var capture = await authorization.Capture(merchant.GetPrimaryKeyString(), 1_000);
        Assert.Equal((MovementStatus.Voided, RefusalCodes.AuthorizationExpired), (capture.Status, capture.Refusal?.Code));
        await _bank.AssertBalanced(wallet);
    }

    private Task<WalletView> Wallet(TestCustomer owner, string wallet) => fixture.Grains.GetGrain<IWalletGrain>(wallet).GetView(owner.Id);
}
