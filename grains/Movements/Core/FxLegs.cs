using Wallet.Fx;
using Wallet.Ledger;
using Wallet.Refusals;

namespace Wallet.Movements;

/// <summary>
/// What a movement between two currencies does besides its wallets: the rate it converts at, and the bank's FX
/// positions. Apart from the movement core, which is about committing exactly once, not about currencies.
/// </summary>
public sealed class FxLegs(IGrainFactory grains, string movementId)
{
    /// <summary>The pair's rates now, as the FX desk prices them (<c>currency_not_supported</c> for a currency the bank does not offer).</summary>
    public Task<FxRate> Rate(string from, string to) => grains.GetGrain<IFxDeskGrain>(0).Rate(new CurrencyPair(from, to));

    /// <summary>
    /// A merchant's price in its currency, paid from a wallet in another: the wallet pays it converted at the bank's buy
    /// rate of the moment, rounded up (the payment's quote); null when the two currencies are the same.
    /// </summary>
    public async Task<Exchanged?> PriceFrom(string walletCurrency, long price, string currency)
    {
        if (walletCurrency == currency)
        {
            return null;
        }
        var rate = await Rate(walletCurrency, currency);
        return new Exchanged(FxArithmetic.Pays(price, rate.Buy, rate.Pair), walletCurrency, rate.Buy);
    }

    /// <summary>Inside a payment's transaction, after its wallets: the FX positions take the wallet's side and the merchant's.</summary>
    public async Task<Refusal?> PaidAcross(Exchanged exchange, long price, string currency, string walletId)
    {
        await PositionsMove(exchange.WalletCurrency, exchange.WalletAmount, currency, price, walletId);
        return null;
    }

    /// <summary>
    /// Inside the committing transaction: the bank's FX position goes up by what it took in one currency and down by
    /// what it gave in the other, so each currency's books still sum to zero. Sharded by <paramref name="walletId"/>.
    /// </summary>
    public async Task PositionsMove(string tookCurrency, long took, string gaveCurrency, long gave, string walletId)
    {
        await Position(tookCurrency, walletId).Post(movementId, took);
        await Position(gaveCurrency, walletId).Post(movementId, -gave);
    }

    private IClearingAccountGrain Position(string currency, string walletId)
        => grains.GetGrain<IClearingAccountGrain>(ClearingAccounts.KeyFor(ClearingAccounts.FxPosition, currency, walletId));
}
