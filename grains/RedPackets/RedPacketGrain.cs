using Microsoft.Extensions.Options;
using Wallet.Customers;
using Wallet.Devices;
using Wallet.Display;
using Wallet.Families;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.RedPackets;

/// <summary>
/// A red packet (红包). Sending is one transaction: the sender's wallet pays the total into the bank's red-packet clearing
/// account, and the packet records its shares, decided then (a random split too), so a claim only takes the next one.
/// Claims (<see cref="RedPacketClaimGrain"/>) take shares inside their own transactions, which the packet's state
/// serialises; once its time is over, what nobody claimed goes back (<see cref="RedPacketGrain"/>'s other half).
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed partial class RedPacketGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<RedPacketRecord> record,
    MovementServices services,
    IOptions<RedPacketOptions> options)
    : MovementGrain<RedPacketReceipt, RedPacketRecord>(record, services), IRedPacketGrain, IRemindable
{
    /// <summary>
    /// A cache of the packet as sent and its sender (the truth is the record): neither changes once the money moved, so a
    /// claim's first question is answered from memory instead of by a transaction that queues behind the claims.
    /// </summary>
    private (RedPacketReceipt Packet, string SenderId)? _sent;

    public async Task<RedPacketView> Send(RedPacketOrder order)
    {
        if (await Recorded(order.CustomerId, order.Fingerprint) is { } earlier)
        {
            return await Viewed(order.CustomerId, earlier);
        }
        RequireWithinLimits(order);
        var payee = order.ToCustomerId ?? order.ToPhone ?? order.FamilyId ?? "";
        await PayerSays(order.CustomerId, order.Authorisation, order.Fingerprint, SignedPayment.RedPacket, order.Total, order.Currency, payee);
        var from = await OwnWallet(order.CustomerId, order.FromWalletId, order.Currency, outgoing: true);
        var audience = await AudienceOf(order);
        var shares = RedPacketSplits.Of(order.Split, order.Amount, order.Shares);
        var receipt = Accepted(new RedPacketReceipt(from.WalletId, audience, order.Split, order.Shares, order.Total, order.Message, default), order.Currency);
        receipt = receipt with { ExpiresAt = receipt.CreatedAt + options.Value.ClaimWithin };
        var debit = new Posting(MovementId, MovementKind.RedPacket, order.CustomerId, order.Total, order.Currency, MovementId, order.Message, PayerAuthorised: true);
        await RemindAt(receipt.ExpiresAt);
        var sent = await Commit(order.CustomerId, order.Fingerprint, receipt, async () =>
        {
            if (await Wallet(from.WalletId).Debit(debit) is { } refusal)
            {
                return refusal;
            }
            await Clearing(ClearingAccounts.RedPackets, order.Currency, from.WalletId).Post(MovementId, order.Total);
            return null;
        }, keep: r => r.Shares = r.Receipt?.Status == MovementStatus.Completed ? shares : []);
        return await Viewed(order.CustomerId, sent);
    }

    /// <summary>The sender's view with the receipt this request answered (a replay says it is one).</summary>
    private async Task<RedPacketView> Viewed(string senderId, RedPacketReceipt answered)
        => (await ViewFor(senderId) ?? throw new InvalidOperationException($"Red packet {MovementId} is not recorded for its sender.")) with { Packet = answered };

    /// <summary>The rules a packet is sent under (the facade checks them too; this is the guard for every other caller).</summary>
    private void RequireWithinLimits(RedPacketOrder order)
    {
        var rules = options.Value;
        var oneToOne = order.FamilyId is null;
        if ((order.ToCustomerId is not null ? 1 : 0) + (order.ToPhone is not null ? 1 : 0) + (oneToOne ? 0 : 1) != 1)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, "A red packet goes to one customer (by id or phone) or to one family.");
        }
        if (oneToOne ? order.Shares != 1 : order.Shares < 1 || order.Shares > rules.MaxShares)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, oneToOne ? "A one-to-one red packet has one share." : $"A group red packet has 1 to {rules.MaxShares} shares.");
        }
        var perShare = order.Split switch
        {
            RedPacketSplit.Fixed => order.Amount is >= 1 && order.Amount <= rules.MaxShareAmount,
            RedPacketSplit.Random => order.Amount >= order.Shares && order.Amount <= checked(rules.MaxShareAmount * order.Shares),
        };
        if (!perShare)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"Each share is 1 to {rules.MaxShareAmount} minor units (on average, for a random split).");
        }
        RequireMovableAmount(order.Total, order.Currency);
        if (!DisplayText.IsValid(order.Message, RedPacketMessages.MaxLength))
        {
            throw new WalletRefusedException(RefusalCodes.InvalidText, $"A red packet's message is 1 to {RedPacketMessages.MaxLength} characters a person can read.");
        }
    }

    /// <summary>Who may claim: a registered customer with a wallet in the packet's currency (not the sender), or a family the sender is in.</summary>
    private async Task<RedPacketAudience> AudienceOf(RedPacketOrder order)
    {
        if (order.FamilyId is { } familyId)
        {
            return await GrainFactory.GetGrain<IFamilyGrain>(familyId).RoleOf(order.CustomerId) is null
                ? throw WalletRefusedException.NotFound("The family")
                : RedPacketAudience.Family(familyId);
        }
        var customerId = order.ToCustomerId ?? await GrainFactory.GetGrain<IPhoneDirectoryGrain>(order.ToPhone!).FindCustomer();
        if (customerId == order.CustomerId)
        {
            throw new WalletRefusedException(RefusalCodes.OwnRedPacket, "A one-to-one red packet goes to someone else.");
        }
        if (customerId is null || !Ids.IsCustomer(customerId) || await GrainFactory.GetGrain<ICustomerGrain>(customerId).FindReceivingWallet(order.Currency) is null)
        {
            throw new WalletRefusedException(RefusalCodes.RecipientNotFound, $"No customer with a {order.Currency} wallet is registered under that id or phone number.");
        }
        return RedPacketAudience.Customer(customerId);
    }

    public Task<RedPacketView?> Find(string customerId) => ViewFor(customerId);

    public async Task<RedPacketTerms> TermsFor(string customerId)
    {
        if (_sent is null && await ReadRecord() is { Receipt: { Status: MovementStatus.Completed } packet, CallerId: { } senderId })
        {
            _sent = (packet, senderId);
        }
        if (_sent is not { } sent)
        {
            throw WalletRefusedException.NotFound("The red packet");
        }
        if (!sent.Packet.Audience.IsGroup && sent.SenderId == customerId)
        {
            throw new WalletRefusedException(RefusalCodes.OwnRedPacket, "The sender cannot claim their own one-to-one red packet.");
        }
        return await MayClaim(sent.Packet, customerId)
            ? new RedPacketTerms(sent.Packet.Currency, sent.Packet.FromWalletId, sent.Packet.ExpiresAt, sent.Packet.Message)
            : throw WalletRefusedException.NotFound("The red packet");
    }

    /// <summary>The named customer of a one-to-one packet; any member of a group packet's family (its sender too, as in WeChat).</summary>
    private async Task<bool> MayClaim(RedPacketReceipt packet, string customerId) => packet.Audience switch
    {
        { CustomerId: { } one } => one == customerId,
        { FamilyId: { } familyId } => await GrainFactory.GetGrain<IFamilyGrain>(familyId).RoleOf(customerId) is not null,
        _ => false,
    };

    /// <summary>
    /// The packet as it stands, for its sender (every claim, and the return) or for one who may claim it (their own share
    /// only: what others got is theirs to tell); null for anyone else, who does not learn it exists.
    /// </summary>
    private async Task<RedPacketView?> ViewFor(string customerId)
    {
        if (await ReadRecord() is not { Receipt: { } packet, CallerId: { } senderId } known)
        {
            return null;
        }
        var sender = senderId == customerId;
        if (!sender && (packet.Status != MovementStatus.Completed || !await MayClaim(packet, customerId)))
        {
            return null;
        }
        var yours = known.Claims.Find(c => c.CustomerId == customerId);
        var returned = sender && known.ReturnId is { } returnId ? await GrainFactory.GetGrain<IRedPacketReturnGrain>(returnId).Find(senderId) : null;
        return new RedPacketView(packet, senderId, StatusOf(known, packet), known.ReturnId is null ? known.Shares.Count - known.Claims.Count : 0, yours,
            sender ? [.. known.Claims] : yours is null ? [] : [yours], returned);
    }

    private RedPacketStatus StatusOf(RedPacketRecord known, RedPacketReceipt packet) => packet.Status switch
    {
        MovementStatus.Completed when known.ReturnId is not null => RedPacketStatus.Returned,
        MovementStatus.Completed when known.Claims.Count == known.Shares.Count => RedPacketStatus.Claimed,
        MovementStatus.Completed when Clock.GetUtcNow() >= packet.ExpiresAt => RedPacketStatus.Expired,
        MovementStatus.Completed => RedPacketStatus.Open,
        MovementStatus.Refused or MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided
            or MovementStatus.HeldForReview or MovementStatus.AwaitingApproval => RedPacketStatus.NotSent,
    };
}

/// <summary>A red packet's record: as sent, its shares in the order they are claimed, who took which, and its return.</summary>
[GenerateSerializer, Alias("Wallet.RedPacketRecord")]
public sealed class RedPacketRecord : MovementRecord<RedPacketReceipt>
{
    /// <summary>Every share's amount, decided when the packet was sent; the next claim takes the first one not yet taken.</summary>
    [Id(0)] public List<long> Shares { get; set; } = [];

    /// <summary>The shares taken, in the order they were: written by the claims' transactions.</summary>
    [Id(1)] public List<ClaimedShare> Claims { get; set; } = [];

    /// <summary>The movement that gave the unclaimed rest back, once it did: written by its transaction.</summary>
    [Id(2)] public string? ReturnId { get; set; }
}
