using Orleans.Storage;
using Wallet.Hosting;
using Wallet.Refusals;

namespace Wallet.Wallets;

/// <summary>
/// Files a wallet's entries in pages of <see cref="PageSize"/> and reads them back. Page n holds the
/// entries numbered n·PageSize+1 to (n+1)·PageSize; a page is written once it is complete and never
/// changes after, so what a search has read of them is kept in memory (<see cref="FiledEntries"/>). Filing is three steps, each safe to repeat:
/// read the book's entries in a transaction (so they are committed), write the complete pages,
/// then drop those entries from the book in a second transaction. A crash between the last two
/// leaves entries in both places; readers take from the statement only what the book has dropped.
/// </summary>
public sealed class WalletStatementGrain(Limits.LimitSchedule calendar, [FromKeyedServices(WalletClock.Key)] TimeProvider clock) : Grain, IWalletStatementGrain
{
    public const int PageSize = 64;

    private FiledEntries? _filed;

    /// <summary>The owner's notes, read once and dropped whenever one changes (<see cref="NotesChanged"/>).</summary>
    private IReadOnlyDictionary<long, EntryNote>? _notes;

    /// <summary>Counts changes, so a read of the notes that a change overtook is not kept.</summary>
    private long _notesGeneration;

    private FiledEntries Filed => _filed ??= new FiledEntries(ReadPage);

    private IGrainStorage Storage => ServiceProvider.GetRequiredKeyedService<IGrainStorage>(StorageNames.Wallet);

    private IWalletGrain Wallet => GrainFactory.GetGrain<IWalletGrain>(this.GetPrimaryKeyString());

    private IWalletBookkeepingGrain Book => GrainFactory.GetGrain<IWalletBookkeepingGrain>(this.GetPrimaryKeyString());

    /// <summary>
    /// Whether a book that went from <paramref name="before"/> to <paramref name="after"/> unfiled entries
    /// should ask for filing: once it holds a page, and again each quarter page it grows (a filing can
    /// abort), never on every posting. A sweep posts many entries at once, so this looks for a crossing.
    /// </summary>
    public static bool IsDue(int before, int after) => after >= PageSize && (before < PageSize || after / (PageSize / 4) != before / (PageSize / 4));

    public async Task File()
    {
        var unfiled = await Book.ReadUnfiled();
        var complete = unfiled.GroupBy(e => PageOf(e.Sequence)).Where(page => page.Any(e => e.Sequence == LastOf(page.Key))).ToList();
        if (complete.Count == 0)
        {
            return;
        }
        foreach (var page in complete)
        {
            await WritePage(page.Key, [.. page.OrderBy(e => e.Sequence)]);
        }
        await Book.ForgetFiled(LastOf(complete[^1].Key));
    }

    public async Task<EntryPage> GetEntries(string callerId, EntryQuery query)
    {
        if (await Wallet.GetFacts() is not { } facts || facts.OwnerId != callerId)
        {
            throw WalletRefusedException.NotFound("The wallet");
        }
        query = query.WithDaysAsTimes(calendar.DayStart);
        var unfiled = await Book.ReadUnfiled();
        var notes = await Notes();
        var wanted = query.Limit + 1;
        var matching = unfiled.Entries.Reverse()
            .Where(e => query.BeforeSequence is not { } before || e.Sequence < before)
            .Where(e => query.Matches(e, notes.GetValueOrDefault(e.Sequence)))
            .Take(wanted)
            .ToList();
        // Older entries come from the statement, but only those the book has dropped: after a filing
        // cut short by a crash, the statement may also hold some the book still has.
        var olderThrough = Math.Min(unfiled.FiledThrough, (query.BeforeSequence ?? long.MaxValue) - 1);
        if (matching.Count < wanted && olderThrough > 0)
        {
            matching.AddRange(await Older(olderThrough, query, wanted - matching.Count));
        }
        var hasMore = matching.Count > query.Limit;
        var page = matching.Take(query.Limit).ToList();
        var noted = page.Where(e => notes.ContainsKey(e.Sequence)).ToDictionary(e => e.Sequence, e => notes[e.Sequence]);
        return new EntryPage(page, hasMore ? page[^1].Sequence : null, noted.Count == 0 ? null : noted);
    }

