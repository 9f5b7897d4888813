using System.Text.RegularExpressions;
using Wallet.Customers;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Fx;

/// <summary>Why money is sent abroad, as a bank must record it for each cross-border payment (申报用途).</summary>
public enum RemittancePurpose
{
    FamilySupport,
    Education,
    Travel,
    Medical,
    Goods,
    Services,
    Other,
}

/// <summary>
/// The account abroad a remittance is for: the holder's name as their bank knows it, the bank's SWIFT code (BIC,
/// 8 or 11 characters) and the account number or IBAN (6 to 34 letters and digits).
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.Beneficiary")]
public sealed partial record Beneficiary(
    [property: Id(0)] string Name,
    [property: Id(1)] string BankCode,
    [property: Id(2)] string Account)
{
    /// <summary>The account shown to the customer and on receipts: the last four characters only.</summary>
    public string MaskedAccount => Account.Length <= 4 ? Account : new string('•', 4) + Account[^4..];

    /// <summary>What is wrong with each field, by its name in the request; empty when nothing is.</summary>
    public IReadOnlyDictionary<string, string> Problems()
    {
        var problems = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length is < 2 or > 70 || Name.Any(char.IsControl))
        {
            problems["beneficiary.name"] = "The beneficiary's name, 2 to 70 characters, as their bank knows it.";
        }
        if (BankCode is null || !Bic().IsMatch(BankCode))
        {
            problems["beneficiary.bankCode"] = "The beneficiary's bank by its SWIFT code (BIC): 8 or 11 capital letters and digits, e.g. HSBCHKHHHKH.";
        }
        if (Account is null || !AccountNumber().IsMatch(Account))
        {
            problems["beneficiary.account"] = "The beneficiary's account number or IBAN: 6 to 34 capital letters and digits, no spaces.";
        }
        return problems;
    }

    // \z, not $: a $ would let a trailing newline through into a SWIFT field.
    [GeneratedRegex(@"^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?\z")]
    private static partial Regex Bic();

    [GeneratedRegex(@"^[A-Z0-9]{6,34}\z")]
    private static partial Regex AccountNumber();
}

/// <summary>
/// Send <see cref="Amount"/> of <see cref="Currency"/> to an account abroad from one of the caller's wallets. The
/// wallet pays it converted at the bank's buy rate of the moment (rounded up) when it is in another currency, and the
/// fee. <see cref="Priced"/>: the conversion and fee of a remittance held for review, paid as held when it is released.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.RemittanceOrder")]
public sealed record RemittanceOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string Fingerprint,
    [property: Id(2)] string WalletId,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] Beneficiary Beneficiary,
    [property: Id(6)] RemittancePurpose Purpose,
    [property: Id(7)] PaymentAuthorisation Authorisation,
    [property: Id(8)] RemittancePrice? Priced = null)
{
    public override string ToString() => $"RemittanceOrder {{ Wallet = {WalletId}, Amount = {Amount} {Currency}, Bank = {Beneficiary.BankCode}, Purpose = {Purpose} }}";
}

/// <summary>What a remittance costs its wallet: the conversion (null in the wallet's own currency) and the fee, in the wallet's currency.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RemittancePrice")]
public sealed record RemittancePrice([property: Id(0)] Exchanged? Exchange, [property: Id(1)] long Fee);

/// <summary>
/// A remittance as recorded: <see cref="Amount"/> of the movement's currency sent to <see cref="Beneficiary"/>; the
/// wallet paid it (converted, <see cref="Exchange"/>, when in another currency) and <see cref="Fee"/>, in its currency.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.RemittanceReceipt")]
public sealed record RemittanceReceipt(
    [property: Id(0)] string WalletId,
    [property: Id(1)] Beneficiary Beneficiary,
    [property: Id(2)] RemittancePurpose Purpose,
    [property: Id(3)] long Amount,
    [property: Id(4)] long Fee) : ReviewableOutcome
{
    /// <summary>The wallet's side when it is in another currency than the one sent: what it paid for the amount, at what rate.</summary>
    [Id(5)] public Exchanged? Exchange { get; init; }

    public override MovementKind Kind => MovementKind.Remittance;

    public override MovementSides Sides => new(MovementSide.Wallet(WalletId), MovementSide.Abroad(MovementId));

    protected override MoneyFlow Flow => new(WalletId, null, SenderPays, Amount, OutCurrency: Exchange?.WalletCurrency);

    public override string HeldWalletId => WalletId;

    public override long HeldAmount => SenderPays;

    /// <summary>The amount sent in the wallet's currency, without the fee.</summary>
    public long Principal => Exchange?.WalletAmount ?? Amount;

    public override long SenderPays => Principal + Fee;

    public override string SenderCurrency => Exchange?.WalletCurrency ?? Currency;
}

