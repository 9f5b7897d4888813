using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Limits;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Credit;

/// <summary>
/// A loan repaid from the borrower's wallet. The amount is priced first, on the bank day, and is what the borrower
/// (or their autopay) says yes to; then one transaction debits the wallet, has the loan's account settle the
/// instalments it pays (an instalment paid by anyone else since aborts it all) and posts the principal back to the
/// loan book and the interest to the bank's income.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class LoanRepaymentGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<LoanRepaymentRecord> record,
    MovementServices services,
    LimitSchedule days)
    : MovementGrain<LoanRepaymentReceipt, LoanRepaymentRecord>(record, services), ILoanRepaymentGrain
{
    public async Task<LoanRepaymentReceipt> Repay(LoanRepaymentOrder order)
    {
        if (await Recorded(order.CustomerId, order.Fingerprint) is { } earlier)
        {
            return earlier;
        }
        var today = days.DayOf(Clock.GetUtcNow());
        var standing = await Standing(order, today);
        var (instalment, amount) = Priced(order, standing);
        var currency = standing.Terms.Currency;
        if (order.ByAutopay)
        {
            if (await Loan(order.LoanId).AutopayFrom() != order.WalletId)
            {
                throw new WalletRefusedException(RefusalCodes.NotFound, "No autopay of this loan repays from this wallet.");
            }
        }
        else
        {
            await PayerSays(order.CustomerId, order.Authorisation, order.Fingerprint, SignedPayment.LoanRepayment, amount, currency, order.LoanId);
        }
        var wallet = await OwnWallet(order.CustomerId, order.WalletId, currency, outgoing: true);
        var receipt = Accepted(new LoanRepaymentReceipt(order.LoanId, wallet.WalletId, order.Repays, instalment, amount, 0, 0, 0, order.ByAutopay), currency);
        var debit = new Posting(MovementId, MovementKind.LoanRepayment, order.CustomerId, amount, currency, order.LoanId,
            instalment is { } n ? $"loan instalment {n}" : "loan repaid early", PayerAuthorised: true, Category: Bills.SpendingCategory.Loans);
        var ask = new RepaymentAsk(order.Repays, instalment, today, amount);
        RepaymentTaken? taken = null;
        return await Commit(order.CustomerId, order.Fingerprint, receipt, async () =>
        {
            taken = null;
            if (await Wallet(wallet.WalletId).Debit(debit) is { } refusal)
            {
                return refusal;
            }
            // After the money: an instalment someone else paid first aborts it all, and is recorded on its own.
            var settled = await Account(order.LoanId).Repay(MovementId, ask);
            if (settled.Refusal is { } notTaken)
            {
                throw notTaken.AsException();
            }
            await Clearing(ClearingAccounts.Loans, currency, wallet.WalletId).Post(MovementId, settled.Principal);
            if (settled.Interest + settled.LateInterest > 0)
            {
                await Clearing(ClearingAccounts.LoanInterest, currency, wallet.WalletId).Post(MovementId, settled.Interest + settled.LateInterest);
            }
            taken = settled;
            return null;
        }, amend: r => r with { Principal = taken!.Principal, Interest = taken.Interest, LateInterest = taken.LateInterest });
    }

    public Task<LoanRepaymentReceipt?> Find(string customerId) => RecordedFor(customerId);

    /// <summary>The borrower's drawn loan today; a loan not drawn yet (or repaid) takes no repayment, and another's is not found.</summary>
    private async Task<LoanStanding> Standing(LoanRepaymentOrder order, DateOnly today)
    {
        var standing = await Account(order.LoanId).GetStanding(today);
        if (standing is null)
        {
            await Loan(order.LoanId).Get(order.CustomerId); // not found for anyone but its borrower
            throw new WalletRefusedException(RefusalCodes.LoanNotOpen, "This loan is not drawn: accept its offer first.");
        }
        if (standing.Terms.BorrowerId != order.CustomerId)
        {
            throw WalletRefusedException.NotFound("The loan");
        }
        return standing.RepaidOn is null ? standing : throw new WalletRefusedException(RefusalCodes.LoanNotOpen, "This loan is repaid.");
    }

    /// <summary>The instalment repaid (null for a payoff) and what it costs today.</summary>
    private static (int? Instalment, long Amount) Priced(LoanRepaymentOrder order, LoanStanding standing)
    {
        if (order.Repays == RepaymentKind.Payoff)
        {
            return (null, standing.PayoffToday);
        }
        var instalment = order.Instalment is { } number
            ? standing.Instalments.FirstOrDefault(i => i.Scheduled.Number == number) ?? throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"The loan has no instalment {number}.")
            : standing.NextUnpaid!;
        return instalment.Status == InstalmentStatus.Paid
            ? throw new WalletRefusedException(RefusalCodes.InstalmentAlreadyPaid, $"Instalment {instalment.Scheduled.Number} is paid already.")
            : (instalment.Scheduled.Number, instalment.Scheduled.Amount + instalment.LateInterest);
    }

    private ILoanAccountGrain Account(string loanId) => GrainFactory.GetGrain<ILoanAccountGrain>(loanId);

    private ILoanGrain Loan(string loanId) => GrainFactory.GetGrain<ILoanGrain>(loanId);
}

[GenerateSerializer, Alias("Wallet.LoanRepaymentRecord")]
public sealed class LoanRepaymentRecord : MovementRecord<LoanRepaymentReceipt>;
