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

    /// <summary>Says on the answer when it is the recorded outcome of an earlier request (<see cref="IdempotencyKeys.MarkReplay"/>).</summary>
    public static void MarkReplay(HttpContext context, MovementReceipt receipt) => IdempotencyKeys.MarkReplay(context, receipt.Replayed);

    /// <summary>
    /// For a status a route's movement never ends in (a transfer is never authorised): the switches over a
    /// receipt's status name every value, so a new one is met by the compiler, not by a catch-all refusal.
    /// </summary>
    public static InvalidOperationException NeverEndsIn(MovementReceipt receipt)
        => new($"A {receipt.Kind} movement never ends {receipt.Status}: {receipt.MovementId}.");

    /// <summary>The problem a refused movement answers with, carrying the movement id.</summary>
    public static ProblemHttpResult Refusal(MovementReceipt receipt)
    {
        var extensions = new Dictionary<string, object?> { ["movementId"] = receipt.MovementId };
        foreach (var (name, value) in receipt.RefusalLimit?.AsProblemFields() ?? [])
        {
            extensions[name] = value;
        }
        return Problems.For(receipt.RefusalCode!, receipt.RefusalDetail!, extensions);
    }
}
