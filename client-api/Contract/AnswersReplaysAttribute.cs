namespace Wallet.ClientApi.Contract;

/// <summary>
/// On a handler made idempotent by something other than the <c>Idempotency-Key</c> header (a merchant's order id):
/// it marks a replayed answer with <c>Idempotent-Replayed</c>, and the document says so. Routes that take the
/// header need no mark: every one of them marks its replays.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AnswersReplaysAttribute : Attribute;
