using Wallet.Hosting;
using Wallet.Refusals;

namespace Wallet.Credit;

/// <summary>A drawn loan's terms and its instalments' payments, in transactional state: changed only with the money that pays them.</summary>
public sealed class LoanAccountGrain([TransactionalState("account", StorageNames.Wallet)] ITransactionalState<LoanAccountState> account)
    : Grain, ILoanAccountGrain
{
    public Task<Refusal?> Draw(string drawdownId, LoanTerms terms) => account.PerformUpdate(a =>
    {
        if (a.DrawdownId is { } drawn)
        {
            return drawn == drawdownId ? null : new Refusal(RefusalCodes.LoanNotOpen, "This loan is drawn already.");
        }
        a.DrawdownId = drawdownId;
        a.Terms = terms;
        return (Refusal?)null;
    });

    public Task<RepaymentTaken> Repay(string repaymentId, RepaymentAsk ask) => account.PerformUpdate(a =>
    {
        if (a.Terms is not { } terms)
        {
            return Refused(RefusalCodes.LoanNotOpen, "This loan is not drawn.");
        }
        if (a.Paid.Count == terms.Schedule.Count)
        {
            return Refused(RefusalCodes.LoanNotOpen, "This loan is repaid.");
        }
        var settled = ask.Repays switch
        {
            RepaymentKind.Instalment => InstalmentOf(a, terms, repaymentId, ask),
            RepaymentKind.Payoff => LoanPricing.Payoff(terms, a.Paid.Keys.ToHashSet(), repaymentId, ask.AsOf),
        };
        if (settled.Count == 0)
        {
            return Refused(RefusalCodes.InstalmentAlreadyPaid, $"Instalment {ask.Instalment} is paid already.");
        }
        var taken = new RepaymentTaken(settled.Sum(s => s.Paid.Principal), settled.Sum(s => s.Paid.Interest), settled.Sum(s => s.Paid.LateInterest));
        if (taken.Amount != ask.Expected)
        {
            return Refused(RefusalCodes.RepaymentChanged, "What the loan is owed changed since the amount you said yes to: look at the loan and repay again.");
        }
        foreach (var (number, paid) in settled)
        {
            a.Paid[number] = paid;
        }
        return taken;
    });

    public Task<LoanStanding?> GetStanding(DateOnly today) => account.PerformRead(a => a.Terms is { } terms ? Standing(a, terms, today) : null);

    private static List<(int Number, PaidInstalment Paid)> InstalmentOf(LoanAccountState a, LoanTerms terms, string repaymentId, RepaymentAsk ask)
    {
        var number = ask.Instalment ?? terms.Schedule.First(i => !a.Paid.ContainsKey(i.Number)).Number;
        return a.Paid.ContainsKey(number) || terms.Schedule.FirstOrDefault(i => i.Number == number) is not { } instalment
            ? []
            : [(number, LoanPricing.Instalment(terms, instalment, repaymentId, ask.AsOf))];
    }

    private static LoanStanding Standing(LoanAccountState a, LoanTerms terms, DateOnly today)
    {
        var instalments = terms.Schedule.Select(i => a.Paid.TryGetValue(i.Number, out var paid)
            ? new InstalmentStanding(i, InstalmentStatus.Paid, paid.LateInterest, paid.By, paid.On, paid.Amount)
            : new InstalmentStanding(i, LoanPricing.StatusOf(i, paid: false, today), LoanPricing.LateInterest(terms, i, today), null, null, 0)).ToList();
        var repaid = a.Paid.Count == terms.Schedule.Count;
        var payoff = repaid ? 0 : LoanPricing.Payoff(terms, a.Paid.Keys.ToHashSet(), "", today).Sum(s => s.Paid.Amount);
        return new LoanStanding(terms, instalments, terms.Schedule.Where(i => !a.Paid.ContainsKey(i.Number)).Sum(i => i.Principal), payoff,
            repaid ? a.Paid.Values.Max(p => p.On) : null, a.DrawdownId!);
    }

    private static RepaymentTaken Refused(string code, string detail) => new(0, 0, 0, new Refusal(code, detail));
}

[GenerateSerializer, Alias("Wallet.LoanAccountState")]
public sealed class LoanAccountState
{
    /// <summary>The drawdown that opened the account; null until the loan is drawn.</summary>
    [Id(0)] public string? DrawdownId { get; set; }

    [Id(1)] public LoanTerms? Terms { get; set; }

    /// <summary>Each paid instalment by its number: paid once, by the repayment named.</summary>
    [Id(2)] public Dictionary<int, PaidInstalment> Paid { get; set; } = [];
}
