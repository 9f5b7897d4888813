using Wallet.Banking;
using Wallet.Cards;
using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Refusals;
using Wallet.Risk;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// Money to the customer's card: the bank approves the payout, the wallet is debited into the withdrawal
/// clearing account, then the bank pays out under the movement's id. Held for review before the bank is
/// asked, when the customer is under that restriction.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class WithdrawalGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<WithdrawalRecord> record,
    MovementServices services,
    ICardIssuingBank bank)
    : ReviewableMovementGrain<WithdrawalReceipt, WithdrawalOrder, WithdrawalRecord>(record, services), IWithdrawalGrain
{
    public Task<WithdrawalReceipt> Withdraw(WithdrawalOrder order) => Carry(order, released: false);

    protected override string Described => "withdrawal";

    protected override async Task<WithdrawalReceipt> Carry(WithdrawalOrder order, bool released)
    {
        if (!released && await Recorded(order.CustomerId, order.Fingerprint) is { } earlier)
        {
            return earlier;
        }
        RequireMovableAmount(order.Amount, order.Currency);
        var restriction = await Authorise(order.CustomerId, order.Authorisation, order.Fingerprint, released, SignedPayment.Withdrawal, order.Amount, order.Currency, order.CardId);
        var wallet = await OwnWallet(order.CustomerId, order.WalletId, order.Currency, outgoing: true);
        var card = await GrainFactory.GetGrain<ICardBindingGrain>(order.CardId).GetInstrument(order.CustomerId);
        var receipt = Accepted(new WithdrawalReceipt(wallet.WalletId, card.CardId, order.Amount), order.Currency);
        if (restriction == Restriction.Review)
        {
            var held = HeldPlan(receipt, order.CustomerId, order with { Authorisation = NoAuthorisation });
            return await Commit(order.CustomerId, order.Fingerprint, held.Receipt, held.Move, keep: Keep(held.Held));
        }
        var resolves = released ? MovementStatus.HeldForReview : (MovementStatus?)null;
        var letGo = released ? LetHoldGo(wallet.WalletId) : null;
        var approval = await bank.ApprovePayout(card.BankToken, order.Amount, order.Currency);
        if (!approval.Approved)
        {
            return await Commit(order.CustomerId, order.Fingerprint, Refused(receipt, new(RefusalCodes.CardDeclined, approval.Reason)), letGo ?? Nothing,
                resolves: resolves, keep: Keep(null));
        }
        var debit = new Posting(MovementId, MovementKind.Withdrawal, order.CustomerId, order.Amount, order.Currency, card.CardId, null, PayerAuthorised: true, Reviewed: released);
        var outcome = await Commit(order.CustomerId, order.Fingerprint, receipt, async () =>
        {
            if (await Wallet(wallet.WalletId).Debit(debit) is { } refusal)
            {
                return refusal;
            }
            await Clearing(ClearingAccounts.CardWithdrawal, order.Currency, wallet.WalletId).Post(MovementId, order.Amount);
            return null;
        }, resolves: resolves, whenRefused: letGo, keep: Keep(null));
        if (outcome.Status == MovementStatus.Completed)
        {
            await bank.Payout(card.BankToken, order.Amount, order.Currency, MovementId);
        }
        return outcome;
    }

    public Task<WithdrawalReceipt?> Find(string customerId) => RecordedFor(customerId);
}

[GenerateSerializer, Alias("Wallet.WithdrawalRecord")]
public sealed class WithdrawalRecord : ReviewableRecord<WithdrawalReceipt, WithdrawalOrder>;
