using Wallet.Hosting;
using Wallet.Money;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Refusals;

namespace Wallet.RedPackets;

/// <summary>
/// The packet's shares taken by claims, and its end: once <see cref="RedPacketOptions.ClaimWithin"/> is over, a reminder
/// gives what nobody claimed back to the sender. The return is a movement whose id is made from this packet's, and its
/// transaction marks the packet returned (only once, only after expiry) together with the money: however often the
/// reminder ticks, on whichever silo, the rest goes back once, and a claim and the return cannot both take a share.
/// </summary>
public sealed partial class RedPacketGrain
{
    private const string ExpiryReminder = "red-packet-expiry";

    [LoggerMessage(Level = LogLevel.Error, Message = "Red packet {PacketId}: the sender's wallet refused the unclaimed rest ({Code}); it stays in the red-packet clearing account and the reminder tries again")]
    private static partial void LogReturnRefused(ILogger logger, string packetId, string code);

    /// <summary>
    /// The expiry's reminder, due when the packet's time is over. Registered before the money moves, so a silo that stops
    /// after the commit still gives the rest back; a packet whose sending was refused forgets it at its first tick.
    /// </summary>
    private Task RemindAt(DateTimeOffset expiresAt)
    {
        var due = expiresAt - Clock.GetUtcNow();
        return this.RegisterOrUpdateReminder(ExpiryReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, options.Value.ReturnRetryEvery);
    }

    public Task<ShareTaken> TakeShare(string customerId, string claimId) => Record.PerformUpdate(r =>
    {
        var now = Clock.GetUtcNow();
        if (r.Receipt is not { Status: MovementStatus.Completed } packet)
        {
            throw new InvalidOperationException($"Red packet {MovementId} was not sent; claim {claimId} cannot take a share of it.");
        }
        if (r.Claims.Exists(c => c.CustomerId == customerId))
        {
            // The claim's own record is written in the same transaction as its share: a second share for one customer is a defect.
            throw new InvalidOperationException($"Customer {customerId} already took a share of red packet {MovementId}; claim {claimId} takes none.");
        }
        if (r.ReturnId is not null || now >= packet.ExpiresAt)
        {
            return new ShareTaken(null, new Refusal(RefusalCodes.RedPacketExpired, RefusalText.For(RefusalCodes.RedPacketExpired)));
        }
        if (r.Claims.Count >= r.Shares.Count)
        {
            return new ShareTaken(null, new Refusal(RefusalCodes.RedPacketEmpty, RefusalText.For(RefusalCodes.RedPacketEmpty)));
        }
        var share = new ClaimedShare(customerId, r.Claims.Count, r.Shares[r.Claims.Count], claimId, now);
        r.Claims.Add(share);
        return new ShareTaken(share, null);
    });

    public Task<UnclaimedRest> MarkReturned(string returnId) => Record.PerformUpdate(r =>
    {
        if (r.Receipt is not { Status: MovementStatus.Completed } packet || r.ReturnId is not null || Clock.GetUtcNow() < packet.ExpiresAt
            || r.Claims.Count >= r.Shares.Count)
        {
            return new UnclaimedRest(0, 0, new Refusal(RefusalCodes.NotPending, "The red packet has nothing to give back: it is open, fully claimed or returned already."));
        }
        r.ReturnId = returnId;
        var rest = r.Shares.Skip(r.Claims.Count).Aggregate(0L, (sum, share) => checked(sum + share));
        return new UnclaimedRest(rest, r.Shares.Count - r.Claims.Count, null);
    });

    public async Task ReceiveReminder(string reminderName, TickStatus status) => await Expire();

    public async Task<RedPacketView?> Expire()
    {
        if (await ReadRecord() is not { Receipt: { Status: MovementStatus.Completed } packet, CallerId: { } senderId } known)
        {
            await this.ForgetReminder(ExpiryReminder);
            return null;
        }
        if (known.ReturnId is { } returnedBy)
        {
            // Told again (the inbox keeps one): a silo that stopped between the return's commit and the telling tells now.
            if (await GrainFactory.GetGrain<IRedPacketReturnGrain>(returnedBy).Find(senderId) is { Status: MovementStatus.Completed } earlier)
            {
                await Told(senderId, packet, earlier);
            }
            await this.ForgetReminder(ExpiryReminder);
            return await ViewFor(senderId);
        }
        if (known.Claims.Count >= known.Shares.Count)
        {
            await this.ForgetReminder(ExpiryReminder);
            return await ViewFor(senderId);
        }
        if (Clock.GetUtcNow() < packet.ExpiresAt)
        {
            return await ViewFor(senderId); // early by the bank's clock: the reminder comes again
        }
        var returnId = MovementIds.For(Workflow.RedPacketReturn, senderId, MovementId);
        var returned = await GrainFactory.GetGrain<IRedPacketReturnGrain>(returnId).Return(new RedPacketReturnOrder(senderId, MovementId, packet.FromWalletId, packet.Currency));
        switch (returned.Status)
        {
            case MovementStatus.Completed:
                await Told(senderId, packet, returned);
                await this.ForgetReminder(ExpiryReminder);
                break;
            case MovementStatus.Refused when returned.Refusal?.Code == RefusalCodes.NotPending:
                await this.ForgetReminder(ExpiryReminder); // claimed in full meanwhile, or returned by another tick
                break;
            case MovementStatus.Refused or MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.HeldForReview:
                LogReturnRefused(Logger, MovementId, returned.Refusal?.Code ?? returned.Status.ToString());
                break;
        }
        return await ViewFor(senderId);
    }

    /// <summary>The sender's inbox says what came back (once: the notification's id is made from the packet's).</summary>
    private Task Told(string senderId, RedPacketReceipt packet, RedPacketReturnReceipt returned)
        => GrainFactory.GetGrain<INotificationInboxGrain>(senderId).Post(new Notification($"ntf_{MovementId}_returned", "red_packet_returned", "Red packet returned",
            $"{returned.SharesReturned} of {packet.Shares} shares of your red packet \"{packet.Message}\" were not claimed in time: "
            + $"{Amounts.Format(returned.Amount, returned.Currency)} is back in your wallet.", Clock.GetUtcNow(), MovementId));
}
