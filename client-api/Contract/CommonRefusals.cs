using Wallet.Refusals;

namespace Wallet.ClientApi.Contract;

/// <summary>
/// Refusals several routes share because they run the same rule: the payer's yes, a wallet's status, money leaving or
/// reaching a wallet, a bank card, a texted code. A route declares a set with <see cref="MayRefuseRoutes.MayRefuse"/>.
/// </summary>
public static class CommonRefusals
{
    /// <summary>The payer's yes to a movement: the payment PIN, or a device's signature over a challenge.</summary>
    public static readonly string[] PayerAuthorisation =
    [
        RefusalCodes.InvalidPin, RefusalCodes.PinLocked, RefusalCodes.PinNotSet,
        RefusalCodes.InvalidChallenge, RefusalCodes.ChallengeExpired, RefusalCodes.InvalidDeviceSignature,
    ];

    /// <summary>A wallet whose status lets no money out.</summary>
    public static readonly string[] WalletStatus = [RefusalCodes.WalletFrozen, RefusalCodes.WalletReceiveOnly, RefusalCodes.WalletClosed];

    /// <summary>The owner's restriction stopping money out: frozen, receive-only, or review where the money could not be held.</summary>
    public static readonly string[] PayerStanding = [RefusalCodes.AccountFrozen, RefusalCodes.AccountReceiveOnly, RefusalCodes.HeldForReview];

    /// <summary>
    /// Money leaving a wallet, a customer's or a merchant's settlement wallet: its status, the tier's limits, the funds;
    /// and an outcome the cluster could not confirm.
    /// </summary>
    public static readonly string[] Spending = [.. WalletStatus, RefusalCodes.LimitExceeded, RefusalCodes.InsufficientFunds, RefusalCodes.MovementInDoubt];

    /// <summary>
    /// A sub-wallet's rules, checked in every debit of one: it pays only merchants, within its hours, merchants and
    /// categories, until its end date (its limits answer <c>limit_exceeded</c>).
    /// </summary>
    public static readonly string[] SubWallet =
    [
        RefusalCodes.NotForSubWallet, RefusalCodes.SubWalletEnded, RefusalCodes.OutsideAllowedHours, RefusalCodes.MerchantNotAllowed, RefusalCodes.CategoryNotAllowed,
        RefusalCodes.ApprovalRequired, RefusalCodes.DeclinedByFamily, RefusalCodes.ApprovalExpired,
    ];

    /// <summary>Money leaving a customer's wallet named in the request: spending, the wallet and its currency, the owner's restriction, a sub-wallet's rules.</summary>
    public static readonly string[] MoneyOut = [.. Spending, .. PayerStanding, .. SubWallet, RefusalCodes.NotFound, RefusalCodes.CurrencyMismatch];

    /// <summary>Money reaching a wallet: the wallet and its currency, a closed wallet, a frozen owner, the tier's balance cap, a sub-wallet (funded only by its family).</summary>
    public static readonly string[] MoneyIn =
    [
        RefusalCodes.NotFound, RefusalCodes.CurrencyMismatch, RefusalCodes.WalletClosed, RefusalCodes.AccountFrozen,
        RefusalCodes.BalanceCapExceeded, RefusalCodes.MovementInDoubt, RefusalCodes.NotForSubWallet,
    ];

    /// <summary>Money to or from the customer's bound card: a card not active, its bank declining or not reachable.</summary>
    public static readonly string[] BankCard = [RefusalCodes.CardNotActive, RefusalCodes.CardDeclined, RefusalCodes.IntegrationUnavailable];

    /// <summary>
    /// A merchant's charge or authorisation of a customer's payment code: the code itself, the payer's restriction (a till
    /// cannot wait for a PIN), the order id's text, and the same order id with another request.
    /// </summary>
    public static readonly string[] PaymentCodeCharge =
    [
        RefusalCodes.InvalidPaymentCode, RefusalCodes.PaymentCodeUsed, RefusalCodes.PaymentCodeExpired, RefusalCodes.StepUpRequired,
        RefusalCodes.InvalidText, RefusalCodes.IdempotencyKeyReused,
    ];

    /// <summary>A coupon given with a payment.</summary>
    public static readonly string[] Coupon = [RefusalCodes.InvalidCoupon, RefusalCodes.CouponUsed, RefusalCodes.CouponExpired, RefusalCodes.CouponNotApplicable];

    /// <summary>A code the bank texted (binding a card, a reset, an unfreeze): wrong or expired, or too many wrong tries.</summary>
    public static readonly string[] TextedCode = [RefusalCodes.InvalidVerificationCode, RefusalCodes.VerificationLocked];

    /// <summary>A reset of the password or the PIN: the texted code, and a verified customer's identity number.</summary>
    public static readonly string[] Reset = [.. TextedCode, RefusalCodes.IdNumberMismatch];
}
