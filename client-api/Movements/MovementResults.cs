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
    /// <summary>The movement a customer's request creates: its id derived from the workflow, the customer and the request's idempotency key.</summary>
    public static TGrain GrainFor<TGrain>(IGrainFactory grains, Workflow workflow, string customerId, IdempotentRequest request) where TGrain : IMovementGrain
        => grains.GetGrain<TGrain>(MovementIds.For(workflow, customerId, request.Key));

    /// <summary>Says on the answer when it is the recorded outcome of an earlier request (<see cref="IdempotencyKeys.MarkReplay"/>).</summary>
    public static void MarkReplay(HttpContext context, MovementOutcome receipt) => IdempotencyKeys.MarkReplay(context, receipt.Replayed);

    /// <summary>
    /// For a status a route's movement never ends in (a transfer is never authorised): the switches over a
    /// receipt's status name every value, so a new one is met by the compiler, not by a catch-all refusal.
    /// </summary>
    public static InvalidOperationException NeverEndsIn(MovementOutcome receipt)
        => new($"A {receipt.Kind} movement never ends {receipt.Status}: {receipt.MovementId}.");

    /// <summary>The problem a refused movement answers with, carrying the movement id.</summary>
    public static ProblemHttpResult Refusal(MovementOutcome receipt)
    {
        var extensions = new Dictionary<string, object?> { ["movementId"] = receipt.MovementId };
        var refusal = receipt.Refusal ?? throw new InvalidOperationException($"Movement {receipt.MovementId} was not refused.");
        foreach (var (name, value) in refusal.Limit?.AsProblemFields() ?? [])
        {
            extensions[name] = value;
        }
        return Problems.For(refusal.Code, refusal.Detail ?? Refusals.RefusalText.For(refusal.Code), extensions);
    }
}
