using Wallet.Identity;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>The customer's wallets: each named by the idempotency key of the request that opened it.</summary>
public sealed partial class CustomerGrain
{
    /// <summary>
    /// The wallet's id comes from the customer and the key, so a replay reaches the same wallet, which knows the
    /// request that opened it: the same again gets the first answer, another is refused. Nothing here remembers keys.
    /// </summary>
    public async Task<Replayable<WalletView>> OpenWallet(string currency, IdempotentRequest request, string? subWalletId = null)
    {
        var state = State;
        var walletId = Ids.ForIdempotencyKey(IdPrefixes.Wallet, CustomerId, request.Key);
        if (!state.WalletIds.Contains(walletId) && !limits.Covers(currency))
        {
            // Without a rate to CNY the tier's limits could not be applied, and a wallet must never be unlimited by accident.
            throw new WalletRefusedException(RefusalCodes.CurrencyNotSupported, $"Wallets in {currency} are not offered: the bank has no reference rate for it.");
        }
        var opened = await GrainFactory.GetGrain<IWalletGrain>(walletId).Open(CustomerId, currency, state.Tier, request, subWalletId);
        if (!state.WalletIds.Contains(walletId))
        {
            // New, or opened before a crash kept it off the list: listed (and restricted) now.
            state.WalletIds.Add(walletId);
            if (state.Restriction >= Risk.Restriction.StepUp)
            {
                await RestrictWallets([walletId], state.Restriction); // before anyone can learn the wallet's id
            }
            await customer.WriteStateAsync();
        }
        return opened;
    }

    public async Task<IReadOnlyList<WalletView>> ListWallets()
        => await Task.WhenAll(State.WalletIds.Select(id => GrainFactory.GetGrain<IWalletGrain>(id).GetView(CustomerId)));

    public async Task<string?> FindReceivingWallet(string currency)
    {
        foreach (var walletId in State.WalletIds)
        {
            var facts = await GrainFactory.GetGrain<IWalletGrain>(walletId).GetFacts();
            if (facts is { Status: not WalletStatus.Closed, SubWalletId: null } && facts.Currency == currency)
            {
                return walletId;
            }
        }
        return null;
    }
}
