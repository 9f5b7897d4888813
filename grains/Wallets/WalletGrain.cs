using Microsoft.Extensions.Options;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Refusals;

namespace Wallet.Wallets;

public sealed partial class WalletGrain(
    [PersistentState("wallet", StorageNames.Wallet)] IPersistentState<WalletProfile> profile,
    [TransactionalState("book", StorageNames.Wallet)] ITransactionalState<WalletBook> book,
    IOptions<TillOptions> tillOptions,
    TimeProvider clock,
    ILogger<WalletGrain> logger)
    : Grain, IWalletGrain
{
    public async Task<WalletView> Open(string ownerId, string currency)
    {
        if (!profile.RecordExists)
        {
            var walletId = this.GetPrimaryKeyString();
            // Listed before it exists: the books may then count an empty wallet, never miss a funded one.
            await GrainFactory.GetGrain<ILedgerIndexGrain>(LedgerIndex.WalletShardFor(walletId)).Register(walletId);
            profile.State = new WalletProfile { OwnerId = ownerId, Currency = currency, Status = WalletStatus.Active, OpenedAt = clock.GetUtcNow() };
            await profile.WriteStateAsync();
        }
        var p = profile.State;
        return new WalletView(this.GetPrimaryKeyString(), p.Currency, 0, 0, p.Status, p.OpenedAt);
    }

    public Task<WalletFacts?> GetFacts()
        => Task.FromResult(profile.RecordExists
            ? new WalletFacts(this.GetPrimaryKeyString(), profile.State.OwnerId, profile.State.Currency, profile.State.Status, profile.State.OpenedAt, profile.State.Tills)
            : null);

    public async Task<WalletView> GetView(string callerId)
    {
        var p = OwnedBy(callerId);
        var balance = await TotalBalance();
        return new WalletView(this.GetPrimaryKeyString(), p.Currency, balance, balance, p.Status, p.OpenedAt);
    }

    public async Task<EntryPage> GetEntries(string callerId, EntryQuery query)
    {
        OwnedBy(callerId);
        var (unfiled, filedThrough) = await book.PerformRead(b => (b.Entries, b.FiledThrough));
        var wanted = query.Limit + 1;
        var matching = unfiled.AsEnumerable().Reverse()
            .Where(e => query.BeforeSequence is not { } before || e.Sequence < before)
            .Where(query.Matches)
            .Take(wanted)
            .ToList();
        // Older entries come from the statement, but only those the book has dropped: after a filing
        // cut short by a crash, the statement may also hold some the book still has.
        var olderThrough = Math.Min(filedThrough, (query.BeforeSequence ?? long.MaxValue) - 1);
        if (matching.Count < wanted && olderThrough > 0)
        {
            matching.AddRange(await Statement.Older(olderThrough, query, wanted - matching.Count));
        }
        var hasMore = matching.Count > query.Limit;
        var page = matching.Take(query.Limit).ToList();
        return new EntryPage(page, hasMore ? page[^1].Sequence : null);
    }

    public Task<string?> Debit(Posting posting)
    {
        if (!profile.RecordExists || profile.State.OwnerId != posting.ActorId)
        {
            return Task.FromResult<string?>(RefusalCodes.NotFound);
        }
        if (profile.State.Currency != posting.Currency)
        {
            return Task.FromResult<string?>(RefusalCodes.CurrencyMismatch);
        }
        if (profile.State.Status != WalletStatus.Active)
        {
            return Task.FromResult<string?>(RefusalCodes.WalletNotActive);
        }
        return Debited(posting);
    }

    private async Task<string?> Debited(Posting posting)
    {
        await DrainTillsIfShort(posting.Amount);
        return await Post([(posting, EntryDirection.Out, clock.GetUtcNow())], covering: posting.Amount) ? null : RefusalCodes.InsufficientFunds;
    }

    public Task Credit(Posting posting)
    {
        if (!profile.RecordExists)
        {
            throw WalletRefusedException.NotFound("The receiving wallet");
        }
        if (profile.State.Currency != posting.Currency)
        {
            throw new WalletRefusedException(RefusalCodes.CurrencyMismatch, "The receiving wallet holds another currency.");
        }
        if (profile.State.Status == WalletStatus.Closed)
        {
            throw new WalletRefusedException(RefusalCodes.WalletNotActive, "The receiving wallet is closed.");
        }
        return Credited(posting);
    }

    private async Task Credited(Posting posting)
    {
        NoteCredit();
        await Post([(posting, EntryDirection.In, clock.GetUtcNow())]);
    }

    /// <summary>
    /// Posts lines into the book, unless its balance is below <paramref name="covering"/> (then nothing
    /// changes and the answer is false), and asks the statement to file whole pages once enough
    /// entries gathered: a one-way call outside this transaction, since the statement files only what
    /// a transaction of its own finds committed.
    /// </summary>
    private async Task<bool> Post(IReadOnlyList<(Posting Posting, EntryDirection Direction, DateTimeOffset At)> lines, long covering = 0)
    {
        var unfiled = await book.PerformUpdate(b =>
        {
            if (b.Balance < covering)
            {
                return -1;
            }
            foreach (var line in lines)
            {
                b.Post(line.Posting, line.Direction, line.At);
            }
            return b.Entries.Count;
        });
        if (unfiled < 0)
        {
            return false;
        }
        if (WalletStatementGrain.IsDue(unfiled - lines.Count, unfiled))
        {
            _ = Statement.File();
        }
        return true;
    }

    public Task<IReadOnlyList<WalletEntry>> ReadUnfiled() => book.PerformRead(b => (IReadOnlyList<WalletEntry>)b.Entries);

    public Task ForgetFiled(long sequence) => book.PerformUpdate(b => b.Forget(sequence));

    public Task Enlist() => book.PerformUpdate(_ => true);

    public Task<long> ReadBalance() => TotalBalance();

    private IWalletStatementGrain Statement => GrainFactory.GetGrain<IWalletStatementGrain>(this.GetPrimaryKeyString());

    private WalletProfile OwnedBy(string callerId)
        => profile.RecordExists && profile.State.OwnerId == callerId ? profile.State : throw WalletRefusedException.NotFound("The wallet");
}
