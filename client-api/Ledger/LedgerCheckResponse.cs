using Wallet.Ledger;

namespace Wallet.ClientApi.Ledger;

/// <summary>
/// The books checked: every wallet and clearing account summed in one transaction. Money is only ever moved,
/// never made, so each currency's total is zero when the books balance. Sums are kept per currency: amounts
/// in different currencies are never added together.
/// </summary>
/// <param name="Balanced">True when every currency's total is zero.</param>
/// <param name="WalletCount">How many wallets were summed.</param>
/// <param name="NegativeWallets">How many wallets hold less than nothing (a sound ledger has none).</param>
/// <param name="Currencies">The sums of each currency held, ordered by ISO 4217 code.</param>
public sealed record LedgerCheckResponse(bool Balanced, int WalletCount, long NegativeWallets, IReadOnlyList<CurrencyBooks> Currencies)
{
    public static LedgerCheckResponse From(LedgerCheck check) => new(
        check.Balanced, check.WalletCount, check.NegativeWallets,
        [.. check.Currencies.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CurrencyBooks(c.Key, c.Value.Wallets, c.Value.Clearing, c.Value.Total))]);
}

/// <summary>One currency's sums, each an integer in minor units of the currency (fen for CNY).</summary>
/// <param name="Currency">ISO 4217 code of the sums.</param>
/// <param name="Wallets">What the wallets in this currency hold.</param>
/// <param name="Clearing">What the clearing accounts in this currency hold (cards, merchants' settlements, campaigns), negative where money came in from outside.</param>
/// <param name="Total">Wallets and clearing summed: 0 when the books balance.</param>
public sealed record CurrencyBooks(string Currency, long Wallets, long Clearing, long Total);
