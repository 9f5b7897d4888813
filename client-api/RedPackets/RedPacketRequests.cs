using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Movements;
using Wallet.RedPackets;

namespace Wallet.ClientApi.RedPackets;

/// <summary>A red packet (红包) sent from one of the caller's wallets: to one customer, or to a family's members.</summary>
/// <param name="FromWalletId">The wallet that pays (<c>wal_…</c>), one of the caller's, in <c>currency</c>.</param>
/// <param name="Recipient">A one-to-one packet's recipient: a customer id or a phone number, exactly one; give this or <c>familyId</c>.</param>
/// <param name="FamilyId">A group packet's family (<c>fam_…</c>), one the caller is in: its members may claim; give this or <c>recipient</c>.</param>
/// <param name="Shares">How many shares: 1 for a one-to-one packet (the default), 1 to 100 for a group packet.</param>
/// <param name="Split"><c>fixed</c> (the default): every share is <c>amount</c>; <c>random</c>: <c>amount</c> is the total, split at random when it is sent, every share at least one fen.</param>
/// <param name="Amount">In minor units of <c>currency</c>: each share's for a fixed split (1 to 20000, ¥200.00), the total for a random one (at least one per share, at most 20000 per share).</param>
/// <param name="Currency">ISO 4217 code of the amount: the paying wallet's currency.</param>
/// <param name="Message">What the packet says, 1 to 60 characters; "恭喜发财，大吉大利" when left out.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature approving this packet (kind <c>red_packet</c>, the total, the currency, the recipient's customer id or phone, or the family id, as payee), instead of the PIN.</param>
public sealed record RedPacketRequest(
    [property: RequiredField] string? FromWalletId,
    RedPacketRecipient? Recipient,
    string? FamilyId,
    int? Shares,
    RedPacketSplit? Split,
    [property: RequiredField] long? Amount,
    [property: RequiredField] string? Currency,
    string? Message,
    string? Pin,
    DeviceSignatureBody? DeviceSignature);

/// <summary>Who a one-to-one red packet is for: a registered customer, by id or by phone, exactly one.</summary>
/// <param name="CustomerId">The recipient's customer id (<c>cus_…</c>).</param>
/// <param name="Phone">The recipient's mobile number, such as <c>+8613800138000</c>.</param>
public sealed record RedPacketRecipient(string? CustomerId, string? Phone);

/// <summary>A claim on a red packet; the body may be left out.</summary>
/// <param name="WalletId">The caller's wallet to receive the share (<c>wal_…</c>), in the packet's currency; left out, their first active wallet in it.</param>
public sealed record RedPacketClaimRequest(string? WalletId);
