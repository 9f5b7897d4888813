using Wallet.Hosting;

namespace Wallet.Ledger;

public sealed class LedgerIndexGrain(
    [PersistentState("ledger-index", StorageNames.Wallet)] IPersistentState<LedgerIndexState> index)
    : Grain, ILedgerIndexGrain
{
    public async Task Register(string accountId)
    {
        if (index.State.Accounts.Add(accountId))
        {
            await index.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. index.State.Accounts]);
}

[GenerateSerializer, Alias("Wallet.LedgerIndexState")]
public sealed class LedgerIndexState
{
    [Id(0)] public HashSet<string> Accounts { get; set; } = new(StringComparer.Ordinal);
}
