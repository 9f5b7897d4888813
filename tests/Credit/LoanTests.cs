using Wallet.Credit;
using Wallet.Customers;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Credit;

/// <summary>
/// A loan on the bank's fake clock: decided with its reasons, drawn once however the acceptance is repeated, repaid by
/// autopay once on its due day, overdue the next Shanghai day, and closed by repaying everything early. Every test that
/// moves money checks its wallets' books.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class LoanTests(ClockedClusterFixture fixture) : IAsyncLifetime
{
    private readonly Scenario _bank = fixture.Scenario;
    private readonly Lending _lending = new(fixture.Grains);

    public Task InitializeAsync()
    {
        fixture.SetShanghaiTime(2026, 3, 10, 10, 0);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_verified_customer_with_money_in_is_offered_a_loan_with_its_rate_schedule_and_total_cost()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);

        var offer = await _lending.Apply(alice, 600_000, months: 6);

        Assert.Equal(LoanStatus.Offered, offer.Status);
        Assert.True(offer.Decision.Approved);
        Assert.Equal(1440, offer.Decision.AnnualRateBasisPoints);
        Assert.Contains(offer.Decision.Reasons, r => r.Code == CreditReasons.TurnoverSome);
        Assert.Equal(6, offer.Schedule.Count);
        Assert.Equal(600_000, offer.Schedule.Sum(i => i.Scheduled.Principal));
        Assert.Equal(offer.TotalCost, offer.Schedule.Sum(i => i.Scheduled.Amount));
        Assert.Equal(600_000 + offer.TotalInterest, offer.TotalCost);
        Assert.Equal(new DateOnly(2026, 4, 10), offer.Schedule[0].Scheduled.DueOn);
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task The_decision_counts_how_long_a_wallet_was_held_and_only_the_last_90_days_money_in()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);

        fixture.SetShanghaiTime(2026, 10, 1, 10, 0); // the top-up is now more than 90 days old
        var offer = await _lending.Apply(alice, 300_000);

        Assert.Equal(LoanStatus.Offered, offer.Status);
        Assert.Equal([CreditReasons.TierRealName, CreditReasons.WalletHeldLong, CreditReasons.TurnoverLow, CreditReasons.RiskClear],
            offer.Decision.Reasons.Select(r => r.Code));
        Assert.Equal(60, offer.Decision.Score);
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task An_unverified_customer_is_declined_with_the_reasons_kept_and_cannot_accept()
    {
        var (bob, wallet) = await _bank.FundedCustomer(100_000);

        var declined = await _lending.Apply(bob, 100_000);

        Assert.Equal(LoanStatus.Declined, declined.Status);
        Assert.Contains(declined.Decision.Reasons, r => r.Code == CreditReasons.TierUnverified);
        var kept = await _lending.Loan(declined.LoanId).Get(bob.Id);
        Assert.Equal(declined.Decision.Reasons, kept.Decision.Reasons);
        Assert.Equal(LoanStatus.Declined, kept.Status);
        var refused = await Assert.ThrowsAsync<WalletRefusedException>(() => _lending.Accept(bob, declined.LoanId, wallet));
        Assert.Equal(RefusalCodes.LoanNotOpen, refused.Code);
        Assert.Equal(100_000, await _bank.Balance(bob, wallet));
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task A_loan_is_drawn_once_under_replays_and_concurrent_acceptances()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var offer = await _lending.Apply(alice, 500_000);

        var same = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _lending.Accept(alice, offer.LoanId, wallet, key: "accept-1")));
        var other = await Assert.ThrowsAsync<WalletRefusedException>(() => _lending.Accept(alice, offer.LoanId, wallet, key: "accept-2"));

        Assert.Single(same.Select(a => a.Drawdown.MovementId).Distinct());
        Assert.All(same, a => Assert.Equal(MovementStatus.Completed, a.Drawdown.Status));
        Assert.Equal(3, same.Count(a => a.Drawdown.Replayed));
        Assert.Equal(RefusalCodes.LoanNotOpen, other.Code);
        Assert.Equal(600_000, await _bank.Balance(alice, wallet));
        Assert.Single(await _lending.Entries(alice, wallet, MovementKind.LoanDrawdown));
        var loan = await _lending.Loan(offer.LoanId).Get(alice.Id);
        Assert.Equal(LoanStatus.Active, loan.Status);
        Assert.Equal(500_000, loan.OutstandingPrincipal);
        Assert.Equal(wallet, loan.AutopayWalletId);
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task Autopay_on_the_due_day_pays_the_instalment_once_when_the_follow_up_runs_twice_at_once()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var loan = await _lending.Drawn(alice, wallet, 300_000);
        var first = loan.Schedule[0].Scheduled;

        fixture.SetShanghaiTime(2026, 4, 7, 9, 0);
        Assert.Equal(["loan_instalment_due 1"], await _lending.Loan(loan.LoanId).FollowUp());
        fixture.SetShanghaiTime(2026, 4, 10, 0, 5);
        var ticks = await Task.WhenAll(_lending.Loan(loan.LoanId).FollowUp(), _lending.Loan(loan.LoanId).FollowUp());
        Assert.Empty(await _lending.Loan(loan.LoanId).FollowUp());
        await _lending.Loan(loan.LoanId).AsReference<IRemindable>().ReceiveReminder("loan-follow-up", default); // the reminder's own tick, once more

        Assert.Single(ticks.SelectMany(t => t), d => d.StartsWith("autopaid 1 lnr_", StringComparison.Ordinal));
        var repayment = Assert.Single(await _lending.Entries(alice, wallet, MovementKind.LoanRepayment));
        Assert.Equal(first.Amount, repayment.Amount);
        Assert.Equal(400_000 - first.Amount, await _bank.Balance(alice, wallet));
        var after = await _lending.Loan(loan.LoanId).Get(alice.Id);
        Assert.Equal(InstalmentStatus.Paid, after.Schedule[0].Status);
        Assert.Equal(300_000 - first.Principal, after.OutstandingPrincipal);
        Assert.Single(await _lending.Told(alice, "loan_instalment_due"));
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task A_missed_instalment_is_overdue_the_next_Shanghai_day_and_paid_once_when_money_arrives()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var (friend, friendWallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var loan = await _lending.Drawn(alice, wallet, 300_000);
        var first = loan.Schedule[0].Scheduled;
        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, wallet, friendWallet, 400_000)).Status);

        fixture.SetShanghaiTime(2026, 4, 10, 9, 0);
        Assert.Equal(["loan_autopay_failed 1"], await _lending.Loan(loan.LoanId).FollowUp());
        Assert.Equal(LoanStatus.Active, (await _lending.Loan(loan.LoanId).Get(alice.Id)).Status);
        fixture.SetShanghaiTime(2026, 4, 10, 23, 59, 59);
        Assert.Equal(InstalmentStatus.Due, (await _lending.Loan(loan.LoanId).Get(alice.Id)).Schedule[0].Status);

        fixture.SetShanghaiTime(2026, 4, 11, 0, 0); // Shanghai's midnight: 16:00 UTC the day before
        var overdue = await _lending.Loan(loan.LoanId).Get(alice.Id);
        Assert.Equal(LoanStatus.Overdue, overdue.Status);
        Assert.Equal(InstalmentStatus.Overdue, overdue.Schedule[0].Status);
        Assert.Equal(first.Amount * 5 / 10_000, overdue.Schedule[0].LateInterest);
        Assert.Equal(["loan_overdue 1"], await _lending.Loan(loan.LoanId).FollowUp());
        Assert.Empty(await _lending.Entries(alice, wallet, MovementKind.LoanRepayment));

        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(friend, friendWallet, wallet, 400_000)).Status);
        fixture.SetShanghaiTime(2026, 4, 12, 8, 0);
        var ticks = await Task.WhenAll(_lending.Loan(loan.LoanId).FollowUp(), _lending.Loan(loan.LoanId).FollowUp());

        Assert.Single(ticks.SelectMany(t => t), d => d.StartsWith("autopaid 1", StringComparison.Ordinal));
        var late = first.Amount * 5 * 2 / 10_000;
        var repayment = Assert.Single(await _lending.Entries(alice, wallet, MovementKind.LoanRepayment));
        Assert.Equal(first.Amount + late, repayment.Amount);
        var after = await _lending.Loan(loan.LoanId).Get(alice.Id);
        Assert.Equal(LoanStatus.Active, after.Status);
        Assert.Equal(late, after.Schedule[0].LateInterest);
        Assert.Single(await _lending.Told(alice, "loan_overdue"));
        await _bank.AssertBalanced(wallet, friendWallet);
    }

    [Fact]
    public async Task Repaying_everything_early_charges_the_interest_run_so_far_and_closes_the_loan()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var loan = await _lending.Drawn(alice, wallet, 600_000, months: 6);
        Assert.Equal(600_000, loan.PayoffToday); // no day of interest yet

        fixture.SetShanghaiTime(2026, 3, 20, 10, 0); // ten days into the first month
        var payoff = (await _lending.Loan(loan.LoanId).Get(alice.Id)).PayoffToday;
        var interest = (long)Math.Round(600_000 * 0.144m * 10 / 365, MidpointRounding.AwayFromZero);
        Assert.Equal(600_000 + interest, payoff);

        var paid = await _lending.Repay(alice, loan.LoanId, wallet, RepaymentKind.Payoff, key: "payoff");
        var again = await _lending.Repay(alice, loan.LoanId, wallet, RepaymentKind.Payoff, key: "payoff");

        Assert.Equal(MovementStatus.Completed, paid.Status);
        Assert.Equal((600_000L, interest, 0L), (paid.Principal, paid.Interest, paid.LateInterest));
        Assert.True(again.Replayed);
        Assert.Equal(paid.MovementId, again.MovementId);
        var closed = await _lending.Loan(loan.LoanId).Get(alice.Id);
        Assert.Equal(LoanStatus.Repaid, closed.Status);
        Assert.Equal(0, closed.OutstandingPrincipal);
        Assert.Null(closed.PayoffToday);
        Assert.All(closed.Schedule, i => Assert.Equal(paid.MovementId, i.PaidBy));
        Assert.Equal(700_000 - 600_000 - interest, await _bank.Balance(alice, wallet));
        var more = await Assert.ThrowsAsync<WalletRefusedException>(() => _lending.Repay(alice, loan.LoanId, wallet, RepaymentKind.Instalment));
        Assert.Equal(RefusalCodes.LoanNotOpen, more.Code);
        Assert.Empty(await _lending.Loan(loan.LoanId).FollowUp());
        await _bank.AssertBalanced(wallet);
        await _bank.AssertBooksBalance(); // every wallet and clearing account, the loan book and the interest earned among them
    }

    [Fact]
    public async Task An_instalment_paid_by_hand_is_not_paid_again_by_autopay()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var loan = await _lending.Drawn(alice, wallet, 300_000);

        var byHand = await _lending.Repay(alice, loan.LoanId, wallet, RepaymentKind.Instalment, instalment: 1);
        var twice = await Assert.ThrowsAsync<WalletRefusedException>(() => _lending.Repay(alice, loan.LoanId, wallet, RepaymentKind.Instalment, instalment: 1));
        fixture.SetShanghaiTime(2026, 4, 10, 9, 0);
        await _lending.Loan(loan.LoanId).FollowUp();

        Assert.Equal(MovementStatus.Completed, byHand.Status);
        Assert.Equal(RefusalCodes.InstalmentAlreadyPaid, twice.Code);
        Assert.Single(await _lending.Entries(alice, wallet, MovementKind.LoanRepayment));
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task Concurrent_repayments_of_one_instalment_pay_it_once()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var loan = await _lending.Drawn(alice, wallet, 300_000);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(async n =>
        {
            try
            {
                return (await _lending.Repay(alice, loan.LoanId, wallet, RepaymentKind.Instalment, key: $"race-{n}", instalment: 1)).Status == MovementStatus.Completed
                    ? "paid" : "refused";
            }
            catch (WalletRefusedException refused)
            {
                return refused.Code;
            }
        }));

        Assert.Single(outcomes, o => o == "paid");
        Assert.All(outcomes.Where(o => o != "paid"), o => Assert.Contains(o, new[] { "refused", RefusalCodes.InstalmentAlreadyPaid }));
        Assert.Single(await _lending.Entries(alice, wallet, MovementKind.LoanRepayment));
        Assert.Equal(400_000 - loan.Schedule[0].Scheduled.Amount, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task An_offer_not_accepted_within_its_days_expires()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var offer = await _lending.Apply(alice, 300_000);

        fixture.SetShanghaiTime(2026, 3, 17, 10, 1);
        var refused = await Assert.ThrowsAsync<WalletRefusedException>(() => _lending.Accept(alice, offer.LoanId, wallet));

        Assert.Equal(RefusalCodes.OfferExpired, refused.Code);
        Assert.Equal(LoanStatus.Expired, (await _lending.Loan(offer.LoanId).Get(alice.Id)).Status);
        Assert.Equal(100_000, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task With_autopay_off_the_borrower_is_told_and_repays_by_hand_with_late_interest()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var loan = await _lending.Drawn(alice, wallet, 300_000);
        Assert.Null((await _lending.Loan(loan.LoanId).SetAutopay(alice.Id, null, null)).AutopayWalletId);

        fixture.SetShanghaiTime(2026, 4, 10, 9, 0);
        Assert.Empty(await _lending.Loan(loan.LoanId).FollowUp()); // due today: without autopay there is nothing to do until it is late
        fixture.SetShanghaiTime(2026, 4, 13, 9, 0);
        Assert.Equal(["loan_overdue 1"], await _lending.Loan(loan.LoanId).FollowUp());
        var payoff = (await _lending.Loan(loan.LoanId).Get(alice.Id)).PayoffToday!.Value;
        var paid = await _lending.Repay(alice, loan.LoanId, wallet, RepaymentKind.Payoff);

        var first = loan.Schedule[0].Scheduled;
        Assert.Equal(first.Amount * 5 * 3 / 10_000, paid.LateInterest); // three days late
        Assert.Equal(payoff, paid.Amount);
        Assert.Equal(300_000, paid.Principal);
        Assert.Equal(LoanStatus.Repaid, (await _lending.Loan(loan.LoanId).Get(alice.Id)).Status);
        Assert.Equal(paid.Amount, Assert.Single(await _lending.Entries(alice, wallet, MovementKind.LoanRepayment)).Amount);
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task A_borrower_cannot_close_the_account_until_the_loan_is_repaid()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var loan = await _lending.Drawn(alice, wallet, 300_000);
        var customer = fixture.Grains.GetGrain<ICustomerGrain>(alice.Id);

        var refused = await Assert.ThrowsAsync<WalletRefusedException>(customer.Close);
        Assert.Equal(RefusalCodes.LoanOutstanding, refused.Code);
        Assert.Equal(LoanStatus.Active, (await _lending.Loan(loan.LoanId).Get(alice.Id)).Status);

        await _lending.Repay(alice, loan.LoanId, wallet, RepaymentKind.Payoff);
        var stillMoney = await Assert.ThrowsAsync<WalletRefusedException>(customer.Close);
        Assert.Equal(RefusalCodes.WalletNotEmpty, stillMoney.Code); // past the loans: only the usual rule is left
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task Another_customer_can_neither_see_nor_repay_a_loan()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var (mallory, malloryWallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);
        var loan = await _lending.Drawn(alice, wallet, 300_000);

        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => _lending.Loan(loan.LoanId).Get(mallory.Id))).Code);
        Assert.Equal(RefusalCodes.NotFound, (await Assert.ThrowsAsync<WalletRefusedException>(() => _lending.Accept(mallory, loan.LoanId, malloryWallet))).Code);
        Assert.Equal(RefusalCodes.NotFound,
            (await Assert.ThrowsAsync<WalletRefusedException>(() => _lending.Repay(mallory, loan.LoanId, malloryWallet, RepaymentKind.Payoff))).Code);
        Assert.Equal(100_000, await _bank.Balance(mallory, malloryWallet));
        await _bank.AssertBalanced(wallet, malloryWallet);
    }
}
