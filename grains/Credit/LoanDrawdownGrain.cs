using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Credit;

/// <summary>
/// The borrower's acceptance pays the loan out: in one transaction the loan's account opens with its terms (once: a loan
/// another drawdown opened refuses), the bank's loan book pays the principal and the borrower's wallet receives it.
/// A wallet that will not take it (closed, over its tier's balance cap) leaves the loan undrawn, the offer still open.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class LoanDrawdownGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<LoanDrawdownRecord> record,
    MovementServices services)
    : MovementGrain<LoanDrawdownReceipt, LoanDrawdownRecord>(record, services), ILoanDrawdownGrain
{
    public async Task<LoanDrawdownReceipt> Draw(LoanDrawdownOrder order)
    {
        if (await Recorded(order.CustomerId, order.Fingerprint) is { } earlier)
        {
            return earlier;
        }
        var terms = order.Terms;
        RequireMovableAmount(terms.Principal, terms.Currency);
        // The contract is signed like a payment: its kind, the principal, the currency and the loan.
        await PayerSays(order.CustomerId, order.Authorisation, order.Fingerprint, SignedPayment.LoanDrawdown, terms.Principal, terms.Currency, terms.LoanId);
        var wallet = await OwnWallet(order.CustomerId, terms.WalletId, terms.Currency, outgoing: false);
        var receipt = Accepted(new LoanDrawdownReceipt(terms.LoanId, wallet.WalletId, terms.Principal), terms.Currency);
        var credit = new Posting(MovementId, MovementKind.LoanDrawdown, order.CustomerId, terms.Principal, terms.Currency, terms.LoanId, "loan drawdown",
            Category: Bills.SpendingCategory.Loans);
        return await Commit(order.CustomerId, order.Fingerprint, receipt, async () =>
        {
            if (await GrainFactory.GetGrain<ILoanAccountGrain>(terms.LoanId).Draw(MovementId, terms) is { } refusal)
            {
                return refusal;
            }
            await Clearing(ClearingAccounts.Loans, terms.Currency, wallet.WalletId).Post(MovementId, -terms.Principal);
            await Wallet(wallet.WalletId).Credit(credit);
            return null;
        });
    }
}

[GenerateSerializer, Alias("Wallet.LoanDrawdownRecord")]
public sealed class LoanDrawdownRecord : MovementRecord<LoanDrawdownReceipt>;
