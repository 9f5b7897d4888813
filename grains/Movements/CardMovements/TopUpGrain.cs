using Wallet.Banking;
using Wallet.Cards;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>Money in from a customer's bound card: the bank charges the card, then the wallet is credited from the top-up clearing account.</summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class TopUpGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<TopUpRecord> record,
    MovementServices services,
    ICardIssuingBank bank)
    : MovementGrain<TopUpReceipt, TopUpRecord>(record, services), ITopUpGrain
{
    public async Task<TopUpReceipt> TopUp(TopUpOrder order)
    {
        if (await Recorded(order.CustomerId, order.Fingerprint) is { } earlier)
        {
            return await RefundIfRefusedAfterCharge(earlier, order);
        }
        RequireMovableAmount(order.Amount, order.Currency);
        var wallet = await OwnWallet(order.CustomerId, order.WalletId, order.Currency, outgoing: false);
        var card = await GrainFactory.GetGrain<ICardBindingGrain>(order.CardId).GetInstrument(order.CustomerId);
        var receipt = Accepted(new TopUpReceipt(card.CardId, wallet.WalletId, order.Amount), order.Currency);

        var charge = await bank.Charge(card.BankToken, order.Amount, order.Currency, MovementId);
        if (!charge.Approved)
        {
            return await Commit(order.CustomerId, order.Fingerprint, Refused(receipt, new(RefusalCodes.CardDeclined, charge.Reason)), Nothing);
        }
        var credit = new Posting(MovementId, MovementKind.TopUp, order.CustomerId, order.Amount, order.Currency, card.CardId, null);
        var outcome = await Commit(order.CustomerId, order.Fingerprint, receipt, async () =>
        {
            await Clearing(ClearingAccounts.CardTopUp, order.Currency, wallet.WalletId).Post(MovementId, -order.Amount);
            await Wallet(wallet.WalletId).Credit(credit);
            return null;
        });
        return await RefundIfRefusedAfterCharge(outcome, order);
    }

    public Task<TopUpReceipt?> Find(string customerId) => RecordedFor(customerId);

    /// <summary>
    /// A top-up refused after the card was charged (the wallet's balance cap) gives the charge back.
    /// Replays ask again: the bank knows the reference, so a crash between the two refunds once.
    /// </summary>
    private async Task<TopUpReceipt> RefundIfRefusedAfterCharge(TopUpReceipt outcome, TopUpOrder order)
    {
        if (outcome is { Status: MovementStatus.Refused, Refusal.Code: not RefusalCodes.CardDeclined })
        {
            var card = await GrainFactory.GetGrain<ICardBindingGrain>(outcome.CardId).GetInstrument(order.CustomerId);
            await bank.Refund(card.BankToken, outcome.Amount, outcome.Currency, MovementId);
        }
        return outcome;
    }
}

[GenerateSerializer, Alias("Wallet.TopUpRecord")]
public sealed class TopUpRecord : MovementRecord<TopUpReceipt>;
