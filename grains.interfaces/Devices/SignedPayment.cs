using System.Globalization;

namespace Wallet.Devices;

/// <summary>
/// What a device signature approves, as banks' transaction signing binds it: the movement's kind
/// (<c>transfer</c>, <c>withdrawal</c>, <c>payment</c>), amount in minor units, currency, payee (the
/// receiving wallet id or phone as the transfer names it, the card id of a withdrawal, the merchant id
/// of a payment) and reference (the request's idempotency key; the payment id when confirming a
/// merchant's charge). A signature over one payment approves no other, however alike.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.SignedPayment")]
public sealed record SignedPayment(
    [property: Id(0)] string Kind,
    [property: Id(1)] long Amount,
    [property: Id(2)] string Currency,
    [property: Id(3)] string Payee,
    [property: Id(4)] string Reference)
{
    public const string Transfer = "transfer";
    public const string Withdrawal = "withdrawal";
    public const string Payment = "payment";
    public const string BillPayment = "bill_payment";
    public const string AutopayMandate = "autopay_mandate";
    public const string Conversion = "conversion";
    public const string Remittance = "remittance";
    public const string FamilyTopUp = "family_top_up";
    public const string RedPacket = "red_packet";
    public const string ProductPurchase = "product_purchase";
    public const string LoanDrawdown = "loan_drawdown";
    public const string LoanRepayment = "loan_repayment";

    /// <summary>The exact text the device signs (UTF-8), as README's "Device keys" paragraph documents it.</summary>
    public string Message(string nonce)
        => string.Join('\n', nonce, Kind, Amount.ToString(CultureInfo.InvariantCulture), Currency, Payee, Reference);
}
