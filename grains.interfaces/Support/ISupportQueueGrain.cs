namespace Wallet.Support;

/// <summary>
/// The operators' waiting list (key 0): the conversations whose customer waits for an answer, oldest waiting first.
/// Each conversation puts itself on it when its customer writes and takes itself off when an operator answers; both
/// say the whole entry, so doing it again changes nothing.
/// </summary>
[Alias("Wallet.ISupportQueueGrain")]
public interface ISupportQueueGrain : IGrainWithIntegerKey
{
    [Alias("Waiting")]
    Task Waiting(SupportWaiting entry);

    [Alias("Answered")]
    Task Answered(string customerId);

    /// <summary>Oldest waiting first, those after <paramref name="cursor"/> (from <see cref="SupportWaiting.Cursor"/>); at most <paramref name="limit"/>.</summary>
    [Alias("List")]
    Task<IReadOnlyList<SupportWaiting>> List(string? cursor, int limit);
}

/// <summary>
/// A conversation waiting for an answer: since when (the customer's oldest unanswered message), the latest message's
/// time and first words, and how many of the customer's messages wait.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.SupportWaiting")]
public sealed record SupportWaiting(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] DateTimeOffset WaitingSince,
    [property: Id(2)] DateTimeOffset LastMessageAt,
    [property: Id(3)] string Preview,
    [property: Id(4)] int Waiting)
{
    /// <summary>Oldest waiting first; the same instant by customer id, so every entry has one place.</summary>
    public static readonly IComparer<SupportWaiting> Order = Comparer<SupportWaiting>.Create((x, y) =>
        x.WaitingSince.UtcTicks.CompareTo(y.WaitingSince.UtcTicks) is var byTime and not 0 ? byTime : string.CompareOrdinal(x.CustomerId, y.CustomerId));

    /// <summary>A cursor is the entry's waiting-since (ticks) and customer id: the next page starts strictly after it.</summary>
    public string Cursor => $"{WaitingSince.UtcTicks}.{CustomerId}";

    /// <summary>Whether this entry comes after the cursor in the list's order; an unreadable cursor starts from the top.</summary>
    public bool IsAfter(string? cursor)
    {
        var dot = cursor?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (cursor is null || dot < 0 || !long.TryParse(cursor.AsSpan(0, dot), out var ticks))
        {
            return true;
        }
        var id = cursor[(dot + 1)..];
        return WaitingSince.UtcTicks > ticks || (WaitingSince.UtcTicks == ticks && string.CompareOrdinal(CustomerId, id) > 0);
    }
}
