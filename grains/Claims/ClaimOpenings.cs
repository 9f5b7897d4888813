using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Claims;

/// <summary>What may be claimed: money that left the customer's wallet for someone else, within the window, noticed after it happened.</summary>
public static class ClaimOpenings
{
    /// <summary>Throws the refusal of a claim that may not be opened; nothing is written before it.</summary>
    public static async Task Check(IGrainFactory grains, ClaimOpening opening, DateTimeOffset now)
    {
        var entry = opening.Entry;
        if (entry.Direction != EntryDirection.Out)
        {
            throw new WalletRefusedException(RefusalCodes.ClaimNotOutgoing, "Only money that left your wallet can be claimed; this entry brought money in.");
        }
        if (!await ToSomeoneElse(grains, entry, opening.CustomerId))
        {
            // The bank's own movements (a provisional credit taken back), the customer's own wallets and their loans are nobody's theft.
            throw new WalletRefusedException(RefusalCodes.ClaimNotOutgoing, "Only money that left your wallet for someone else can be claimed; this entry went to the bank or to your own wallet.");
        }
        if (now - entry.CreatedAt > ClaimRules.ClaimWindow)
        {
            throw new WalletRefusedException(RefusalCodes.ClaimWindowPassed,
                $"A claim must be opened within {ClaimRules.ClaimWindow.TotalDays:0} days of the movement; this one was on {entry.CreatedAt:yyyy-MM-dd}.");
        }
        if (opening.NoticedAt < entry.CreatedAt.AddMinutes(-1) || opening.NoticedAt > now.AddMinutes(5))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, "noticedAt is when you noticed the movement: after it happened and not in the future.");
        }
    }

    /// <summary>Money that went to someone else: a merchant, a biller, a card, a bank abroad, another customer's wallet.</summary>
    private static async Task<bool> ToSomeoneElse(IGrainFactory grains, WalletEntry entry, string customerId)
    {
        if (entry.Kind is not (MovementKind.Transfer or MovementKind.Payment or MovementKind.Withdrawal or MovementKind.BillPayment or MovementKind.Remittance
            or MovementKind.RedPacket))
        {
            return false;
        }
        return entry.Kind != MovementKind.Transfer || entry.Counterparty is not { } wallet
            || (await grains.GetGrain<IWalletGrain>(wallet).GetFacts())?.OwnerId != customerId;
    }
}
