using Wallet.Customers;

namespace Wallet.ClientApi.Movements;

public sealed record TransferRequest(string? FromWalletId, TransferTarget? To, long? Amount, string? Currency, string? Memo, string? Pin, DeviceSignatureBody? DeviceSignature);

/// <summary>A device's signature over a challenge's nonce and the payment it approves, instead of the PIN (see <c>POST /v1/me/challenges</c>).</summary>
public sealed record DeviceSignatureBody(string? ChallengeId, string? Signature)
{
    /// <summary>
    /// The grain's form of a request's authorisation, once <see cref="Http.FieldErrors.Authorisation"/> has passed it;
    /// <paramref name="idempotencyKey"/> is the request's, which a device signature covers.
    /// </summary>
    public static PaymentAuthorisation From(string? pin, DeviceSignatureBody? signature, string? idempotencyKey = null)
        => pin is not null ? PaymentAuthorisation.WithPin(pin) : PaymentAuthorisation.WithDevice(signature!.ChallengeId!, signature.Signature!, idempotencyKey);
}

/// <summary>Where a transfer goes: a wallet id, or the phone number of a customer (to their wallet in that currency).</summary>
public sealed record TransferTarget(string? WalletId, string? Phone);

public sealed record TopUpRequest(string? CardId, long? Amount, string? Currency);

public sealed record WithdrawalRequest(string? CardId, long? Amount, string? Currency, string? Pin, DeviceSignatureBody? DeviceSignature);
