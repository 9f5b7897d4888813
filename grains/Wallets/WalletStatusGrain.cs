using Orleans.Transactions;
using Wallet.Events;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.Wallets;

/// <summary>
/// A wallet's status: freezing, unfreezing, an operator's holds and closing. Each change is a transaction
/// on the wallet's book (<see cref="IWalletBookkeepingGrain.Shift"/>), where the status that decides lives and every
/// debit checks it; once it has committed, the change is reported here (the event written with the status
/// it reports, published after) and the wallet's copy for its early checks follows. Kept apart from
/// <see cref="WalletGrain"/>: who may change a status, and who is told, changes with the bank's rules and
/// events, not with how money is booked.
/// </summary>
public sealed class WalletStatusGrain(
    [PersistentState("walletStatus", StorageNames.Wallet)] IPersistentState<WalletStatusState> reported,
    ITransactionClient transactions,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    IWalletEventPublisher publisher,
    ILogger<WalletStatusGrain> logger)
    : Grain, IWalletStatusGrain
{
    private string WalletId => this.GetPrimaryKeyString();

    private IWalletGrain Wallet => GrainFactory.GetGrain<IWalletGrain>(WalletId);

    private IWalletBookkeepingGrain Book => GrainFactory.GetGrain<IWalletBookkeepingGrain>(WalletId);

    public Task<WalletView> Freeze(string callerId) => Change(callerId, new StatusChange(StatusChangeKind.Freeze));

    public Task<WalletView> Unfreeze(string callerId) => Change(callerId, new StatusChange(StatusChangeKind.Unfreeze));

    public Task<WalletView> SetStatus(WalletStatus status, StatusNote note)
        => status == WalletStatus.Closed
            ? throw new WalletRefusedException(RefusalCodes.ValidationFailed, "Closing is the owner's, with an empty wallet.")
            : Change(callerId: null, new StatusChange(StatusChangeKind.Set, status), note);

    public Task<WalletView> Close(string callerId) => Change(callerId, new StatusChange(StatusChangeKind.Close));

    /// <summary>The owner's (or, with no caller, an operator's) change: applied in the book's transaction, then reported.</summary>
    private async Task<WalletView> Change(string? callerId, StatusChange change, StatusNote? note = null)
    {
        if (await Wallet.GetFacts() is not { } facts || (callerId is not null && facts.OwnerId != callerId))
        {
            throw WalletRefusedException.NotFound("The wallet");
        }
        try
        {
            await transactions.RunTransaction(TransactionOption.Create, () => Book.Shift(change));
        }
        catch (OrleansTransactionAbortedException aborted) when (aborted.InnerException is WalletRefusedException refused)
        {
            throw refused;
        }
        var view = await Wallet.GetView(facts.OwnerId);
        await Report(facts, view.Status, note);
        await Book.CopyStatus(view.Status);
        return view;
    }

    /// <summary>
    /// Reports the book's committed status if it is not the one last reported, with the event that tells of the
    /// change (written together, published after). Before its first report, the wallet's copy says what was.
    /// </summary>
    private async Task Report(WalletFacts facts, WalletStatus status, StatusNote? note)
    {
        var state = reported.State;
        var was = reported.RecordExists ? state.Status : facts.Status;
        if (was == status)
        {
            return;
        }
        state.Note = note;
        var (eventId, owner, now) = (Ids.New(IdPrefixes.Event), facts.OwnerId, clock.GetUtcNow());
        // Customers' wallets only: merchants' settlement wallets are not watched by the customers' risk monitor.
        if (Ids.IsCustomer(owner))
        {
            state.Outbox.Add((was, status) switch
            {
                (_, WalletStatus.Frozen) => new WalletFrozen(eventId, owner, now, WalletId),
                (WalletStatus.Frozen, WalletStatus.Active) => new WalletUnfrozen(eventId, owner, now, WalletId),
                var (from, to) => new WalletStatusChanged(eventId, owner, now, WalletId, from, to, note),
            });
        }
        state.Status = status;
        await Outbox.SaveAndPublish();
    }

    private StateOutbox<WalletStatusState>? _outbox;

    private StateOutbox<WalletStatusState> Outbox => _outbox ??= new(reported, WalletId, publisher, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Outbox.PublishLeftOver();
}

/// <summary>The status a wallet's events last reported, the operator's reason for it, and events not yet published.</summary>
[GenerateSerializer, Alias("Wallet.WalletStatusState")]
public sealed class WalletStatusState : IHoldsEvents
{
    [Id(0)] public WalletStatus Status { get; set; }

    /// <summary>The latest operator's reason for the status, who gave it and when (null for the owner's changes).</summary>
    [Id(1)] public StatusNote? Note { get; set; }

    /// <summary>Status-change events written with the status they report and not yet published.</summary>
    [Id(2)] public List<WalletEvent> Outbox { get; set; } = [];
}
