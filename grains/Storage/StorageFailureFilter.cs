using Wallet.Refusals;

namespace Wallet.Storage;

/// <summary>
/// A database failure inside a grain call would reach the caller as a codec error (Npgsql's
/// exceptions have no Orleans codec). This turns it into a refusal the facade answers with 503.
/// </summary>
public sealed partial class StorageFailureFilter(ILogger<StorageFailureFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception exception) when (exception is not WalletRefusedException && StorageFailures.IsStorageFailure(exception))
        {
            LogStorageFailure(logger, context.InterfaceMethod.Name, exception.GetType().Name);
            throw new WalletRefusedException(RefusalCodes.StorageUnavailable,
                "The wallet's database did not answer; nothing was changed by this step. Try again shortly.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage failure during {Method}: {ExceptionType}")]
    private static partial void LogStorageFailure(ILogger logger, string method, string exceptionType);
}
