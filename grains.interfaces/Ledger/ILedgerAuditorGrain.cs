namespace Wallet.Ledger;

/// <summary>Sums every wallet and clearing account in one transaction: the double-entry check.</summary>
[Alias("Wallet.ILedgerAuditorGrain")]
public interface ILedgerAuditorGrain : IGrainWithIntegerKey
{
    [Alias("Check")]
    Task<LedgerCheck> Check();
}

/// <summary>
/// The books checked: every wallet and clearing account summed. Money is only ever moved, never made, so
/// each currency's total is zero when the books balance. Sums of different currencies are in their own minor units.
/// </summary>
/// <param name="Balanced">True when every currency's total is zero.</param>
/// <param name="Total">Wallets and clearing accounts summed over all currencies, in minor units: 0 when balanced.</param>
/// <param name="Wallets">What all wallets hold, summed over all currencies, in minor units.</param>
/// <param name="Clearing">What the clearing accounts (cards, merchants' settlements, campaigns) hold, summed over all currencies, in minor units.</param>
/// <param name="WalletCount">How many wallets were summed.</param>
/// <param name="Currencies">The same sums per ISO 4217 currency code, each in that currency's minor units (fen for CNY).</param>
/// <param name="NegativeWallets">How many wallets hold less than nothing (a sound ledger has none).</param>
[GenerateSerializer, Immutable, Alias("Wallet.LedgerCheck")]
public sealed record LedgerCheck(
    [property: Id(0)] bool Balanced,
    [property: Id(1)] long Total,
    [property: Id(2)] long Wallets,
    [property: Id(3)] long Clearing,
    [property: Id(4)] int WalletCount,
    [property: Id(5)] IReadOnlyDictionary<string, CurrencyTotals> Currencies,
    [property: Id(6)] long NegativeWallets);

/// <summary>One currency's sums, in its minor units (fen for CNY).</summary>
/// <param name="Wallets">What the wallets in this currency hold.</param>
/// <param name="Clearing">What the clearing accounts in this currency hold.</param>
/// <param name="Total">Wallets and clearing summed: 0 when the books balance.</param>
[GenerateSerializer, Immutable, Alias("Wallet.CurrencyTotals")]
public sealed record CurrencyTotals(
    [property: Id(0)] long Wallets,
    [property: Id(1)] long Clearing,
    [property: Id(2)] long Total);
