using System.Collections.Immutable;
using Wallet.Hosting;
using Wallet.Ledger;

namespace Wallet.Wallets;

/// <summary>
/// A receive-only sub-account of a busy wallet (see <see cref="IWalletTillGrain"/>). It asks the
/// wallet's sweeper to empty it after a credit, at most one request at a time, and again on a timer
/// if a sweep did not confirm: a sweep may abort, and money must not sit unswept for long.
/// </summary>
public sealed class WalletTillGrain(
    [TransactionalState("till", StorageNames.Wallet)] ITransactionalState<TillBook> book,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IWalletTillGrain
{
    private static readonly TimeSpan s_resweepAfter = TimeSpan.FromSeconds(2);

    // In-memory bookkeeping of sweep requests; credits counted include aborted ones, which at worst
    // cause a sweep that finds nothing.
    private long _credited;
    private long _sweptMark;
    private DateTimeOffset? _askedAt;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A till that was deactivated with takings in it gets them swept on its next activation.
        _credited = 1;
        this.RegisterGrainTimer(Backstop, s_resweepAfter, s_resweepAfter);
        return Task.CompletedTask;
    }

    public async Task Credit(Posting posting)
    {
        var at = clock.GetUtcNow();
        var closed = await book.PerformUpdate(b =>
        {
            if (!b.Closed)
            {
                b.Credits = b.Credits.Add(new TillCredit(posting, at));
            }
            return b.Closed;
        });
        if (closed)
        {
            throw WalletStatuses.RefusesIncoming(WalletStatus.Closed)!.AsException();
        }
        _credited++;
        AskForSweep();
    }

    public Task<TillTakings> Drain(bool closing = false)
    {
        var mark = _credited;
        return book.PerformUpdate(b =>
        {
            var takings = new TillTakings(b.Credits, mark);
            b.Credits = [];
            b.Closed |= closing;
            return takings;
        });
    }

    public Task<long> ReadBalance() => book.PerformRead(b => b.Credits.Sum(c => c.Posting.Amount));

    public Task Swept(long mark)
    {
        _sweptMark = Math.Max(_sweptMark, mark);
        _askedAt = null;
        if (_credited > _sweptMark)
        {
            AskForSweep();
        }
        return Task.CompletedTask;
    }

    private Task Backstop()
    {
        if (_credited > _sweptMark && _askedAt is { } asked && clock.GetUtcNow() - asked > s_resweepAfter)
        {
            _askedAt = null;
        }
        if (_credited > _sweptMark)
        {
            AskForSweep();
        }
        return Task.CompletedTask;
    }

    private void AskForSweep()
    {
        if (_askedAt is null)
        {
            _askedAt = clock.GetUtcNow();
            var (walletId, till) = Tills.Parse(this.GetPrimaryKeyString());
            _ = GrainFactory.GetGrain<ITillSweeperGrain>(walletId).Sweep(till);
        }
    }
}

/// <summary>A till's credits not yet swept into its wallet; its balance is their sum.</summary>
[GenerateSerializer, Alias("Wallet.TillBook")]
public sealed class TillBook : IHoldsMoney
{
    [Id(0)] public ImmutableList<TillCredit> Credits { get; set; } = [];

    /// <summary>Shut with its closed wallet: refuses credits from then on.</summary>
    [Id(1)] public bool Closed { get; set; }

    public LedgerSide Side => LedgerSide.Till;

    public long Money => Credits.Sum(c => c.Posting.Amount);

    public string? Currency => Credits.IsEmpty ? null : Credits[0].Posting.Currency;
}

/// <summary>Sweeps one till per transaction (the wallet's lock and that till's), retrying aborts.</summary>
public sealed class TillSweeperGrain(ITransactionClient transactions, ILogger<TillSweeperGrain> logger) : Grain, ITillSweeperGrain
{
    public async Task Sweep(int till)
    {
        var walletId = this.GetPrimaryKeyString();
        long mark = 0;
        await Movements.TransactionRetry.Run(logger, $"sweep {walletId} till {till}", () => transactions.RunTransaction(TransactionOption.Create,
            async () => mark = await GrainFactory.GetGrain<IWalletBookkeepingGrain>(walletId).TakeTill(till)));
        await GrainFactory.GetGrain<IWalletTillGrain>(Tills.KeyOf(walletId, till)).Swept(mark);
        Telemetry.WalletMetrics.TillSwept();
    }
}
