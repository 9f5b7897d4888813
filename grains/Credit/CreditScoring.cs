using Wallet.Customers;
using Wallet.Money;
using Wallet.Risk;

namespace Wallet.Credit;

/// <summary>What the bank knows of a customer when they ask for credit: the facts the scoring model reads, and nothing else.</summary>
public sealed record CreditFacts(int Tier, int DaysWithWallet, long MoneyInLast90Days, Restriction Restriction, int OpenAlerts, int OverdueLoans, long OutstandingPrincipal);

/// <summary>
/// The bank's scoring model: a few points for each thing it knows, added up, each kept as a reason so the decision
/// explains itself. Identity: 40 verified in person, 30 with a debit card in the verified name, 20 real-name verified;
/// unverified customers are not lent to. History: 20 for a wallet held half a year, 10 for one held a month. Money in over the last
/// 90 days (home currency, loans aside): 20 from ¥10,000, 10 from ¥1,000. Risk: 20 with nothing open; an open alert (or
/// an alert or step-up restriction) earns nothing, and review, receive-only or a freeze declines, as does a loan overdue.
/// A score from <see cref="CreditOptions.MinimumScore"/> is approved: up to ¥10,000 at 14.40% a year, from 65 up to
/// ¥50,000 at 10.80%, from 80 up to ¥200,000 at 7.20%, less the principal the customer already owes.
/// </summary>
public static class CreditScoring
{
    private static readonly (int Score, long Limit, int RateBasisPoints)[] s_bands = [(80, 20_000_000, 720), (65, 5_000_000, 1080), (0, 1_000_000, 1440)];

    public static CreditDecision Decide(CreditFacts facts, int minimumScore, long? amount, string currency, DateTimeOffset now)
    {
        var reasons = new List<CreditReason>
        {
            facts.Tier switch
            {
                CustomerTiers.InPerson => new(CreditReasons.TierInPerson, "Verified in person at the bank.", 40),
                CustomerTiers.DebitCard => new(CreditReasons.TierDebitCard, "Real name verified, with a debit card in that name.", 30),
                CustomerTiers.RealName => new(CreditReasons.TierRealName, "Real name verified.", 20),
                _ => new(CreditReasons.TierUnverified, "The bank lends only to customers who verified their real name.", 0),
            },
            facts.DaysWithWallet switch
            {
                >= 180 => new(CreditReasons.WalletHeldLong, "A wallet with the bank for half a year or more.", 20),
                >= 30 => new(CreditReasons.WalletHeldMonths, "A wallet with the bank for a month or more.", 10),
                _ => new(CreditReasons.WalletNew, "A wallet with the bank for less than a month.", 0),
            },
            facts.MoneyInLast90Days switch
            {
                >= 1_000_000 => new(CreditReasons.TurnoverHigh, $"{Amounts.Format(facts.MoneyInLast90Days, currency)} came into your wallets in the last 90 days.", 20),
                >= 100_000 => new(CreditReasons.TurnoverSome, $"{Amounts.Format(facts.MoneyInLast90Days, currency)} came into your wallets in the last 90 days.", 10),
                _ => new(CreditReasons.TurnoverLow, $"Less than {Amounts.Format(100_000, currency)} came into your wallets in the last 90 days.", 0),
            },
            facts.Restriction switch
            {
                Restriction.Review or Restriction.ReceiveOnly or Restriction.Freeze
                    => new(CreditReasons.RiskRestricted, "The bank's risk monitoring restricts your account.", 0),
                Restriction.Alert or Restriction.StepUp => new(CreditReasons.RiskAlertOpen, "The bank's risk monitoring has an open alert on your account.", 0),
                Restriction.None when facts.OpenAlerts > 0 => new(CreditReasons.RiskAlertOpen, "The bank's risk monitoring has an open alert on your account.", 0),
                Restriction.None => new(CreditReasons.RiskClear, "Nothing open with the bank's risk monitoring.", 20),
            },
        };
        if (facts.OverdueLoans > 0)
        {
            reasons.Add(new(CreditReasons.LoanOverdue, "A loan of yours has an instalment overdue.", 0));
        }
        var score = reasons.Sum(r => r.Points);
        var ruledOut = reasons.Exists(r => r.Code is CreditReasons.TierUnverified or CreditReasons.RiskRestricted or CreditReasons.LoanOverdue);
        if (!ruledOut && score < minimumScore)
        {
            reasons.Add(new(CreditReasons.ScoreBelowMinimum, $"A score of {score}; the bank lends from {minimumScore}.", 0));
        }
        if (ruledOut || score < minimumScore)
        {
            return new CreditDecision(false, score, reasons, 0, 0, currency, now);
        }
        var band = s_bands.First(b => score >= b.Score);
        var available = Math.Max(0, band.Limit - facts.OutstandingPrincipal);
        if (amount > available)
        {
            reasons.Add(new(CreditReasons.AmountOverLimit, $"The most the bank can lend you now is {Amounts.Format(available, currency)}.", 0));
            return new CreditDecision(false, score, reasons, available, band.RateBasisPoints, currency, now);
        }
        return new CreditDecision(true, score, reasons, available, band.RateBasisPoints, currency, now);
    }
}
