using Wallet.Events;
using Wallet.Hosting;

namespace Wallet.Movements;

/// <summary>What every movement grain uses, whatever its workflow: one bundle so each grain's constructor names only what is its own.</summary>
public sealed class MovementServices(
    ITransactionClient transactions,
    IWalletEventPublisher publisher,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    ILoggerFactory loggers,
    Events.Log.EventLog? eventLog = null)
{
    /// <summary>On PostgreSQL a movement's events go into the log with its commit; in memory they are published after it.</summary>
    public bool EventsCommitWithRecord { get; } = eventLog is not null;

    public ITransactionClient Transactions { get; } = transactions;

    public IWalletEventPublisher Publisher { get; } = publisher;

    public TimeProvider Clock { get; } = clock;

    public ILogger Logger { get; } = loggers.CreateLogger("Wallet.Movements");
}
