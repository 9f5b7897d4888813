using Wallet.Wallets;

namespace Wallet.Bills;

/// <summary>
/// A wallet owner's notes on its entries: their own category for one (the analysis follows it), a note and tags.
/// Keyed by the wallet's id. The entries themselves never change; search and statements read these beside them.
/// </summary>
[Alias("Wallet.IEntryNotesGrain")]
public interface IEntryNotesGrain : IGrainWithStringKey
{
    /// <summary>
    /// Puts the owner's note on entry <paramref name="sequence"/> (replacing any before; all empty removes it) and answers
    /// the entry as it now reads. Anyone else, or an entry that does not exist, is told it was not found.
    /// </summary>
    [Alias("Annotate")]
    Task<AnnotatedEntry> Annotate(string callerId, long sequence, EntryNote note);

    /// <summary>Every note on the wallet's entries, by sequence.</summary>
    [Alias("All"), AlwaysInterleave]
    Task<IReadOnlyDictionary<long, EntryNote>> All();
}

/// <summary>An entry with the owner's note on it, if any.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.AnnotatedEntry")]
public sealed record AnnotatedEntry([property: Id(0)] WalletEntry Entry, [property: Id(1)] EntryNote? Note);

/// <summary>What a customer may write on an entry.</summary>
public static class EntryNotes
{
    public const int MaxNote = 200;
    public const int MaxTags = 10;
    public const int MaxTag = 20;

    /// <summary>A note that says nothing: putting it removes the note.</summary>
    public static bool IsEmpty(EntryNote note) => note.Category is null && string.IsNullOrEmpty(note.Note) && note.Tags.Count == 0;

    /// <summary>The category the entry counts under: the owner's, else its movement's.</summary>
    public static SpendingCategory CategoryOf(WalletEntry entry, EntryNote? note) => note?.Category ?? SpendingCategories.Of(entry);
}
