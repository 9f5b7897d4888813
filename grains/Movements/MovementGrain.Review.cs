using Wallet.Customers;
using Wallet.Money;
using Wallet.Notifications;
using Wallet.Refusals;
using Wallet.Risk;

namespace Wallet.Movements;

/// <summary>
/// Movements held for review: a transfer, QR payment or withdrawal sent by a customer under the review restriction is
/// recorded as held, with its money held in the payer's wallet (still theirs, not spendable) and its
/// order kept without the PIN. An operator releases it — planned again and carried out, spending the
/// held money — or rejects it, letting the money go. Either way the customer is told.
/// </summary>
public sealed partial class MovementGrain
{
    private static readonly PaymentAuthorisation NoAuthorisation = new(null);

    private Plan HeldPlan(MovementReceipt receipt, string customerId, HeldOrder order)
        => new(receipt with { Status = MovementStatus.HeldForReview },
            () => Wallet(receipt.FromWalletId!).PlaceHold(MovementId, customerId, receipt.Amount, forReview: true), Held: order);

    /// <summary>Lets go the money held in the payer's wallet, inside the transaction that records the outcome (nothing read again there).</summary>
    private Func<Task<Refusal?>> LetHeldGo(string fromWalletId) => async () =>
    {
        await Wallet(fromWalletId).ReleaseHold(MovementId);
        return null;
    };

    /// <summary>The operator's decision this call carries out (the grain is not reentrant): recorded on the outcome that resolves the hold.</summary>
    private ReviewDecision? _decision;

    public async Task<MovementReceipt> Release(string operatorId)
    {
        var (known, held) = await HeldRecord();
        _decision = new ReviewDecision(operatorId, null, clock.GetUtcNow());
        MovementReceipt outcome;
        try
        {
            outcome = held switch
            {
                { Transfer: { } transfer } => await Transfer(transfer, released: true),
                { Payment: { } payment } => await Pay(payment, released: true),
                _ => await Withdraw(held.Withdrawal!, released: true),
            };
        }
        catch (WalletRefusedException refused) when (!TransactionRetry.IsFailure(refused))
        {
            // Refused while planning it again (the receiving wallet closed, the QR code expired): recorded as refused, the money let go.
            // A failure (the database down) is no answer: the movement stays held for the operator to release again.
            outcome = await Commit(known.CustomerId!, known.Fingerprint!, Refused(known.Receipt!, new Refusal(refused.Code, refused.Message, refused.Limit)),
                LetHeldGo(known.Receipt!.FromWalletId!), resolves: MovementStatus.HeldForReview);
        }
        finally
        {
            _decision = null;
        }
        await Reviewed(known.CustomerId!, outcome);
        return outcome;
    }

    public async Task<MovementReceipt> Reject(string operatorId, string? note)
    {
        var (known, _) = await HeldRecord();
        var rejected = new Refusal(RefusalCodes.RejectedInReview, "The bank's review did not let this movement go; the money stayed in your wallet.");
        _decision = new ReviewDecision(operatorId, note, clock.GetUtcNow());
        MovementReceipt outcome;
        try
        {
            outcome = await Commit(known.CustomerId!, known.Fingerprint!, Refused(known.Receipt!, rejected), LetHeldGo(known.Receipt!.FromWalletId!), resolves: MovementStatus.HeldForReview);
        }
        finally
        {
            _decision = null;
        }
        await Reviewed(known.CustomerId!, outcome);
        return outcome;
    }

    /// <summary>The record of a movement still held; anything else is not one an operator can decide on.</summary>
    private async Task<(MovementRecord Known, HeldOrder Order)> HeldRecord()
    {
        var known = _settled ??= await ReadRecord();
        return known is { Receipt.Status: MovementStatus.HeldForReview, Held: { } order }
            ? (known, order)
            : known?.Receipt is null ? throw WalletRefusedException.NotFound("The movement")
            : throw new WalletRefusedException(RefusalCodes.NotPending, "This movement is not held for review.");
    }

    /// <summary>After the commit: the customer's monitor lists the movement held, or no longer; the customer's inbox says what became of it.</summary>
    private async Task NoteHeld(string customerId, MovementReceipt outcome)
    {
        if (outcome.Status == MovementStatus.HeldForReview)
        {
            await GrainFactory.GetGrain<IRiskMonitorGrain>(customerId).NoteHeld(outcome);
        }
    }

    private async Task Reviewed(string customerId, MovementReceipt outcome)
    {
        if (outcome.Status == MovementStatus.HeldForReview)
        {
            return; // still held: a concurrent decision, or nothing recorded
        }
        await GrainFactory.GetGrain<IRiskMonitorGrain>(customerId).ForgetHeld(MovementId);
        var amount = Amounts.Format(outcome.Amount, outcome.Currency);
        var (title, body) = outcome.Status == MovementStatus.Completed
            ? ("Your payment was released", $"Our team reviewed your {Describe(outcome)} of {amount} and let it go.")
            : ("Your payment was not sent", $"Our team did not let your {Describe(outcome)} of {amount} go ({outcome.RefusalDetail}). The money is in your wallet.");
        await GrainFactory.GetGrain<INotificationInboxGrain>(customerId)
            .Post(new Notification($"ntf_{MovementId}_reviewed", "movement_reviewed", title, body, clock.GetUtcNow(), MovementId));
    }

    private static string Describe(MovementReceipt receipt) => receipt.Kind switch
    {
        Wallets.MovementKind.Transfer => "transfer",
        Wallets.MovementKind.Withdrawal => "withdrawal",
        // Only transfers, payments and withdrawals are held for review; the other kinds never come here.
        Wallets.MovementKind.Payment or Wallets.MovementKind.TopUp or Wallets.MovementKind.Refund
            or Wallets.MovementKind.Settlement or Wallets.MovementKind.Cashback => "payment",
    };
}
