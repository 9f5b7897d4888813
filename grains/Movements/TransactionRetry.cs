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
        // A refusal from inside the transaction is an answer, not a failure.
        OrleansTransactionAbortedException { InnerException: Refusals.WalletRefusedException } => false,
        // Any other abort moved nothing (storage failing at prepare, for one): safe to try again.
        OrleansTransactionAbortedException => true,
        OrleansTransactionOverloadException or OrleansStartTransactionFailedException or OrleansTransactionInDoubtException
            or OrleansTransactionServiceNotAvailableException or TimeoutException => true,
        _ => false,
    };

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
