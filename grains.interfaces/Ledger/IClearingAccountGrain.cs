namespace Wallet.Ledger;

/// <summary>
/// Where money enters or leaves the wallet system (card top-ups, withdrawals). Its balance may be
/// negative: it mirrors what outside banks owe or are owed. Keyed <c>purpose:currency:shard</c>
/// so that top-ups do not all queue on one lock.
/// </summary>
[Alias("Wallet.IClearingAccountGrain")]
public interface IClearingAccountGrain : IGrainWithStringKey
{
    [Alias("Post"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task Post(string movementId, long delta);

    [Alias("ReadBalance"), Transaction(TransactionOption.CreateOrJoin), AlwaysInterleave]
    Task<long> ReadBalance();
}
