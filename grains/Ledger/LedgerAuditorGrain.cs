using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Ledger;

/// <summary>
/// The double-entry check: reports per currency whether the books sum to zero. On PostgreSQL it sums the
/// stored rows in one snapshot (<see cref="LedgerBooks"/>), locking nothing. In memory there are no rows to
/// read: it reads every wallet and clearing balance inside one transaction, so the sum is a snapshot even
/// while money moves (it locks every wallet while it reads; the embedded mode is for one developer).
/// </summary>
[StatelessWorker]
public sealed class LedgerAuditorGrain(ITransactionClient transactions, ILogger<LedgerAuditorGrain> logger, LedgerBooks? books = null)
    : Grain, ILedgerAuditorGrain
{
    public Task<LedgerCheck> Check() => books is null ? CheckInOneTransaction() : books.Check();

    private async Task<LedgerCheck> CheckInOneTransaction()
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

        var totals = new LedgerTotals();
        for (var i = 0; i < walletIds.Count; i++)
        {
            totals.Add(LedgerSide.Wallet, facts[i]?.Currency ?? "", walletBalances[i], count: 1, negative: walletBalances[i] < 0 ? 1 : 0);
        }
        for (var i = 0; i < clearingIds.Count; i++)
        {
            totals.Add(LedgerSide.Clearing, ClearingAccounts.CurrencyOf(clearingIds[i]), clearingBalances[i]);
        }
        return totals.Check();
    }
}
