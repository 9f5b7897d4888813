using Microsoft.Extensions.Options;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Limits;
using Wallet.Refusals;

namespace Wallet.Wallets;

public sealed partial class WalletGrain(
    [PersistentState("wallet", StorageNames.Wallet)] IPersistentState<WalletProfile> profile,
    [TransactionalState("book", StorageNames.Wallet)] ITransactionalState<WalletBook> book,
    IOptions<TillOptions> tillOptions,
    LimitSchedule limits,
    Fx.DayRates dayRates,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    ILogger<WalletGrain> logger)
    : Grain, IWalletGrain, IWalletBookkeepingGrain
{
    public async Task<WalletView> Open(string ownerId, string currency, int tier)
    {
        if (!profile.RecordExists)
        {
            return await Create(ownerId, currency, tier, request: null);
        }
        var now = clock.GetUtcNow();
        return View(0, SpendingUsage.Nothing.On(limits.DayOf(now)), profile.State.Status, now);
    }

    public async Task<Identity.Replayable<WalletView>> Open(string ownerId, string currency, int tier, Identity.IdempotentRequest request, string? subWalletId)
    {
        if (profile.RecordExists)
        {
            return profile.State is { Opening: { } first } && profile.State.OwnerId == ownerId && first.Request == request
                ? Identity.Replayable<WalletView>.Again(first.Answer)
                : throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");
        }
        return Identity.Replayable<WalletView>.Made(await Create(ownerId, currency, tier, request, subWalletId));
    }

    /// <summary>The new wallet and its answer, written with the request that opened it (if a customer's), so a replay is recognised.</summary>
    private async Task<WalletView> Create(string ownerId, string currency, int tier, Identity.IdempotentRequest? request, string? subWalletId = null)
    {
        var walletId = this.GetPrimaryKeyString();
        // Listed before it exists: the books may then count an empty wallet, never miss a funded one.
        await GrainFactory.GetGrain<ILedgerIndexGrain>(LedgerIndex.WalletShardFor(walletId)).Register(walletId);
        var now = clock.GetUtcNow();
        profile.State = new WalletProfile { OwnerId = ownerId, Currency = currency, Status = WalletStatus.Active, OpenedAt = now, Tier = tier, SubWalletId = subWalletId };
        var answer = View(0, SpendingUsage.Nothing.On(limits.DayOf(now)), WalletStatus.Active, now);
        profile.State.Opening = request is null ? null : new WalletOpening(request, answer);
        await profile.WriteStateAsync();
        return answer;
    }

    public async Task SetTier(int tier)
    {
        if (profile.RecordExists && profile.State.Tier != tier)
        {
            profile.State.Tier = tier;
            await profile.WriteStateAsync();
        }
    }

    public Task<WalletFacts?> GetFacts()
        => Task.FromResult(profile.RecordExists ? profile.State.Facts(this.GetPrimaryKeyString(), capped: LimitsNow.BalanceCap is not null) : null);

    public Task<WalletFacts?> GetFactsToCredit()
    {
        if (profile.RecordExists)
        {
            NoteCredit(clock.GetUtcNow(), LimitsNow.BalanceCap is null);
        }
        return GetFacts();
    }

    public async Task<WalletView> GetView(string callerId)
    {
        OwnedBy(callerId);
        var now = clock.GetUtcNow();
        await LearnDayRate(now);
        var (usage, status, held, points) = await book.PerformRead(b => (b.Usage, b.Status, b.Holds.Values.Sum(), b.Points));
        return View(await TotalBalance(), usage.On(limits.DayOf(now)), status, now, held) with { Points = points };
    }

    private WalletView View(long balance, SpendingUsage usage, WalletStatus status, DateTimeOffset now, long held = 0)
    {
        var p = profile.State;
        return new WalletView(this.GetPrimaryKeyString(), p.Currency, balance, balance - held, status, p.OpenedAt, p.Tier, LimitsAt(now), usage) { SubWalletId = p.SubWalletId };
    }

    public Task<Refusal?> Debit(Posting posting)
    {
        if (!profile.RecordExists || profile.State.OwnerId != posting.ActorId)
        {
            return Task.FromResult<Refusal?>(new(RefusalCodes.NotFound));
        }
        if (profile.State.Currency != posting.Currency)
        {
            return Task.FromResult<Refusal?>(new(RefusalCodes.CurrencyMismatch));
        }
        return Debited(posting);
    }

    /// <summary>Checks the status, the tier's limits against the day's and year's usage, and the funds, in the debit's own update.</summary>
    private async Task<Refusal?> Debited(Posting posting)
    {
        await DrainTillsIfShort(posting.Amount);
        var now = clock.GetUtcNow();
        await LearnDayRate(now);
        var tierLimits = LimitsAt(now);
        var day = limits.DayOf(now);
        Refusal? refusal = null;
        await Post([(posting, EntryDirection.Out, now)], b =>
        {
            if (posting.Reviewed || posting.FamilyApproved)
            {
                b.Holds = b.Holds.Remove(posting.MovementId); // released from review or approved: it spends what was held for it, or lets it go if refused
            }
            var usage = b.Usage.On(day);
            refusal = BookRules.RefusesDebit(b, posting, usage, tierLimits);
            if (refusal is null && BookRules.CountsAsSpending(posting))
            {
                b.Usage = usage.Spend(posting.Amount);
            }
            return refusal is null;
        });
        if (refusal is null && profile.State.SubWalletId is { } subWalletId)
        {
            await GrainFactory.GetGrain<Families.ISubWalletGrain>(subWalletId).Admit(posting); // its family's rules, in this transaction; refusing aborts it
        }
        return refusal;
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
        if (profile.State.SubWalletId is not null && !BookRules.SubWalletTakes(posting.Kind))
        {
            throw new WalletRefusedException(RefusalCodes.NotForSubWallet, "A sub-wallet takes money only from its family (and refunds of its own payments).");
        }
        return Credited(posting);
    }

    /// <summary>Refusing a credit (a closed wallet, the balance cap) aborts the movement: the sender's debit is undone with it.</summary>
    private async Task Credited(Posting posting)
    {
        var now = clock.GetUtcNow();
        await LearnDayRate(now);
        var cap = LimitsAt(now).BalanceCap;
        var inTills = cap is null ? 0 : await TillsBalance();
        WalletRefusedException? refused = null;
        await Post([(posting, EntryDirection.In, now)], b => (refused = BookRules.RefusesCredit(b, posting, inTills, cap)) is null);
        if (refused is not null)
        {
            throw refused;
        }
    }

    /// <summary>
    /// Posts lines into the book, unless <paramref name="admit"/> (run on the book inside the same
    /// update) says no: then nothing changes and the answer is false. Asks the statement to file
    /// whole pages once enough entries gathered: a one-way call outside this transaction, since the
    /// statement files only what a transaction of its own finds committed.
    /// </summary>
    private async Task<bool> Post(IReadOnlyList<(Posting Posting, EntryDirection Direction, DateTimeOffset At)> lines, Func<WalletBook, bool>? admit = null)
    {
        var bookedAt = clock.GetUtcNow();
        var unfiled = await book.PerformUpdate(b => admit is null || admit(b) ? b.PostAll(lines, bookedAt) : -1);
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

    public Task<UnfiledEntries> ReadUnfiled() => book.PerformRead(b => new UnfiledEntries(b.Entries, b.FiledThrough));

    public Task ForgetFiled(long sequence) => book.PerformUpdate(b => b.Forget(sequence));

    public Task Enlist() => book.PerformUpdate(_ => true);

    public async Task Restrict(Risk.Restriction restriction)
    {
        await book.PerformUpdate(b => b.OwnerRestriction = restriction);
        if (profile.RecordExists && profile.State.OwnerRestriction != restriction)
        {
            // Written before the transaction commits: if it then aborts, credits merely go to the book for a while.
            profile.State.OwnerRestriction = restriction;
            await profile.WriteStateAsync();
        }
    }

    public async Task NoteAutoTopUp(bool on)
    {
        if (profile.RecordExists && profile.State.AutoTopUp != on)
        {
            profile.State.AutoTopUp = on;
            await profile.WriteStateAsync();
        }
    }

    public Task AddPoints(long points) => book.PerformUpdate(b => b.Points = checked(b.Points + points));

    public Task<long> ReadBalance() => TotalBalance();

    private TierLimits LimitsNow => LimitsAt(clock.GetUtcNow());

    /// <summary>The tier's limits in the wallet's currency: another than the home currency's converted at the day's rate once learned.</summary>
    private TierLimits LimitsAt(DateTimeOffset at) => limits.For(profile.State.Tier, profile.State.Currency, at, dayRates.Known(profile.State.Currency, at));

    /// <summary>Before the limits are read: the day's rate, where they are converted at it.</summary>
    private Task LearnDayRate(DateTimeOffset now)
        => profile.RecordExists && limits.Converts(profile.State.Tier, profile.State.Currency, now) ? dayRates.Learn(profile.State.Currency, now) : Task.CompletedTask;

    private IWalletStatementGrain Statement => GrainFactory.GetGrain<IWalletStatementGrain>(this.GetPrimaryKeyString());

    private WalletProfile OwnedBy(string callerId)
        => profile.RecordExists && profile.State.OwnerId == callerId ? profile.State : throw WalletRefusedException.NotFound("The wallet");
}
