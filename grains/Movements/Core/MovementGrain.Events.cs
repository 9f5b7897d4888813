using Wallet.Bills;
using Wallet.Events;
using Wallet.Identity;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// The movement's events. Its record — written in the same transaction as the money — is its outbox:
/// before the transaction the movement is written down in its publication-log shard, after the commit
/// its events are published and the shard told; if that never happens (a crash, a failed publish), the
/// shard's reminder has the movement publish again from its record. Never published from inside the
/// transaction: an aborted one would still have delivered them.
/// </summary>
public abstract partial class MovementGrain<TReceipt, TRecord>
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Events of movement {MovementId} were not published; its publication-log shard has them published again")]
    private static partial void LogPublishFailed(ILogger logger, string movementId, Exception exception);

    private IEventOutboxGrain Outbox => GrainFactory.GetGrain<IEventOutboxGrain>(EventOutbox.ShardOf(MovementId));

    public async Task<bool> Republish()
    {
        if ((await Known())?.Receipt is { } receipt)
        {
            await PublishEvents(receipt);
            return true;
        }
        return false;
    }

    /// <summary>After the commit: publishes the outcome's events and tells the shard; a failure leaves the movement written down there.</summary>
    private async Task Publish(TReceipt outcome)
    {
        if (services.EventsCommitWithRecord)
        {
            return; // in the log already, committed with the record
        }
        try
        {
            await PublishEvents(outcome);
            await Outbox.Published(MovementId);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogPublishFailed(Logger, MovementId, exception);
        }
    }

    private async Task PublishEvents(TReceipt receipt)
        => await Task.WhenAll((await EventsOf(receipt)).Select(services.Publisher.Publish));

    /// <summary>
    /// Money that moved: out of the payer's wallet and into the receiver's, each to its owner's stream
    /// when the owner is a customer (merchants are not watched by the customers' risk monitor). Nothing
    /// for an outcome that moved none. Money to or from a merchant (a payment, a refund) carries the merchant's
    /// category, which the payment's entry was posted with and a refund gives back to.
    /// </summary>
    private async Task<List<WalletEvent>> EventsOf(TReceipt receipt)
    {
        var events = new List<WalletEvent>(2);
        if (receipt.Moved is not { } moved)
        {
            return events;
        }
        var owners = await Task.WhenAll(OwnerOf(moved.FromWalletId), OwnerOf(moved.ToWalletId));
        var (payer, receiver) = (owners[0], owners[1]);
        var category = await SpendingCategoryOf(moved);
        if (payer is not null && Ids.IsCustomer(payer) && moved.FromWalletId is { } from)
        {
            events.Add(new MoneyMoved(Ids.ForIdempotencyKey(IdPrefixes.Event, MovementId, "out"), payer, receipt.CreatedAt, MovementId, receipt.Kind,
                EntryDirection.Out, moved.Out, moved.OutCurrency ?? receipt.Currency, from, moved.ToWalletId, receiver, moved.MerchantId, category));
        }
        if (receiver is not null && Ids.IsCustomer(receiver) && moved.ToWalletId is { } to)
        {
            events.Add(new MoneyMoved(Ids.ForIdempotencyKey(IdPrefixes.Event, MovementId, "in"), receiver, receipt.CreatedAt, MovementId, receipt.Kind,
                EntryDirection.In, moved.In, moved.InCurrency ?? receipt.Currency, to, moved.FromWalletId, payer, moved.MerchantId, category));
        }
        return events;
    }

    /// <summary>
    /// The category a movement's events carry: money to or from a merchant its merchant's (by the MCC); null for the
    /// rest, which the analysis counts by their kind. A workflow whose other side is no merchant but is spent in a
    /// category all the same (a biller's utilities, which its refund gives back to) says so.
    /// </summary>
    protected virtual async Task<SpendingCategory?> SpendingCategoryOf(MoneyFlow moved)
        => moved.MerchantId is { } merchantId ? await MerchantCategories.Of(GrainFactory, merchantId) : null;

    /// <summary>A wallet's owner, which never changes: remembered in the process, asked of the wallet the first time.</summary>
    private async Task<string?> OwnerOf(string? walletId)
    {
        if (walletId is null)
        {
            return null;
        }
        if (WalletOwners.Find(walletId) is { } known)
        {
            return known;
        }
        var owner = (await Wallet(walletId).GetFacts())?.OwnerId;
        if (owner is not null)
        {
            WalletOwners.Remember(walletId, owner);
        }
        return owner;
    }
}
