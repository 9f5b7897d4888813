namespace Wallet.Ledger;

/// <summary>
/// The list of every account that can hold money, so the books can be summed from the real
/// balances. Sharded by key: <c>wallets:n</c> and <c>clearing</c>.
/// </summary>
[Alias("Wallet.ILedgerIndexGrain")]
public interface ILedgerIndexGrain : IGrainWithStringKey
{
    [Alias("Register")]
    Task Register(string accountId);

    [Alias("List")]
    Task<IReadOnlyList<string>> List();
}
