using Wallet.ClientApi.Contract;
using Wallet.Customers;

namespace Wallet.ClientApi.Movements;

/// <summary>Money sent from one of the customer's wallets to another customer.</summary>
/// <param name="FromWalletId">The wallet the money leaves (<c>wal_…</c>), one of the caller's.</param>
/// <param name="To">Where the money goes: a wallet id or a phone number, exactly one of them.</param>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY), from 1 up.</param>
/// <param name="Currency">ISO 4217 code of the amount; it must be the sending wallet's currency.</param>
/// <param name="Memo">Optional note both sides see in their history, up to 140 characters.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature approving this transfer, instead of the PIN.</param>
public sealed record TransferRequest(
    [property: RequiredField] string? FromWalletId,
    [property: RequiredField] TransferTarget? To,
    [property: RequiredField] long? Amount,
    [property: RequiredField] string? Currency,
    string? Memo,
    string? Pin,
    DeviceSignatureBody? DeviceSignature);

/// <summary>A device's signature over a challenge's nonce and the payment it approves, instead of the PIN (see <c>POST /v1/me/challenges</c>).</summary>
/// <param name="ChallengeId">The challenge signed (<c>chl_…</c>), from <c>POST /v1/me/challenges</c>; usable once.</param>
/// <param name="Signature">Base64 of the DER-encoded ECDSA P-256 signature by the device's registered key.</param>
public sealed record DeviceSignatureBody([property: RequiredField] string? ChallengeId, [property: RequiredField] string? Signature)
{
    /// <summary>
    /// The grain's form of a request's authorisation, once <see cref="Http.FieldErrors.Authorisation"/> has passed it;
    /// <paramref name="idempotencyKey"/> is the request's, which a device signature covers.
    /// </summary>
    public static PaymentAuthorisation From(string? pin, DeviceSignatureBody? signature, string? idempotencyKey = null)
        => pin is not null ? PaymentAuthorisation.WithPin(pin) : PaymentAuthorisation.WithDevice(signature!.ChallengeId!, signature.Signature!, idempotencyKey);
}

/// <summary>Where a transfer goes: a wallet id, or the phone number of a customer (to their wallet in that currency).</summary>
/// <param name="WalletId">The receiving wallet (<c>wal_…</c>). In a transfer's answer, always the wallet the money went to.</param>
/// <param name="Phone">The receiving customer's mobile number, such as <c>+8613800138000</c>; the money goes to their wallet in the transfer's currency. Null in a transfer's answer.</param>
public sealed record TransferTarget(string? WalletId, string? Phone);

/// <summary>Money brought into a wallet from one of the customer's bound cards.</summary>
/// <param name="CardId">The bound, verified card charged (<c>card_…</c>).</param>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY), from 1 up.</param>
/// <param name="Currency">ISO 4217 code of the amount; it must be the wallet's currency.</param>
public sealed record TopUpRequest([property: RequiredField] string? CardId, [property: RequiredField] long? Amount, [property: RequiredField] string? Currency);

/// <summary>Money taken out of a wallet to one of the customer's bound cards.</summary>
/// <param name="CardId">The bound, verified card paid (<c>card_…</c>).</param>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY), from 1 up.</param>
/// <param name="Currency">ISO 4217 code of the amount; it must be the wallet's currency.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature approving this withdrawal, instead of the PIN.</param>
public sealed record WithdrawalRequest(
    [property: RequiredField] string? CardId,
    [property: RequiredField] long? Amount,
    [property: RequiredField] string? Currency,
    string? Pin,
    DeviceSignatureBody? DeviceSignature);
