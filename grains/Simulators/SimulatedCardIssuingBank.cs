using System.Security.Cryptography;
using System.Text;
using Wallet.Banking;
using Wallet.Cards;
using Wallet.Refusals;

namespace Wallet.Simulators;

/// <summary>
/// A card-issuing bank for the embedded mode and the tests. It keeps no state, so every silo gives
/// the same answer. Cards ending in 0002 are declined, and so is any single charge or payout over
/// ¥50,000 (the card's own limit); for a card ending in 0003 the bank has another phone on file, for
/// 0004 another holder, and 0005 is a credit card; every other card is a debit card held by the
/// applicant on the applicant's phone. Its token is an HMAC of the card number, never the number.
/// The credit cards it issues end in 0005 too, their other digits made from the application, so asking again gives the same card.
/// Tests can switch its payouts off (<see cref="PayoutsUnavailable"/>) to stand for an outage.
/// </summary>
public sealed class SimulatedCardIssuingBank : ICardIssuingBank
{
    public const long CardLimit = 5_000_000;
    private const string DecliningSuffix = "0002";
    public const string OtherPhone = "+8613000000003";
    public const string OtherHolder = "ZHANG SAN";
    private static readonly byte[] s_tokenKey = Encoding.UTF8.GetBytes("wallet-orleans simulated bank");

    public Task<BankCard> Enrol(string cardNumber, string holderName, string phone)
    {
        if (!CardNumbers.IsValid(cardNumber))
        {
            throw new WalletRefusedException(RefusalCodes.CardDeclined, "The bank does not recognise this card.");
        }
        var flag = cardNumber.EndsWith(DecliningSuffix, StringComparison.Ordinal) ? "d" : "a";
        var digest = Convert.ToHexStringLower(HMACSHA256.HashData(s_tokenKey, Encoding.UTF8.GetBytes(cardNumber)));
        var token = $"sim_{flag}_{digest[..32]}";
        var registeredPhone = cardNumber.EndsWith("0003", StringComparison.Ordinal) ? OtherPhone : phone;
        var holder = cardNumber.EndsWith("0004", StringComparison.Ordinal) ? OtherHolder : holderName;
        var kind = cardNumber.EndsWith("0005", StringComparison.Ordinal) ? CardKind.Credit : CardKind.Debit;
        return Task.FromResult(new BankCard(token, $"Simulated Bank {cardNumber[..6]}", registeredPhone, holder, kind));
    }

    public Task<BankDecision> Charge(string bankToken, long amount, string currency, string reference)
        => Task.FromResult(Decide(bankToken, amount));

    public Task Refund(string bankToken, long amount, string currency, string reference) => Task.CompletedTask;

    public Task<BankDecision> ApprovePayout(string bankToken, long amount, string currency)
        => Task.FromResult(Decide(bankToken, amount));

    /// <summary>
    /// An outage of the bank's payouts, switched by tests (and the embedded mode's operators never):
    /// while true every payout fails as a real bank's would when it cannot be reached.
    /// </summary>
    public bool PayoutsUnavailable { get; set; }

    public Task Payout(string bankToken, long amount, string currency, string reference)
        => PayoutsUnavailable ? Task.FromException(new HttpRequestException("The simulated bank is unavailable.")) : Task.CompletedTask;

    public Task<IssuedCard> IssueCreditCard(string holderName, string phone, long creditLimit, string currency, string reference)
    {
        var digest = HMACSHA256.HashData(s_tokenKey, Encoding.UTF8.GetBytes("issue " + reference));
        var middle = string.Concat(digest.Take(5).Select(b => (char)('0' + (b % 10))));
        // The twelfth digit is the one that makes the Luhn check digit 5: one of the ten always does.
        var number = Enumerable.Range(0, 10).Select(d => $"625807{middle}{d}0005").First(CardNumbers.IsValid);
        return Task.FromResult(new IssuedCard(number));
    }

    private static BankDecision Decide(string bankToken, long amount)
    {
        if (bankToken.StartsWith("sim_d_", StringComparison.Ordinal))
        {
            return BankDecision.Decline("The card's bank declined the payment.");
        }
        return amount > CardLimit ? BankDecision.Decline("The amount is over the card's limit.") : BankDecision.Approve;
    }
}
