namespace Wallet.Ledger;

/// <summary>Sums of the books as they are read, per currency and side, turned into the operators' <see cref="LedgerCheck"/>.</summary>
internal sealed class LedgerTotals
{
    private readonly Dictionary<string, (long Wallets, long Clearing)> _currencies = new(StringComparer.Ordinal);
    private int _wallets;
    private long _negativeWallets;

    /// <summary>Adds money held on one side in one currency ("" where a state never said): <paramref name="count"/> wallets when it is wallets' books.</summary>
    public void Add(LedgerSide side, string currency, long money, int count = 0, long negative = 0)
    {
        var totals = _currencies.GetValueOrDefault(currency);
        _currencies[currency] = side == LedgerSide.Clearing
            ? (totals.Wallets, checked(totals.Clearing + money))
            : (checked(totals.Wallets + money), totals.Clearing);
        _wallets += side == LedgerSide.Wallet ? count : 0;
        _negativeWallets += side == LedgerSide.Wallet ? negative : 0;
    }

    /// <summary>Balanced when every currency sums to zero and no money sits in a state that never said its currency.</summary>
    public LedgerCheck Check()
    {
        var currencies = new Dictionary<string, (long Wallets, long Clearing)>(_currencies, StringComparer.Ordinal);
        currencies.Remove("", out var unknown);
        var perCurrency = currencies.ToDictionary(c => c.Key, c => new CurrencyTotals(c.Value.Wallets, c.Value.Clearing, c.Value.Wallets + c.Value.Clearing));
        var wallets = _currencies.Values.Sum(t => t.Wallets);
        var clearing = _currencies.Values.Sum(t => t.Clearing);
        return new LedgerCheck(
            Balanced: perCurrency.Values.All(t => t.Total == 0) && unknown.Wallets == 0 && unknown.Clearing == 0,
            Total: wallets + clearing,
            Wallets: wallets,
            Clearing: clearing,
            WalletCount: _wallets,
            Currencies: perCurrency,
            NegativeWallets: _negativeWallets);
    }
}
