using Wallet.Devices;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>
/// What authorises a customer's payments, keyed by the customer id: the payment PIN (locked after too
/// many wrong in a row), the device keys and their challenges, and unfreezing a wallet, which needs the PIN.
/// </summary>
[Alias("Wallet.IPaymentCredentialsGrain")]
public interface IPaymentCredentialsGrain : IGrainWithStringKey
{
    [Alias("SetPaymentPin")]
    Task SetPaymentPin(string pin, string? currentPin);

    [Alias("HasPaymentPin")]
    Task<bool> HasPaymentPin();

    /// <summary>
    /// Refuses with <c>invalid_pin</c>, <c>pin_not_set</c> or <c>pin_locked</c> unless the PIN is right;
    /// the configured count of wrong PINs in a row locks payments until the next bank day.
    /// </summary>
    [Alias("VerifyPaymentPin")]
    Task VerifyPaymentPin(string pin);

    /// <summary>
    /// Checks a payment's authorisation: the PIN (counted towards its lock), or a device signature over
    /// a live challenge of this customer's and <paramref name="payment"/>, which the attempt spends. Answers
    /// with the customer's restriction, so a movement planned now knows whether it is to be held for review.
    /// </summary>
    [Alias("AuthorisePayment")]
    Task<Risk.Restriction> AuthorisePayment(PaymentAuthorisation authorisation, SignedPayment payment);

    /// <summary>A new payment PIN, with the texted code and (once verified) the identity number; lifts a PIN lock.</summary>
    [Alias("ResetPaymentPin")]
    Task ResetPaymentPin(string code, string? idNumber, string newPin);

    /// <summary>Registers a device's ECDSA P-256 public key (the same key again returns the same device).</summary>
    [Alias("RegisterDevice")]
    Task<DeviceView> RegisterDevice(string publicKey);

    [Alias("ListDevices")]
    Task<IReadOnlyList<DeviceView>> ListDevices();

    [Alias("RemoveDevice")]
    Task RemoveDevice(string deviceId);

    /// <summary>A fresh nonce for a device to sign: single use, two minutes.</summary>
    [Alias("IssueChallenge")]
    Task<DeviceChallenge> IssueChallenge();

    /// <summary>Texts a code for unfreezing one of the customer's wallets.</summary>
    [Alias("SendUnfreezeCode")]
    Task SendUnfreezeCode(string walletId);

    /// <summary>Lifts the owner's freeze on a wallet: needs the payment PIN and the texted code.</summary>
    [Alias("UnfreezeWallet")]
    Task<WalletView> UnfreezeWallet(string walletId, string pin, string code);

    /// <summary>A report of loss: every device key removed at once (each removal its own event), every challenge with them. Answers how many.</summary>
    [Alias("RemoveAllDevices")]
    Task<int> RemoveAllDevices();

    /// <summary>Recovery's new payment PIN (the identity check is the caller's); lifts a PIN lock.</summary>
    [Alias("ReplacePinOnRecovery")]
    Task ReplacePinOnRecovery(string newPin);

    /// <summary>The account closed: the PIN and the device keys are gone. Closing again changes nothing.</summary>
    [Alias("Close")]
    Task Close();
}
