using Wallet.Cards;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Customers;

/// <summary>
/// Wallets and cards are named by the idempotency key of the request that made them, and each recognises
/// that request again itself: the customer keeps no list of past creations.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class CreationReplayTests(ClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task A_wallet_is_named_by_its_key_and_the_wallet_itself_recognises_the_request_again()
    {
        var alice = await _bank.NewCustomer();
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(alice.Id);
        var request = new IdempotentRequest("open-1", "fingerprint");

        var first = await customer.OpenWallet("CNY", request);
        var again = await customer.OpenWallet("CNY", request);
        var atTheWallet = await fixture.Grains.GetGrain<IWalletGrain>(first.Value.WalletId).Open(alice.Id, "CNY", CustomerTiers.Lowest, request, null);
        var reused = await Assert.ThrowsAsync<WalletRefusedException>(() => customer.OpenWallet("CNY", request with { Fingerprint = "another" }));

        Assert.Equal(Ids.ForIdempotencyKey("wal", alice.Id, "open-1"), first.Value.WalletId);
        Assert.Equal((false, true, true), (first.Replayed, again.Replayed, atTheWallet.Replayed));
        Assert.Equal(first.Value, again.Value);
        Assert.Equal(first.Value, atTheWallet.Value);
        Assert.Equal(RefusalCodes.IdempotencyKeyReused, reused.Code);
        Assert.Equal([first.Value.WalletId], (await customer.ListWallets()).Select(w => w.WalletId));
    }

    [Fact]
    public async Task A_wallet_opened_before_a_crash_kept_it_off_the_customer_s_list_is_listed_by_the_replay()
    {
        var alice = await _bank.NewCustomer();
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(alice.Id);
        var request = new IdempotentRequest("open-after-crash", "fingerprint");
        var walletId = Ids.ForIdempotencyKey("wal", alice.Id, request.Key);
        await fixture.Grains.GetGrain<IWalletGrain>(walletId).Open(alice.Id, "CNY", CustomerTiers.Lowest, request, null); // the wallet opened, the customer never wrote

        var replay = await customer.OpenWallet("CNY", request);

        Assert.Equal((walletId, true), (replay.Value.WalletId, replay.Replayed));
        Assert.Equal([walletId], (await customer.ListWallets()).Select(w => w.WalletId));
    }

    [Fact]
    public async Task A_card_is_named_by_its_key_its_binding_recognises_the_request_again_and_an_unbound_card_stays_unbound()
    {
        var alice = await _bank.NewCustomer();
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(alice.Id);
        var request = new IdempotentRequest("bind-1", "fingerprint");
        var application = new CardApplication(TestData.Card(), "Han Meimei", alice.Phone);

        var first = await customer.BindCard(application, request);
        var again = await customer.BindCard(application, request);
        var reused = await Assert.ThrowsAsync<WalletRefusedException>(() => customer.BindCard(application, request with { Fingerprint = "another" }));
        await customer.UnbindCard(first.Value.CardId);
        var afterUnbinding = await customer.BindCard(application, request);

        Assert.Equal(Ids.ForIdempotencyKey("card", alice.Id, "bind-1"), first.Value.CardId);
        Assert.Equal((false, true, true), (first.Replayed, again.Replayed, afterUnbinding.Replayed));
        Assert.Equal(first.Value, again.Value);
        Assert.Equal(first.Value, afterUnbinding.Value);
        Assert.Equal(RefusalCodes.IdempotencyKeyReused, reused.Code);
        Assert.Empty((await customer.GetProfile()).Cards);
    }
}
