using Wallet.Cards;
using Wallet.Identity;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>A customer: credentials, tier, and the wallets and cards they own.</summary>
[Alias("Wallet.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    [Alias("Enrol")]
    Task Enrol(CustomerEnrolment enrolment);

    /// <summary>Checks the login password; too many wrong in a row lock signing in for a while.</summary>
    [Alias("SignIn")]
    Task<SignInOutcome> SignIn(string password, Events.GeoPoint? location);

    /// <summary>Whether a session is still signed in: every request's access token names one.</summary>
    [Alias("IsSessionLive"), AlwaysInterleave]
    Task<bool> IsSessionLive(string sessionId);

    /// <summary>
    /// Rotates a session's refresh token: the new one, or null when the token is not the session's
    /// current one. A token already rotated away ends the session (someone holds a copy).
    /// </summary>
    [Alias("Refresh")]
    Task<SignedIn?> Refresh(string sessionId, string secret);

    /// <summary>Logout: the session's refresh token and its access tokens stop working.</summary>
    [Alias("EndSession")]
    Task EndSession(string sessionId);

    /// <summary>A new login password, proven by the current one; every session ends.</summary>
    [Alias("ChangePassword")]
    Task ChangePassword(string currentPassword, string newPassword);

    [Alias("GetProfile")]
    Task<CustomerProfile> GetProfile();

    [Alias("SetPaymentPin")]
    Task SetPaymentPin(string pin, string? currentPin);

    /// <summary>
    /// Refuses with <c>invalid_pin</c>, <c>pin_not_set</c> or <c>pin_locked</c> unless the PIN is right;
    /// the configured count of wrong PINs in a row locks payments until the next bank day.
    /// </summary>
    [Alias("VerifyPaymentPin")]
    Task VerifyPaymentPin(string pin);

    /// <summary>
    /// Checks a payment's authorisation: the PIN (counted towards its lock), or a device signature over
    /// a live challenge of this customer's and <paramref name="payment"/>, which the attempt spends. Answers
    /// with the customer's rung on the risk ladder, so a movement planned now knows whether it is to be held for review.
    /// </summary>
    [Alias("AuthorisePayment")]
    Task<Risk.RiskAction> AuthorisePayment(PaymentAuthorisation authorisation, Devices.SignedPayment payment);

    /// <summary>Registers a device's ECDSA P-256 public key (the same key again returns the same device).</summary>
    [Alias("RegisterDevice")]
    Task<Devices.DeviceView> RegisterDevice(string publicKey);

    [Alias("ListDevices")]
    Task<IReadOnlyList<Devices.DeviceView>> ListDevices();

    [Alias("RemoveDevice")]
    Task RemoveDevice(string deviceId);

    /// <summary>A fresh nonce for a device to sign: single use, two minutes.</summary>
    [Alias("IssueChallenge")]
    Task<Devices.DeviceChallenge> IssueChallenge();

    /// <summary>Texts the customer's phone a code for resetting the password or the PIN.</summary>
    [Alias("SendCode")]
    Task SendCode(CodePurpose purpose);

    /// <summary>A new login password, with the texted code and (once verified) the identity number; lifts a login lock.</summary>
    [Alias("ResetPassword")]
    Task ResetPassword(string code, string? idNumber, string newPassword);

    /// <summary>A new payment PIN, with the texted code and (once verified) the identity number; lifts a PIN lock.</summary>
    [Alias("ResetPaymentPin")]
    Task ResetPaymentPin(string code, string? idNumber, string newPin);

    /// <summary>
    /// Real-name verification: the identity service must confirm the name and number; the customer
    /// then rises to tier 3 (never falls by it). Refuses another number once one is verified.
    /// </summary>
    [Alias("VerifyRealName")]
    Task<CustomerProfile> VerifyRealName(string name, string idNumber);

    /// <summary>
    /// An operator's change of tier: 1 after verifying the customer in person, or a downgrade to 3
    /// or 4 (tiers above 4 need the real name verified). Recorded with the reason.
    /// </summary>
    [Alias("ChangeTier")]
    Task<CustomerProfile> ChangeTier(int tier, string reason);

    /// <summary>Texts a code for unfreezing one of the customer's wallets.</summary>
    [Alias("SendUnfreezeCode")]
    Task SendUnfreezeCode(string walletId);

    /// <summary>Lifts the owner's freeze on a wallet: needs the payment PIN and the texted code.</summary>
    [Alias("UnfreezeWallet")]
    Task<WalletView> UnfreezeWallet(string walletId, string pin, string code);

    /// <summary>All the customer's personal data and history, for them to take away.</summary>
    [Alias("Export")]
    Task<CustomerExport> Export();

    /// <summary>Closes the account for good (every wallet must be empty); personal data is erased, ledger entries stay.</summary>
    [Alias("Close")]
    Task Close();

    /// <summary>A single-use payment code for one of the customer's wallets, valid 60 seconds.</summary>
    [Alias("IssuePaymentCode")]
    Task<Merchants.PaymentCode> IssuePaymentCode(string walletId);

    /// <summary>A merchant's charge now waits for this customer's confirmation.</summary>
    [Alias("NotePendingCharge")]
    Task NotePendingCharge(Merchants.PendingCharge charge);

    [Alias("ForgetPendingCharge")]
    Task ForgetPendingCharge(string paymentId);

    /// <summary>Charges still waiting for confirmation, the soonest to expire last.</summary>
    [Alias("ListPendingCharges")]
    Task<IReadOnlyList<Merchants.PendingCharge>> ListPendingCharges();

    /// <summary>A merchant issued the customer a coupon: it appears in the customer's list.</summary>
    [Alias("NoteCoupon")]
    Task NoteCoupon(string couponId);

    /// <summary>The customer's coupons, newest first, used and expired ones included.</summary>
    [Alias("ListCoupons")]
    Task<IReadOnlyList<Promotions.CouponView>> ListCoupons();

    [Alias("CodePaymentsToday")]
    Task<int> CodePaymentsToday();

    [Alias("NoteCodePayment")]
    Task NoteCodePayment();

    /// <summary>Re-derives tier 2 from the customer's cards (a debit card in the verified name) after a card changes.</summary>
    [Alias("ReviewTier")]
    Task ReviewTier();

    /// <summary>
    /// The risk monitor moved the customer on the escalation ladder: every wallet's book takes the rung
    /// in one transaction, so from its commit no movement gets past it; wallets opened later start on it.
    /// </summary>
    [Alias("Restrict")]
    Task Restrict(Risk.RiskAction restriction);

    /// <summary>The rung the customer stands on, for early checks; each wallet's book decides.</summary>
    [Alias("GetRestriction"), AlwaysInterleave]
    Task<Risk.RiskAction> GetRestriction();

    [Alias("OpenWallet")]
    Task<Replayable<WalletView>> OpenWallet(string currency, IdempotentRequest request);

    [Alias("ListWallets")]
    Task<IReadOnlyList<WalletView>> ListWallets();

    /// <summary>The customer's first active wallet in the currency: where money sent to their phone lands.</summary>
    [Alias("FindReceivingWallet")]
    Task<string?> FindReceivingWallet(string currency);

    [Alias("BindCard")]
    Task<Replayable<CardView>> BindCard(CardApplication application, IdempotentRequest request);

    [Alias("UnbindCard")]
    Task UnbindCard(string cardId);
}
