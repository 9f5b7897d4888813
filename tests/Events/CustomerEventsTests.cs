using System.Security.Cryptography;
using Wallet.Customers;
using Wallet.Events;
using Wallet.Refusals;
using Wallet.Risk;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Events;

/// <summary>
/// A customer's sign-ins, wrong PINs and device changes reach the risk monitor once each; one whose
/// publishing failed stays in the customer's outbox and goes out after the next change.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CustomerEventsTests(ClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task Sign_ins_wrong_pins_and_device_changes_are_each_an_event()
    {
        var alice = await _bank.NewCustomer();
        var access = fixture.Grains.GetGrain<ICustomerAccessGrain>(alice.Id);
        var credentials = fixture.Grains.GetGrain<IPaymentCredentialsGrain>(alice.Id);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        await access.SignIn(TestData.Password, null);
        await access.SignIn("wrong password", null);
        await Assert.ThrowsAsync<WalletRefusedException>(() => credentials.VerifyPaymentPin("000000"));
        var device = await credentials.RegisterDevice(Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()));
        await credentials.RemoveDevice(device.DeviceId);

        var signals = await Signals(alice.Id, 5);
        Assert.Equal([typeof(LoginSucceeded), typeof(LoginFailed), typeof(PinFailed), typeof(DeviceRegistered), typeof(DeviceRemoved)], signals.Select(s => s.GetType()));
        Assert.Equal((false, false), (((LoginFailed)signals[1]).Locked, ((PinFailed)signals[2]).Locked));
        Assert.Equal(device.DeviceId, ((DeviceRemoved)signals[4]).DeviceId);
        Assert.All(signals, s => Assert.Equal((alice.Id, 1), (s.CustomerId, s.Version)));
    }

    [Fact]
    public async Task Card_changes_and_a_wallets_freeze_unfreeze_and_hold_are_each_an_event()
    {
        var carol = await _bank.NewCustomer();
        var wallet = await _bank.OpenWallet(carol);
        var card = await _bank.BindVerifiedCard(carol);
        var wallets = fixture.Grains.GetGrain<IWalletStatusGrain>(wallet);

        await fixture.Grains.GetGrain<ICustomerGrain>(carol.Id).UnbindCard(card);
        await wallets.Freeze(carol.Id);
        await wallets.Freeze(carol.Id); // already frozen: no change, no event
        await wallets.SetStatus(WalletStatus.Active, new StatusNote("found the phone", "ops_test", DateTimeOffset.UtcNow));
        await wallets.SetStatus(WalletStatus.ReceiveOnly, new StatusNote("a court order", "ops_test", DateTimeOffset.UtcNow));

        var signals = await Signals(carol.Id, 5);
        Assert.Equal([typeof(CardBound), typeof(CardUnbound), typeof(WalletFrozen), typeof(WalletUnfrozen), typeof(WalletStatusChanged)], signals.Select(s => s.GetType()));
        Assert.Equal((card, card), (((CardBound)signals[0]).CardId, ((CardUnbound)signals[1]).CardId));
        Assert.Equal((wallet, WalletStatus.Active, WalletStatus.ReceiveOnly, "a court order", "ops_test"),
            (((WalletStatusChanged)signals[4]).WalletId, ((WalletStatusChanged)signals[4]).From, ((WalletStatusChanged)signals[4]).To,
            ((WalletStatusChanged)signals[4]).Note?.Reason, ((WalletStatusChanged)signals[4]).Note?.By));
    }

    [Fact]
    public async Task A_wallet_frozen_before_its_status_grain_reported_anything_is_unfrozen_with_the_event_that_says_so()
    {
        var dave = await _bank.NewCustomer();
        var wallet = await _bank.OpenWallet(dave);
        var book = fixture.Grains.GetGrain<IWalletBookkeepingGrain>(wallet);
        // Frozen as before the status grain: in the book and the wallet's copy, no report of the status grain's own.
        await fixture.Transactions.RunTransaction(TransactionOption.Create, () => book.Shift(new StatusChange(StatusChangeKind.Freeze)));
        await book.CopyStatus(WalletStatus.Frozen);

        var view = await fixture.Grains.GetGrain<IWalletStatusGrain>(wallet).Unfreeze(dave.Id);

        Assert.Equal(WalletStatus.Active, view.Status);
        Assert.Equal(WalletStatus.Active, (await fixture.Grains.GetGrain<IWalletGrain>(wallet).GetFacts())!.Status);
        Assert.Equal(wallet, Assert.IsType<WalletUnfrozen>(Assert.Single(await Signals(dave.Id, 1))).WalletId);
    }

    [Fact]
    public async Task An_event_whose_publishing_failed_goes_out_after_the_next_change_and_counts_once()
    {
        var bob = await _bank.NewCustomer();
        var customer = fixture.Grains.GetGrain<ICustomerAccessGrain>(bob.Id);
        await customer.SignIn(TestData.Password, null);
        await Signals(bob.Id, 1);
        PublishFaults.Fail(bob.Id, 1);

        await customer.SignIn("wrong password", null); // written with its event; publishing it fails
        await customer.SignIn(TestData.Password, null); // the next change publishes both

        var signals = await Signals(bob.Id, 3);
        Assert.Equal([typeof(LoginSucceeded), typeof(LoginFailed), typeof(LoginSucceeded)], signals.Select(s => s.GetType()));
        Assert.Equal(3, (await Monitor(bob.Id).GetSnapshot()).EventsCounted);
    }

    private IRiskMonitorGrain Monitor(string customerId) => fixture.Grains.GetGrain<IRiskMonitorGrain>(customerId);

    private async Task<IReadOnlyList<WalletEvent>> Signals(string customerId, int count)
        => (await Eventually.Value(() => Monitor(customerId).GetSnapshot(), s => s.RecentSignals.Count >= count, $"{count} events for {customerId}")).RecentSignals;
}