    public Task NotesChanged()
    {
        _notes = null;
        _notesGeneration++;
        return Task.CompletedTask;
    }

    private async Task<IReadOnlyDictionary<long, EntryNote>> Notes()
    {
        if (_notes is { } known)
        {
            return known;
        }
        var generation = _notesGeneration;
        var read = await GrainFactory.GetGrain<Bills.IEntryNotesGrain>(this.GetPrimaryKeyString()).All();
        if (generation == _notesGeneration)
        {
            _notes = read;
        }
        return read;
    }

    public async Task<IReadOnlyList<WalletEntry>> Older(long through, EntryQuery query, int count)
    {
        return await Filed.Search(through, query, await Notes(), count);
    }

    public async Task<Statements.EntryReceipt> Receipt(string callerId, long sequence)
    {
        var found = await GetEntries(callerId, new EntryQuery(1, sequence + 1, null, null, null));
        if (found.Items is not [{ } entry] || entry.Sequence != sequence)
        {
            throw WalletRefusedException.NotFound("The entry");
        }
        var names = new Statements.PartyNames(GrainFactory, callerId);
        return new Statements.EntryReceipt(this.GetPrimaryKeyString(), entry, await names.Holder(masked: true),
            await names.Of(entry.Counterparty), calendar.Zone.Id);
    }

    public async Task<IReadOnlyList<string>> StatementMonths(string callerId)
    {
        if (await Wallet.GetFacts() is not { } facts || facts.OwnerId != callerId)
        {
            throw WalletRefusedException.NotFound("The wallet");
        }
        var first = calendar.DayOf(facts.OpenedAt);
        var month = calendar.DayOf(clock.GetUtcNow());
        var months = new List<string>();
        for (month = new DateOnly(month.Year, month.Month, 1); month >= new DateOnly(first.Year, first.Month, 1); month = month.AddMonths(-1))
        {
            months.Add(Statements.StatementMonths.Name(month));
        }
        return months;
    }

    public async Task<BookedRun> BookedRun(DateTimeOffset start, DateTimeOffset end)
    {
        var unfiled = await Book.ReadUnfiled();
        // Every entry, oldest first: a run's edges are found by date, which is not quite in entry order (see BookedRuns).
        var filed = unfiled.FiledThrough > 0 ? await Filed.All(unfiled.FiledThrough) : [];
        filed.AddRange(unfiled.Entries.Where(e => e.Sequence > unfiled.FiledThrough));
        return Statements.BookedRuns.Of(filed, start, end);
    }

    private async Task WritePage(long page, IReadOnlyList<WalletEntry> entries)
    {
        // Read first for the stored version: a page may already be there from a filing cut short.
        var state = new GrainState<StatementPage>(new StatementPage());
        await Storage.ReadStateAsync(PageName(page), this.GetGrainId(), state);
        state.State = new StatementPage { Entries = [.. entries] };
        await Storage.WriteStateAsync(PageName(page), this.GetGrainId(), state);
        Filed.Filed(page, entries);
    }

    private async Task<IReadOnlyList<WalletEntry>> ReadPage(long page)
    {
        var state = new GrainState<StatementPage>(new StatementPage());
        await Storage.ReadStateAsync(PageName(page), this.GetGrainId(), state);
        return state.RecordExists && state.State is { } stored ? stored.Entries : [];
    }

    internal static long PageOf(long sequence) => (sequence - 1) / PageSize;

    private static long LastOf(long page) => (page + 1) * PageSize;

    private static string PageName(long page) => $"statement-page-{page}";
}

/// <summary>One filed page of a wallet's statement.</summary>
[GenerateSerializer, Alias("Wallet.StatementPage")]
public sealed class StatementPage
{
    [Id(0)] public List<WalletEntry> Entries { get; set; } = [];
}
