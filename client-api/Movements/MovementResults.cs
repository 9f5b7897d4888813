using Wallet.ClientApi.Http;
using Wallet.Identity;
using Wallet.Movements;

namespace Wallet.ClientApi.Movements;

/// <summary>
/// Turns a recorded outcome into its response. The response is a pure function of the record, so
/// a replay under the same key gets the same status and the same body.
/// </summary>
public static class MovementResults
{
    public static IMovementGrain GrainFor(IGrainFactory grains, string customerId, IdempotentRequest request)
        => grains.GetGrain<IMovementGrain>(Ids.ForIdempotencyKey("mv", customerId, request.Key));

    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>
    /// Says on the answer that it is a replay (the outcome recorded by an earlier request under the same key),
    /// so a client can tell "done now" from "done before" without comparing bodies.
    /// </summary>
    public static void MarkReplay(HttpContext context, MovementReceipt receipt)
    {
        if (receipt.Replayed)
        {
            context.Response.Headers[ReplayedHeader] = "true";
        }
    }

    /// <summary>The problem a refused movement answers with, carrying the movement id.</summary>
    public static ProblemHttpResult Refusal(MovementReceipt receipt)
    {
        var extensions = new Dictionary<string, object?> { ["movementId"] = receipt.MovementId };
        if (receipt.RefusalLimit is { } limit)
        {
            extensions["limit"] = limit;
        }
        return Problems.For(receipt.RefusalCode!, receipt.RefusalDetail!, extensions);
    }
}
