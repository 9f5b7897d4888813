using Wallet.Hosting;

namespace Wallet.Ledger;

public sealed class ClearingAccountGrain(
    [TransactionalState("book", StorageNames.Wallet)] ITransactionalState<ClearingBook> book)
    : Grain, IClearingAccountGrain
{
    /// <summary>Registers on every activation (cheap and idempotent) so the books never miss this account.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
        => GrainFactory.GetGrain<ILedgerIndexGrain>(LedgerIndex.ClearingKey).Register(this.GetPrimaryKeyString());

    public Task Post(string movementId, long delta) => book.PerformUpdate(b =>
    {
        b.Balance = checked(b.Balance + delta);
        b.Currency ??= ClearingAccounts.CurrencyOf(this.GetPrimaryKeyString());
    });

    public Task<long> ReadBalance() => book.PerformRead(b => b.Balance);
}

[GenerateSerializer, Alias("Wallet.ClearingBook")]
public sealed class ClearingBook : IHoldsMoney
{
    [Id(0)] public long Balance { get; set; }

    /// <summary>The account's currency (its id says it), kept with the balance for the ledger check.</summary>
    [Id(1)] public string? Currency { get; set; }

    public LedgerSide Side => LedgerSide.Clearing;

    public long Money => Balance;
}
