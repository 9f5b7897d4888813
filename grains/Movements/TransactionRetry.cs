using Orleans.Transactions;

namespace Wallet.Movements;

/// <summary>
/// Retries a grain transaction that failed in a way that is safe to try again: a definite abort
/// (lock broken, cascading abort, overload) moved nothing; an in-doubt one is safe only because
/// every movement records its outcome in the same transaction and checks that record first.
/// </summary>
public static partial class TransactionRetry
{
    public const int MaxAttempts = 12;

    /// <summary>Give up before a caller's own timeout (10 s for cluster clients) so it hears "in doubt", not silence.</summary>
    public static readonly TimeSpan MaxElapsed = TimeSpan.FromSeconds(8);
    private static readonly TimeSpan s_firstDelay = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan s_longestDelay = TimeSpan.FromMilliseconds(400);

    public static bool IsRetryable(Exception exception) => exception switch
    {
        // A refusal from inside the transaction is an answer, not a failure, unless it reports one.
        OrleansTransactionAbortedException { InnerException: Refusals.WalletRefusedException refused } => IsFailure(refused),
        // Any other abort moved nothing (storage failing at prepare, for one): safe to try again.
        OrleansTransactionAbortedException => true,
        OrleansTransactionOverloadException or OrleansStartTransactionFailedException or OrleansTransactionInDoubtException
            or OrleansTransactionServiceNotAvailableException or TimeoutException => true,
        _ => false,
    };

    /// <summary>
    /// A refusal that reports a failure, not the bank's answer: the database did not answer (a participant's call
    /// filter turns that into <c>storage_unavailable</c>), or an outcome is in doubt. Never recorded as a movement's
    /// outcome: recorded, a short outage refused its key for good, though nothing had moved. The aborted transaction
    /// moved nothing, so it is tried again, and a replay after the failure carries the movement out.
    /// </summary>
    public static bool IsFailure(Refusals.WalletRefusedException refused)
        => refused.Code is Refusals.RefusalCodes.StorageUnavailable or Refusals.RefusalCodes.MovementInDoubt;

    public static async Task<T> Run<T>(ILogger logger, string what, Func<Task<T>> attempt)
    {
        var started = DateTime.UtcNow;
        for (var tries = 1; ; tries++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception exception) when (IsRetryable(exception) && tries < MaxAttempts && DateTime.UtcNow - started < MaxElapsed)
            {
                LogRetry(logger, what, tries, exception.GetType().Name);
                await Task.Delay(Backoff(tries));
            }
        }
    }

    public static Task Run(ILogger logger, string what, Func<Task> attempt)
        => Run(logger, what, async () => { await attempt(); return true; });

    /// <summary>Exponential with full jitter, so queued transactions on a hot wallet spread out instead of colliding again.</summary>
    private static TimeSpan Backoff(int tries)
    {
        var ceiling = Math.Min(s_longestDelay.TotalMilliseconds, s_firstDelay.TotalMilliseconds * Math.Pow(2, tries));
        return TimeSpan.FromMilliseconds(ceiling / 2 + Random.Shared.NextDouble() * ceiling / 2);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Transaction for {What} aborted ({Reason}), attempt {Attempt}; retrying")]
    private static partial void LogRetry(ILogger logger, string what, int attempt, string reason);
}
