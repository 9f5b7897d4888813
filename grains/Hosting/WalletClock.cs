namespace Wallet.Hosting;

/// <summary>
/// The bank's own clock: business time (limits' days and years, lockouts, expiries, receipts) comes
/// from the <see cref="TimeProvider"/> under this key, apart from the one Orleans runs on, so a test
/// can move the bank to midnight or a new year without moving Orleans' timers with it.
/// </summary>
public static class WalletClock
{
    public const string Key = "wallet";
}
