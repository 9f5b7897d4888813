using Wallet.Hosting;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Bills;

public sealed class EntryNotesGrain(
    [PersistentState("entry-notes", StorageNames.Wallet)] IPersistentState<EntryNotesState> notes,
    Limits.LimitSchedule calendar)
    : Grain, IEntryNotesGrain
{
    public async Task<AnnotatedEntry> Annotate(string callerId, long sequence, EntryNote note)
    {
        var walletId = this.GetPrimaryKeyString();
        // The statement answers only the owner, and only with an entry that exists.
        var found = await GrainFactory.GetGrain<IWalletStatementGrain>(walletId)
            .GetEntries(callerId, new EntryQuery(1, sequence + 1, null, null, null));
        if (found.Items is not [{ } entry] || entry.Sequence != sequence)
        {
            throw WalletRefusedException.NotFound("The entry");
        }
        var kept = EntryNotes.IsEmpty(note) ? null : note;
        if (kept is null)
        {
            notes.State.Notes.Remove(sequence);
        }
        else
        {
            notes.State.Notes[sequence] = kept;
        }
        await notes.WriteStateAsync();
        await GrainFactory.GetGrain<IWalletStatementGrain>(walletId).NotesChanged();
        await TellAnalysis(callerId, entry, kept?.Category);
        return new AnnotatedEntry(entry, kept);
    }

    /// <summary>
    /// The spending analysis follows the owner's category. Its event may be counted in the month before the entry's
    /// (it carries the time the movement was accepted; a transfer held for review is booked when released), so both
    /// months are told; a month that never counts the movement keeps the category unused. Telling again is harmless,
    /// so a failure here is mended by putting the note again.
    /// </summary>
    private Task TellAnalysis(string ownerId, WalletEntry entry, SpendingCategory? category)
    {
        if (Analysis.SpendingRules.Of(entry, _ => false) is null)
        {
            return Task.CompletedTask;
        }
        var month = Analysis.SpendingMonth.Of(calendar.DayOf(entry.CreatedAt));
        return Task.WhenAll(new[] { month, month.Previous }.Select(m =>
            GrainFactory.GetGrain<Analysis.ISpendingMonthGrain>(m.KeyFor(ownerId)).Recategorise(entry.MovementId, category)));
    }

    public Task<IReadOnlyDictionary<long, EntryNote>> All()
        => Task.FromResult<IReadOnlyDictionary<long, EntryNote>>(new Dictionary<long, EntryNote>(notes.State.Notes));
}

[GenerateSerializer, Alias("Wallet.EntryNotesState")]
public sealed class EntryNotesState
{
    [Id(0)] public Dictionary<long, EntryNote> Notes { get; set; } = [];
}
