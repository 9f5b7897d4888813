using Wallet.Wallets;

namespace Wallet.Events;

/// <summary>
/// Something that happened to a customer, as the risk monitor and the history read it: a unique id
/// (consumers de-duplicate by it), the customer it concerns (the stream it goes to), when, and the
/// version of its shape. Published only after what it reports is committed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.WalletEvent")]
public abstract record WalletEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] DateTimeOffset OccurredAt)
{
    /// <summary>The stream namespace: one stream per customer, keyed by customer id.</summary>
    public const string StreamNamespace = "customer-events";

    [Id(3)] public int Version { get; init; } = 1;
}

/// <summary>
/// Money left (<see cref="EntryDirection.Out"/>) or reached (<see cref="EntryDirection.In"/>) one of the customer's wallets.
/// <paramref name="Category"/> is where the spending analysis counts it: a merchant payment its merchant's (as its entry
/// is posted), a refund the category of the payment it gives back; null for its kind's, as on events published before
/// it was kept.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.MoneyMoved.v1")]
public sealed record MoneyMoved(
    string EventId,
    string CustomerId,
    DateTimeOffset OccurredAt,
    [property: Id(0)] string MovementId,
    [property: Id(1)] MovementKind Kind,
    [property: Id(2)] EntryDirection Direction,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] string WalletId,
    [property: Id(6)] string? CounterpartyWalletId,
    [property: Id(7)] string? CounterpartyId,
    [property: Id(8)] string? MerchantId,
    [property: Id(9)] Bills.SpendingCategory? Category = null)
    : WalletEvent(EventId, CustomerId, OccurredAt);
