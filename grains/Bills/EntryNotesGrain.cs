using Wallet.Hosting;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Bills;

public sealed class EntryNotesGrain(
    [PersistentState("entry-notes", StorageNames.Wallet)] IPersistentState<EntryNotesState> notes)
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
        return new AnnotatedEntry(entry, kept);
    }

    public Task<IReadOnlyDictionary<long, EntryNote>> All()
        => Task.FromResult<IReadOnlyDictionary<long, EntryNote>>(new Dictionary<long, EntryNote>(notes.State.Notes));
}

[GenerateSerializer, Alias("Wallet.EntryNotesState")]
public sealed class EntryNotesState
{
    [Id(0)] public Dictionary<long, EntryNote> Notes { get; set; } = [];
}
