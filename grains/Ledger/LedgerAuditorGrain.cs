using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Ledger;

/// <summary>
/// Reads every wallet and clearing balance inside one transaction, so the sum is a snapshot even
/// while money moves, and reports per currency whether the books sum to zero.
/// </summary>
[StatelessWorker]
public sealed class LedgerAuditorGrain(ITransactionClient transactions, ILogger<LedgerAuditorGrain> logger) : Grain, ILedgerAuditorGrain
{
    public async Task<LedgerCheck> Check()
    {
        var walletIds = (await Task.WhenAll(LedgerIndex.WalletShardKeys().Select(k => GrainFactory.GetGrain<ILedgerIndexGrain>(k).List())))
            .SelectMany(ids => ids).ToList();
        var clearingIds = await GrainFactory.GetGrain<ILedgerIndexGrain>(LedgerIndex.ClearingKey).List();
        var facts = await Task.WhenAll(walletIds.Select(id => GrainFactory.GetGrain<IWalletGrain>(id).GetFacts()));

        long[] walletBalances = [], clearingBalances = [];
        await TransactionRetry.Run(logger, "ledger check", () => transactions.RunTransaction(TransactionOption.Create, async () =>
        {
            walletBalances = await Task.WhenAll(walletIds.Select(id => GrainFactory.GetGrain<IWalletGrain>(id).ReadBalance()));
            clearingBalances = await Task.WhenAll(clearingIds.Select(id => GrainFactory.GetGrain<IClearingAccountGrain>(id).ReadBalance()));
        }));

        var currencies = new Dictionary<string, (long Wallets, long Clearing)>(StringComparer.Ordinal);
        for (var i = 0; i < walletIds.Count; i++)
        {
            var currency = facts[i]?.Currency ?? "";
            var totals = currencies.GetValueOrDefault(currency);
            currencies[currency] = (checked(totals.Wallets + walletBalances[i]), totals.Clearing);
        }
        for (var i = 0; i < clearingIds.Count; i++)
        {
            var currency = ClearingAccounts.CurrencyOf(clearingIds[i]);
            var totals = currencies.GetValueOrDefault(currency);
            currencies[currency] = (totals.Wallets, checked(totals.Clearing + clearingBalances[i]));
        }
        currencies.Remove("", out var unopened);
        var perCurrency = currencies.ToDictionary(c => c.Key, c => new CurrencyTotals(c.Value.Wallets, c.Value.Clearing, c.Value.Wallets + c.Value.Clearing));
        var walletSum = walletBalances.Sum();
        var clearingSum = clearingBalances.Sum();
        return new LedgerCheck(
            Balanced: perCurrency.Values.All(t => t.Total == 0) && unopened.Wallets == 0,
            Total: walletSum + clearingSum,
            Wallets: walletSum,
            Clearing: clearingSum,
            WalletCount: walletIds.Count,
            Currencies: perCurrency,
            NegativeWallets: walletBalances.Count(b => b < 0));
    }
}
