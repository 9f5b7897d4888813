using Wallet.Bills;

namespace Wallet.Wallets;

/// <summary>
/// A page request over a wallet's entries, newest first, with the search filters: booked in [<see cref="From"/>,
/// <see cref="To"/>) and on the bank days <see cref="FromDay"/> to <see cref="ToDay"/>, of a kind, in a category (the customer's own where they re-categorised the entry), with a
/// counterparty, an amount within [<see cref="MinAmount"/>, <see cref="MaxAmount"/>], a tag, and text found in the memo or
/// the customer's note (any case).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.EntryQuery")]
public sealed record EntryQuery(
    [property: Id(0)] int Limit,
    [property: Id(1)] long? BeforeSequence,
    [property: Id(2)] DateTimeOffset? From,
    [property: Id(3)] DateTimeOffset? To,
    [property: Id(4)] MovementKind? Kind,
    [property: Id(5)] SpendingCategory? Category = null,
    [property: Id(6)] string? Counterparty = null,
    [property: Id(7)] long? MinAmount = null,
    [property: Id(8)] long? MaxAmount = null,
    [property: Id(9)] string? Text = null,
    [property: Id(10)] string? Tag = null,
    [property: Id(11)] DateOnly? FromDay = null,
    [property: Id(12)] DateOnly? ToDay = null)
{
    /// <summary>
    /// The query with its bank days (<see cref="FromDay"/> to <see cref="ToDay"/>, both included, in the bank's calendar)
    /// turned into times by <paramref name="dayStart"/>, the first moment of a bank day; the narrower bound wins.
    /// </summary>
    public EntryQuery WithDaysAsTimes(Func<DateOnly, DateTimeOffset> dayStart)
    {
        var from = FromDay is { } first ? dayStart(first) : (DateTimeOffset?)null;
        var to = ToDay is { } last ? dayStart(last.AddDays(1)) : (DateTimeOffset?)null;
        return this with
        {
            From = From is { } f && (from is null || f > from) ? f : from,
            To = To is { } t && (to is null || t < to) ? t : to,
            FromDay = null,
            ToDay = null,
        };
    }

    /// <summary>Whether an entry (with the customer's note on it, if any) passes the filters; the page position is the reader's business.</summary>
    public bool Matches(WalletEntry entry, EntryNote? note = null)
        => (Kind is not { } kind || entry.Kind == kind)
           && (From is not { } from || entry.CreatedAt >= from)
           && (To is not { } to || entry.CreatedAt < to)
           && (Category is not { } category || (note?.Category ?? SpendingCategories.Of(entry)) == category)
           && (Counterparty is not { } counterparty || string.Equals(entry.Counterparty, counterparty, StringComparison.Ordinal))
           && (MinAmount is not { } min || entry.Amount >= min)
           && (MaxAmount is not { } max || entry.Amount <= max)
           && (Tag is not { } tag || (note?.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase) ?? false))
           && (Text is not { } text || Contains(entry.Memo, text) || Contains(note?.Note, text));

    private static bool Contains(string? field, string text) => field is not null && field.Contains(text, StringComparison.OrdinalIgnoreCase);
}

/// <summary>A page of entries, newest first, with the customer's notes on those that have one (by sequence).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.EntryPage")]
public sealed record EntryPage(
    [property: Id(0)] IReadOnlyList<WalletEntry> Items,
    [property: Id(1)] long? NextBeforeSequence,
    [property: Id(2)] IReadOnlyDictionary<long, EntryNote>? Notes = null);

/// <summary>
/// What a customer added to one entry of their wallet: their own category for it (the analysis follows it), a note
/// and tags. The entry itself never changes.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.EntryNote")]
public sealed record EntryNote(
    [property: Id(0)] SpendingCategory? Category,
    [property: Id(1)] string? Note,
    [property: Id(2)] IReadOnlyList<string> Tags);
