using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Transactions;
using Wallet.Refusals;

namespace Wallet.ClientApi.Http;

/// <summary>
/// Turns what escapes a handler into a problem response with a code: refusals from the grains,
/// bodies the JSON reader could not bind, and, last, anything unexpected as a bare 500 with no detail.
/// </summary>
public sealed partial class RefusalExceptionHandler(ILogger<RefusalExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        IResult problem = exception switch
        {
            _ when RefusalIn(exception) is { } refused => Problems.For(refused.Code, refused.Message, FactsOf(refused)),
            BadHttpRequestException { InnerException: JsonException json } => ForJson(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => Problems.For(Problems.PayloadTooLarge, "The request body is over 64 KiB."),
            BadHttpRequestException bad => Problems.For(Problems.MalformedJson, bad.Message),
            _ when StorageFailures.IsStorageFailure(exception) => Problems.For(RefusalCodes.StorageUnavailable,
                "The wallet's database did not answer; nothing was changed by this step. Try again shortly."),
            TimeoutException or SiloUnavailableException or OrleansMessageRejectionException or OrleansTransactionException => Problems.For(Problems.TemporarilyUnavailable,
                "The cluster did not answer in time. If this request moves money, replay it with the same Idempotency-Key to learn its outcome."),
            _ => Unexpected(exception),
        };
        if (problem is ProblemHttpResult { StatusCode: StatusCodes.Status503ServiceUnavailable })
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }
        await problem.ExecuteAsync(httpContext);
        return true;
    }

    /// <summary>What a client must act on, as fields: the tries left, when a lock ends, which limit was met.</summary>
    private static Dictionary<string, object?>? FactsOf(WalletRefusedException refused)
    {
        var facts = new Dictionary<string, object?>();
        if (refused.RemainingAttempts is { } left)
        {
            facts["remainingAttempts"] = left;
        }
        if (refused.LockedUntil is { } until)
        {
            facts["lockedUntil"] = until;
        }
        foreach (var (name, value) in refused.Limit?.AsProblemFields() ?? [])
        {
            facts[name] = value;
        }
        return facts.Count > 0 ? facts : null;
    }

    /// <summary>A refusal, or one wrapped by a transaction that a refusal (or a storage outage) ended.</summary>
    private static WalletRefusedException? RefusalIn(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is WalletRefusedException refused)
            {
                return refused;
            }
        }
        return null;
    }

    /// <summary>The reader's message says which kind of mistake it was; its path says which field.</summary>
    private static IResult ForJson(JsonException json)
    {
        var field = (json.Path ?? "$").TrimStart('$', '.');
        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return Problems.Validation(string.IsNullOrEmpty(field) ? "body" : field, "This field is not part of the request.", Problems.UnknownField);
        }
        if (json.Message.Contains("could not be converted", StringComparison.Ordinal) && !string.IsNullOrEmpty(field))
        {
            return Problems.Validation(field, field.EndsWith("amount", StringComparison.OrdinalIgnoreCase)
                ? $"An amount is a whole number of minor units from 1 to {Money.Amounts.Max}."
                : "This field has the wrong type.");
        }
        return Problems.For(Problems.MalformedJson, "The request body is not valid JSON.");
    }

    private IResult Unexpected(Exception exception)
    {
        LogUnexpected(logger, exception.GetType().Name, exception);
        return Problems.For(Problems.InternalError, "Something went wrong on our side; nothing was changed unless the response said so.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled {ExceptionType} while serving a request")]
    private static partial void LogUnexpected(ILogger logger, string exceptionType, Exception exception);
}