/// <summary>Where a remittance stands with the correspondent bank, once its money left the wallet.</summary>
public enum RemittanceStatus
{
    /// <summary>Debited and recorded by the bank; not yet taken by the correspondent.</summary>
    Accepted,

    /// <summary>Taken by the correspondent bank, on its way to the beneficiary's bank.</summary>
    Sent,

    /// <summary>The beneficiary's bank credited the account.</summary>
    Credited,

    /// <summary>The beneficiary's bank sent it back; the wallet was refunded, once.</summary>
    Returned,

    /// <summary>No money moved (held for review, or refused): nothing was sent.</summary>
    NotSent,
}

/// <summary>What the correspondent has said of a remittance.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CorrespondentLeg")]
public sealed record CorrespondentLeg(
    [property: Id(0)] RemittanceStatus Status,
    [property: Id(1)] DateTimeOffset AcceptedAt,
    [property: Id(2)] string? Reference = null,
    [property: Id(3)] string? Reason = null,
    [property: Id(4)] string? ReturnId = null,
    [property: Id(5)] DateTimeOffset? SentAt = null,
    [property: Id(6)] DateTimeOffset? SettledAt = null);

/// <summary>A remittance, where it stands, and its return when it was sent back.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RemittanceView")]
public sealed record RemittanceView(
    [property: Id(0)] RemittanceReceipt Receipt,
    [property: Id(1)] CorrespondentLeg? Leg,
    [property: Id(2)] RemittanceReturnReceipt? Return = null)
{
    public RemittanceStatus Status => Leg?.Status ?? RemittanceStatus.NotSent;
}

/// <summary>
/// A remittance (<c>rm_…</c>): in one transaction the wallet is debited the amount (converted) and the fee, the bank's
/// FX positions moved, the amount credited to the correspondent's clearing account and the fee to the bank's; a purchase
/// of foreign currency with the home currency drawn on the annual quota. Then the correspondent bank is told, and
/// followed up until the beneficiary's bank credits it or sends it back.
/// </summary>
[Alias("Wallet.IRemittanceGrain")]
public interface IRemittanceGrain : IReviewableMovementGrain
{
    [Alias("Send")]
    Task<RemittanceView> Send(RemittanceOrder order);

    /// <summary>The remittance as recorded, for the customer who sent it; otherwise null.</summary>
    [Alias("Find")]
    Task<RemittanceView?> Find(string customerId);

    /// <summary>Asks the correspondent again now (what the follow-up reminder does); answers where the remittance stands.</summary>
    [Alias("FollowUp")]
    Task<RemittanceView?> FollowUp();

    /// <summary>Inside the return's transaction: marks the remittance returned, or says why not (it was credited meanwhile).</summary>
    [Alias("MarkReturned"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusals.Refusal?> MarkReturned(string returnId, RemittanceReturnOrder order);
}

/// <summary>Give a returned remittance back to its wallet (its follow-up asks, never a customer).</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RemittanceReturnOrder")]
public sealed record RemittanceReturnOrder(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] string RemittanceId,
    [property: Id(2)] string WalletId,
    [property: Id(3)] long Amount,
    [property: Id(4)] string Currency,
    [property: Id(5)] string WalletCurrency,
    [property: Id(6)] long Principal,
    [property: Id(7)] string Reason);

/// <summary>
/// A returned remittance's money back (<c>rr_…</c>, its id made from the remittance's): <see cref="Returned"/> of the
/// currency sent came back from the correspondent and <see cref="Amount"/> of the wallet's currency (the movement's)
/// reached the wallet, converted at the bank's rate of the day of the return (rounded down). <see cref="Difference"/>:
/// that less what the wallet paid for the amount sent (the fee is not given back); 0 in the wallet's own currency.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.RemittanceReturnReceipt")]
public sealed record RemittanceReturnReceipt(
    [property: Id(0)] string RemittanceId,
    [property: Id(1)] string WalletId,
    [property: Id(2)] long Returned,
    [property: Id(3)] string ReturnedCurrency,
    [property: Id(4)] long Amount,
    [property: Id(5)] decimal? Rate,
    [property: Id(6)] long Difference,
    [property: Id(7)] string Reason) : MovementOutcome
{
    public override MovementKind Kind => MovementKind.Refund;

    public override MovementSides Sides => new(MovementSide.Abroad(RemittanceId), MovementSide.Wallet(WalletId));

    protected override MoneyFlow Flow => new(null, WalletId, Amount, Amount);
}

[Alias("Wallet.IRemittanceReturnGrain")]
public interface IRemittanceReturnGrain : IMovementGrain
{
    [Alias("Return")]
    Task<RemittanceReturnReceipt> Return(RemittanceReturnOrder order);

    [Alias("Find")]
    Task<RemittanceReturnReceipt?> Find(string customerId);
}
