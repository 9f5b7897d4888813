namespace Wallet.Ledger;

/// <summary>Sums every wallet and clearing account in one transaction: the double-entry check.</summary>
[Alias("Wallet.ILedgerAuditorGrain")]
public interface ILedgerAuditorGrain : IGrainWithIntegerKey
{
    [Alias("Check")]
    Task<LedgerCheck> Check();
}

[GenerateSerializer, Immutable, Alias("Wallet.LedgerCheck")]
public sealed record LedgerCheck(
    [property: Id(0)] bool Balanced,
    [property: Id(1)] long Total,
    [property: Id(2)] long Wallets,
    [property: Id(3)] long Clearing,
    [property: Id(4)] int WalletCount,
    [property: Id(5)] IReadOnlyDictionary<string, CurrencyTotals> Currencies,
    [property: Id(6)] long NegativeWallets);

[GenerateSerializer, Immutable, Alias("Wallet.CurrencyTotals")]
public sealed record CurrencyTotals(
    [property: Id(0)] long Wallets,
    [property: Id(1)] long Clearing,
    [property: Id(2)] long Total);
