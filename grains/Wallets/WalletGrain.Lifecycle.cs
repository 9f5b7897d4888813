using Orleans.Transactions;
using Wallet.Events;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.Wallets;

/// <summary>
/// Freezing, unfreezing, receive-only holds and closing. Each is a transaction on the book (so it
/// waits for movements under way and binds every later one), then the profile's copy follows.
/// </summary>
public sealed partial class WalletGrain
{
    public Task<WalletView> Freeze(string callerId)
        => ChangeStatus(callerId, status => status switch
        {
            WalletStatus.Closed => WalletStatuses.RefusesIncoming(status),
            WalletStatus.Active or WalletStatus.Frozen or WalletStatus.ReceiveOnly => null,
        }, status => status == WalletStatus.Active ? WalletStatus.Frozen : status);

    public Task<WalletView> Unfreeze(string callerId)
        => ChangeStatus(callerId, status => status switch
        {
            WalletStatus.Frozen or WalletStatus.Active => null,
            WalletStatus.Closed => WalletStatuses.RefusesIncoming(status),
            WalletStatus.ReceiveOnly => new Refusal(RefusalCodes.WalletNotFrozen, "The bank holds this wallet receive-only; only the bank can lift that."),
        }, _ => WalletStatus.Active);

    public Task<WalletView> SetStatus(WalletStatus status, StatusNote note)
        => status == WalletStatus.Closed
            ? throw new WalletRefusedException(RefusalCodes.ValidationFailed, "Closing is the owner's, with an empty wallet.")
            : ChangeStatus(profile.RecordExists ? profile.State.OwnerId : "", current => WalletStatuses.RefusesIncoming(current), _ => status, note);

    /// <summary>
    /// Closes the wallet for good, only when it holds nothing: its tills are emptied into the book and
    /// shut in the same transaction, so no credit can land after the balance was found zero.
    /// </summary>
    public async Task<WalletView> Close(string callerId)
    {
        OwnedBy(callerId);
        await RunStatusTransaction(async () =>
        {
            var (balance, status, holds) = await book.PerformRead(b => (b.Balance, b.Status, b.Holds.Count));
            if (status == WalletStatus.Closed)
            {
                return;
            }
            if (holds > 0)
            {
                throw new WalletRefusedException(RefusalCodes.WalletNotEmpty, "The wallet has money held for a merchant: wait for it to be captured, voided or to expire.");
            }
            await book.PerformUpdate(_ => true); // the wallet's lock before the tills', as in every sweep
            var takings = new List<TillTakings>();
            for (var till = 0; till < TillCount; till++)
            {
                takings.Add(await Till(till).Drain(closing: true));
            }
            await PostTakings(takings);
            if (balance + takings.Sum(t => t.Credits.Sum(c => c.Posting.Amount)) != 0)
            {
                throw new WalletRefusedException(RefusalCodes.WalletNotEmpty, "Only an empty wallet can be closed: move its money out first.");
            }
            await book.PerformUpdate(b => b.Status = WalletStatus.Closed);
        });
        return await Mirror(callerId);
    }

    private async Task<WalletView> ChangeStatus(string callerId, Func<WalletStatus, Refusal?> refuses, Func<WalletStatus, WalletStatus> next, StatusNote? note = null)
    {
        OwnedBy(callerId);
        await RunStatusTransaction(async () =>
        {
            var refusal = await book.PerformUpdate(b =>
            {
                var refused = refuses(b.Status);
                if (refused is null)
                {
                    b.Status = next(b.Status);
                }
                return refused;
            });
            if (refusal is not null)
            {
                throw refusal.AsException();
            }
        });
        return await Mirror(callerId, note);
    }

    private async Task RunStatusTransaction(Func<Task> change)
    {
        try
        {
            await transactions.RunTransaction(TransactionOption.Create, change);
        }
        catch (OrleansTransactionAbortedException aborted) when (aborted.InnerException is WalletRefusedException refused)
        {
            throw refused;
        }
    }

    /// <summary>
    /// Copies the book's committed status into the profile, with the event that reports the change
    /// (written together, published after), and answers with the wallet as it now is.
    /// </summary>
    private async Task<WalletView> Mirror(string callerId, StatusNote? note = null)
    {
        var view = await GetViewInTransaction(callerId);
        var state = profile.State;
        if (state.Status != view.Status)
        {
            state.StatusNote = note;
            var (walletId, eventId, owner, now) = (this.GetPrimaryKeyString(), Ids.New("evt"), state.OwnerId, clock.GetUtcNow());
            // Customers' wallets only: merchants' settlement wallets are not watched by the customers' risk monitor.
            List<WalletEvent> outbox = Ids.IsCustomer(owner) ? state.Outbox : [];
            outbox.Add((state.Status, view.Status) switch
            {
                (_, WalletStatus.Frozen) => new WalletFrozen(eventId, owner, now, walletId),
                (WalletStatus.Frozen, WalletStatus.Active) => new WalletUnfrozen(eventId, owner, now, walletId),
                var (from, to) => new WalletStatusChanged(eventId, owner, now, walletId, from, to, note),
            });
            state.Status = view.Status;
            await Outbox.SaveAndPublish();
        }
        return view;
    }

    private StateOutbox<WalletProfile>? _outbox;

    /// <summary>The status events, written with the profile and published after (see <see cref="StateOutbox{TState}"/>).</summary>
    private StateOutbox<WalletProfile> Outbox => _outbox ??= new(profile, this.GetPrimaryKeyString(), publisher, logger);

    public override Task OnActivateAsync(CancellationToken cancellationToken) => Outbox.PublishLeftOver();

    private async Task<WalletView> GetViewInTransaction(string callerId)
    {
        WalletView? view = null;
        await transactions.RunTransaction(TransactionOption.Create, async () => view = await GetView(callerId));
        return view!;
    }
}
