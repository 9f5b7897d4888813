using Orleans.Configuration;

namespace Wallet.Hosting;

/// <summary>
/// Shorter transaction timeouts than Orleans' defaults. When a silo dies mid-transaction, the
/// wallets it had locked stay locked until a participant learns the transaction's fate: by default
/// a remote ping every 60 s and a 20 s prepare timeout, which froze hot wallets for a minute in our
/// crash test. A wallet movement holds its locks for milliseconds, so seconds are generous.
/// </summary>
public static class TransactionTuning
{
    public static void Tune(TransactionalStateOptions options)
    {
        options.LockTimeout = TimeSpan.FromSeconds(3);
        options.LockAcquireTimeout = TimeSpan.FromSeconds(3);
        options.PrepareTimeout = TimeSpan.FromSeconds(5);
        options.RemoteTransactionPingFrequency = TimeSpan.FromSeconds(1);
        options.ConfirmationRetryDelay = TimeSpan.FromSeconds(1);
    }
}
