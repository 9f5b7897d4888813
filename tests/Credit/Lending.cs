using Wallet.Credit;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Credit;

/// <summary>The bank's lending steps as grain calls: apply, accept, repay, and what the borrower was told.</summary>
public sealed class Lending(IGrainFactory grains)
{
    public ILoanGrain Loan(string loanId) => grains.GetGrain<ILoanGrain>(loanId);

    public async Task<LoanView> Apply(TestCustomer customer, long amount, int months = 3, string? key = null)
    {
        key ??= Guid.NewGuid().ToString();
        var loanId = Ids.ForIdempotencyKey(IdPrefixes.Loan, customer.Id, key);
        return (await Loan(loanId).Apply(new LoanApplication(customer.Id, amount, "CNY", months, new IdempotentRequest(key, $"apply {amount} {months}")))).Value;
    }

    public Task<LoanAccepted> Accept(TestCustomer customer, string loanId, string walletId, string? key = null)
        => Loan(loanId).Accept(new LoanAcceptance(customer.Id, walletId, PaymentAuthorisation.WithPin(TestData.Pin),
            new IdempotentRequest(key ?? Guid.NewGuid().ToString(), $"accept {walletId}")));

    /// <summary>An approved loan, drawn into the wallet.</summary>
    public async Task<LoanView> Drawn(TestCustomer customer, string walletId, long amount, int months = 3)
    {
        var offer = await Apply(customer, amount, months);
        Assert.True(offer.Status == LoanStatus.Offered, $"the loan is offered: {string.Join("; ", offer.Decision.Reasons.Select(r => r.Code))}");
        var accepted = await Accept(customer, offer.LoanId, walletId);
        Assert.Equal(MovementStatus.Completed, accepted.Drawdown.Status);
        return accepted.Loan;
    }

    public Task<LoanRepaymentReceipt> Repay(TestCustomer customer, string loanId, string walletId, RepaymentKind repays, string? key = null, int? instalment = null)
    {
        key ??= Guid.NewGuid().ToString();
        return grains.GetGrain<ILoanRepaymentGrain>(MovementIds.For(Workflow.LoanRepayment, customer.Id, key))
            .Repay(new LoanRepaymentOrder(customer.Id, $"repay {loanId} {walletId} {repays} {instalment}", loanId, walletId, repays, PaymentAuthorisation.WithPin(TestData.Pin),
                Instalment: instalment));
    }

    public async Task<List<WalletEntry>> Entries(TestCustomer customer, string walletId, MovementKind kind)
        => [.. (await grains.GetGrain<IWalletStatementGrain>(walletId).GetEntries(customer.Id, new EntryQuery(1000, null, null, null, kind))).Items];

    public async Task<List<Notification>> Told(TestCustomer customer, string kind)
        => [.. (await grains.GetGrain<INotificationInboxGrain>(customer.Id).List(null, 100)).Items.Where(n => n.Kind == kind)];
}
