using Microsoft.Extensions.Options;
using Orleans.Transactions;
using Wallet.Banking;
using Wallet.Cards;
using Wallet.Customers;
using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Merchants;
using Wallet.Money;
using Wallet.Refusals;
using Wallet.Risk;
using Wallet.Wallets;
using Wallet.Webhooks;

namespace Wallet.Movements;

/// <summary>
/// Runs one movement exactly once. Not reentrant on purpose: concurrent requests under one
/// idempotency key queue here, and all but the first find the recorded outcome.
/// </summary>
[Orleans.Placement.PreferLocalPlacement] // beside the gateway that took the request: one network hop fewer per movement
public sealed partial class MovementGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<MovementRecord> record,
    ITransactionClient transactions,
    ICardIssuingBank bank,
    IOptions<HoldOptions> holds,
    Events.IWalletEventPublisher publisher,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    ILogger<MovementGrain> logger)
    : Grain, IMovementGrain
{
    private MovementRecord? _settled;

    private string MovementId => this.GetPrimaryKeyString();

    public Task<MovementReceipt> Transfer(TransferOrder order) => Transfer(order, released: false);

    /// <summary><paramref name="released"/>: an operator released it from review (its PIN was checked when it was sent).</summary>
    private Task<MovementReceipt> Transfer(TransferOrder order, bool released)
        => PlanThenCommit(order.CustomerId, order.Fingerprint, released, async () =>
        {
            var (receipt, debit, to, restriction) = await PlanTransfer(order, released);
            return restriction == Restriction.Review
                ? HeldPlan(receipt, order.CustomerId, new HeldOrder(order with { Authorisation = NoAuthorisation }, null))
                : new Plan(receipt, () => DebitThenCredit(order.FromWalletId, debit with { Reviewed = released }, to));
        });

    /// <summary>What a movement is about to do: its receipt, the money's part of the transaction, a change to the receipt once it moved, and the order kept while it is held for review.</summary>
    private sealed record Plan(MovementReceipt Receipt, Func<Task<Refusal?>> Move, Func<MovementReceipt, MovementReceipt>? Amend = null, HeldOrder? Held = null);

    /// <summary>
    /// A new movement is the common case, so its record is read only inside the transaction that
    /// commits it (which finds an earlier outcome and returns it), not first in a read-only
    /// transaction of its own. When the order is refused while planning, the record decides whether
    /// this is the replay of a movement that already happened. A movement released from review
    /// resolves its held record instead.
    /// </summary>
    private async Task<MovementReceipt> PlanThenCommit(string customerId, string fingerprint, bool released, Func<Task<Plan>> plan)
    {
        if (_settled is { } known && !released)
        {
            return await Replayed(Settle(known, customerId, fingerprint));
        }
        Plan planned;
        try
        {
            planned = await plan();
        }
        catch (WalletRefusedException) when (!released)
        {
            if (await Recorded(customerId, fingerprint) is { } earlier)
            {
                return earlier;
            }
            throw;
        }
        return await Commit(customerId, fingerprint, planned.Receipt, planned.Move, amend: planned.Amend, held: planned.Held,
            resolves: released ? MovementStatus.HeldForReview : null, whenRefused: released ? LetHeldGo(planned.Receipt.FromWalletId!) : null);
    }

    /// <summary>
    /// The money of a transfer or a payment, inside the committing transaction. A busy wallet is paid
    /// through one of its tills, and its own lock is not taken at all. Otherwise wallets are locked in
    /// id order: a movement the other way round then waits instead of deadlocking.
    /// </summary>
    private async Task<Refusal?> DebitThenCredit(string fromWalletId, Posting debit, WalletFacts to, long? credited = null)
    {
        var credit = debit with { Counterparty = fromWalletId, Amount = credited ?? debit.Amount };
        var viaTill = to.ReceivingTills > 0;
        if (!viaTill && string.CompareOrdinal(to.WalletId, fromWalletId) < 0)
        {
            await Wallet(to.WalletId).Enlist();
        }
        if (await Wallet(fromWalletId).Debit(debit) is { } refusal)
        {
            return refusal;
        }
        await (viaTill
            ? GrainFactory.GetGrain<IWalletTillGrain>(Tills.KeyOf(to.WalletId, Tills.For(MovementId, to.ReceivingTills))).Credit(credit)
            : Wallet(to.WalletId).Credit(credit));
        return null;
    }

    /// <summary>
    /// Pays a merchant's QR code. The money moves first: a refusal there changes nothing, so it is recorded
    /// in this transaction. A dynamic code is claimed after it; one lost to another payer meanwhile
    /// (checked while planning, so rare) aborts the money. A static code never changes once issued, so it
    /// was checked while planning and takes no part in the transaction: payers do not queue on it.
    /// </summary>
    public Task<MovementReceipt> Pay(PaymentOrder order) => Pay(order, released: false);

    private async Task<MovementReceipt> Pay(PaymentOrder order, bool released)
    {
        PromotedPayment? promoted = null;
        MovementReceipt? outcome = null;
        try
        {
            return outcome = await PlanThenCommit(order.CustomerId, order.Fingerprint, released, async () =>
            {
                var (receipt, debit, to, dynamic, restriction) = await PlanPayment(order, released);
                if (restriction == Restriction.Review)
                {
                    return HeldPlan(receipt, order.CustomerId, new HeldOrder(null, order with { Authorisation = NoAuthorisation }));
                }
                var code = GrainFactory.GetGrain<IMerchantQrCodeGrain>(order.QrCodeId);
                var offered = promoted = await OfferFor(order.MerchantId, order.CustomerId, order.Amount, order.CouponId);
                return new Plan(receipt, async () => await Pay(order.FromWalletId, debit with { Reviewed = released }, to, offered)
                    ?? (dynamic && await code.Claim(MovementId, order.Amount, clock.GetUtcNow()) is { } lost ? throw lost.AsException() : null), offered.Amend);
            });
        }
        finally
        {
            await CloseOffer(order.MerchantId, promoted, outcome);
        }
    }

    private async Task<(MovementReceipt, Posting, WalletFacts, bool Dynamic, Restriction Restriction)> PlanPayment(PaymentOrder order, bool released)
    {
        RequireMovableAmount(order.Amount, order.Currency);
        var restriction = await Authorise(order.CustomerId, order.Authorisation, order.Fingerprint, released, SignedPayment.Payment, order.Amount, order.Currency, order.MerchantId);
        var from = await OwnWallet(order.CustomerId, order.FromWalletId, order.Currency, outgoing: true);
        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(order.MerchantId).GetFacts();
        var (code, unusable) = await GrainFactory.GetGrain<IMerchantQrCodeGrain>(order.QrCodeId).Inspect(order.Amount, clock.GetUtcNow());
        if (merchant is null || code is null || code.MerchantId != order.MerchantId || code.Currency != order.Currency)
        {
            throw new WalletRefusedException(RefusalCodes.InvalidQrCode, "This QR code was not issued by the merchant it names.");
        }
        if (unusable is not null)
        {
            throw unusable.AsException();
        }
        var to = await Wallet(merchant.SettlementWalletId).GetFactsToCredit() ?? throw WalletRefusedException.NotFound("The merchant's wallet");
        var receipt = NewReceipt(MovementKind.Payment, from.WalletId, to.WalletId, null, order.Amount, order.Currency, code.OrderId)
            with { MerchantId = order.MerchantId, OrderId = code.OrderId };
        var memo = code.OrderId is null ? merchant.Name : $"{merchant.Name} {code.OrderId}";
        return (receipt, new Posting(MovementId, MovementKind.Payment, order.CustomerId, order.Amount, order.Currency, to.WalletId, memo, PayerAuthorised: true), to, code.Dynamic, restriction);
    }

    private async Task<(MovementReceipt, Posting, WalletFacts, Restriction Restriction)> PlanTransfer(TransferOrder order, bool released)
    {
        RequireMovableAmount(order.Amount, order.Currency);
        var restriction = await Authorise(order.CustomerId, order.Authorisation, order.Fingerprint, released, SignedPayment.Transfer, order.Amount, order.Currency,
            order.ToWalletId ?? order.ToPhone ?? "");
        var from = await OwnWallet(order.CustomerId, order.FromWalletId, order.Currency, outgoing: true);
        var toId = order.ToWalletId ?? await ReceivingWalletOf(order.ToPhone ?? "", order.Currency);
        if (toId == from.WalletId)
        {
            throw new WalletRefusedException(RefusalCodes.SameWallet, "A wallet cannot send money to itself.");
        }
        var to = await Wallet(toId).GetFactsToCredit() ?? throw WalletRefusedException.NotFound("The receiving wallet");
        if (to.Currency != order.Currency)
        {
            throw new WalletRefusedException(RefusalCodes.CurrencyMismatch, $"The receiving wallet holds {to.Currency}, not {order.Currency}.");
        }
        if (WalletStatuses.RefusesIncoming(to.Status) is { } closed)
        {
            throw closed.AsException(); // early; the receiving book (or its closed tills) decides for good
        }
        var receipt = NewReceipt(MovementKind.Transfer, from.WalletId, toId, null, order.Amount, order.Currency, order.Memo);
        return (receipt, new Posting(MovementId, MovementKind.Transfer, order.CustomerId, order.Amount, order.Currency, toId, order.Memo, PayerAuthorised: true), to, restriction);
    }

    public async Task<MovementReceipt> TopUp(TopUpOrder order)
    {
        if (await Recorded(order.CustomerId, order.Fingerprint) is { } earlier)
        {
            return await RefundIfRefusedAfterCharge(earlier, order);
        }
        RequireMovableAmount(order.Amount, order.Currency);
        var wallet = await OwnWallet(order.CustomerId, order.WalletId, order.Currency, outgoing: false);
        var card = await GrainFactory.GetGrain<ICardBindingGrain>(order.CardId).GetInstrument(order.CustomerId);
        var receipt = NewReceipt(MovementKind.TopUp, null, wallet.WalletId, card.CardId, order.Amount, order.Currency, null);

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

    /// <summary>
    /// A top-up refused after the card was charged (the wallet's balance cap) gives the charge back.
    /// Replays ask again: the bank knows the reference, so a crash between the two refunds once.
    /// </summary>
    private async Task<MovementReceipt> RefundIfRefusedAfterCharge(MovementReceipt outcome, TopUpOrder order)
    {
        if (outcome is { Status: MovementStatus.Refused, CardId: { } cardId } && outcome.RefusalCode != RefusalCodes.CardDeclined)
        {
            var card = await GrainFactory.GetGrain<ICardBindingGrain>(cardId).GetInstrument(order.CustomerId);
            await bank.Refund(card.BankToken, outcome.Amount, outcome.Currency, MovementId);
        }
        return outcome;
    }

    public Task<MovementReceipt> Withdraw(WithdrawalOrder order) => Withdraw(order, released: false);

    /// <summary>
    /// Money to the customer's card: the bank approves the payout, the wallet is debited into the
    /// withdrawal clearing account, then the bank pays out under the movement's id. Held for review
    /// before the bank is asked, when the customer is under that restriction.
    /// </summary>
    private async Task<MovementReceipt> Withdraw(WithdrawalOrder order, bool released)
    {
        if (!released && await Recorded(order.CustomerId, order.Fingerprint) is { } earlier)
        {
            return earlier;
        }
        RequireMovableAmount(order.Amount, order.Currency);
        var restriction = await Authorise(order.CustomerId, order.Authorisation, order.Fingerprint, released, SignedPayment.Withdrawal, order.Amount, order.Currency, order.CardId);
        var wallet = await OwnWallet(order.CustomerId, order.WalletId, order.Currency, outgoing: true);
        var card = await GrainFactory.GetGrain<ICardBindingGrain>(order.CardId).GetInstrument(order.CustomerId);
        var receipt = NewReceipt(MovementKind.Withdrawal, wallet.WalletId, null, card.CardId, order.Amount, order.Currency, null);
        if (restriction == Restriction.Review)
        {
            var held = HeldPlan(receipt, order.CustomerId, new HeldOrder(null, null, order with { Authorisation = NoAuthorisation }));
            return await Commit(order.CustomerId, order.Fingerprint, held.Receipt, held.Move, held: held.Held);
        }
        var resolves = released ? MovementStatus.HeldForReview : (MovementStatus?)null;
        var approval = await bank.ApprovePayout(card.BankToken, order.Amount, order.Currency);
        if (!approval.Approved)
        {
            return await Commit(order.CustomerId, order.Fingerprint, Refused(receipt, new(RefusalCodes.CardDeclined, approval.Reason)),
                released ? LetHeldGo(wallet.WalletId) : Nothing, resolves: resolves);
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
        }, resolves: resolves, whenRefused: released ? LetHeldGo(wallet.WalletId) : null);
        if (outcome.Status == MovementStatus.Completed)
        {
            await bank.Payout(card.BankToken, order.Amount, order.Currency, MovementId);
        }
        return outcome;
    }

    public async Task<MovementReceipt> Refund(RefundOrder order)
    {
        if (await Recorded(order.MerchantId, order.Fingerprint) is { } earlier)
        {
            return earlier;
        }
        RequireMovableAmount(order.Amount, currency: null); // a refund is in the payment's currency, whatever it is
        var payment = await GrainFactory.GetGrain<IMovementGrain>(order.PaymentId).FindPayment(order.MerchantId)
            ?? throw WalletRefusedException.NotFound("The payment");
        var receipt = NewReceipt(MovementKind.Refund, payment.ToWalletId, payment.FromWalletId, null, order.Amount, payment.Currency, payment.OrderId)
            with { MerchantId = order.MerchantId, OrderId = payment.OrderId, PaymentId = payment.MovementId };
        var to = await Wallet(payment.FromWalletId!).GetFactsToCredit() ?? throw WalletRefusedException.NotFound("The payer's wallet");
        var debit = new Posting(MovementId, MovementKind.Refund, order.MerchantId, order.Amount, payment.Currency, payment.FromWalletId, $"refund of {payment.MovementId}");
        return await Commit(order.MerchantId, order.Fingerprint, receipt, async () =>
            await GrainFactory.GetGrain<IMovementGrain>(order.PaymentId).AddRefund(order.MerchantId, order.Amount, MovementId)
                ?? (await DebitThenCredit(payment.ToWalletId!, debit, to) is { } refused
                    ? throw refused.AsException() // aborted, so the refunded total counted above keeps no refund that moved nothing; recorded on its own
                    : null));
    }

    /// <summary>The outcome already recorded under this key, or null if the movement has not happened.</summary>
    private async Task<MovementReceipt?> Recorded(string customerId, string fingerprint)
    {
        var known = _settled ?? await ReadRecord();
        return known is null ? null : await Replayed(Settle(known, customerId, fingerprint));
    }

    /// <summary>
    /// A replay announces the outcome to the merchant again: if the silo stopped between a commit and
    /// its announcement, the caller (who heard nothing) replays and the event still goes out. The
    /// event's id is the outcome's, so one already queued or delivered is recognised.
    /// </summary>
    private async Task<MovementReceipt> Replayed(MovementReceipt earlier)
    {
        await Announce(earlier);
        await NoteHeld(_settled!.CustomerId!, earlier); // the same for a movement held for review and its risk monitor
        return earlier with { Replayed = true };
    }

    private MovementReceipt Settle(MovementRecord known, string customerId, string fingerprint)
    {
        _settled = known;
        if (known.CustomerId != customerId)
        {
            throw WalletRefusedException.NotFound("The movement");
        }
        return known.Fingerprint == fingerprint
            ? known.Receipt!
            : throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");
    }

    private Task<MovementRecord?> ReadRecord() => TransactionRetry.Run(logger, MovementId, async () =>
    {
        MovementRecord? known = null;
        await transactions.RunTransaction(TransactionOption.Create, async () =>
            known = await record.PerformRead(r => r.Receipt is null ? null : r));
        return known;
    });

    /// <summary>
    /// One grain transaction: check the record, move the money (or learn why not), write the record.
    /// A refusal from the receiving side aborts the money and is then recorded on its own.
    /// </summary>
    private async Task<MovementReceipt> Commit(string customerId, string fingerprint, MovementReceipt receipt, Func<Task<Refusal?>> move,
        MovementStatus? resolves = null, Func<Task<Refusal?>>? whenRefused = null, Func<MovementReceipt, MovementReceipt>? amend = null, HeldOrder? held = null)
    {
        // Written down before anything can commit, so a crash after the commit still publishes; the write
        // overlaps the transaction's start and is awaited inside it, before the transaction can commit.
        var expected = Outbox.Expect(MovementId);
        try
        {
            var settled = await TransactionRetry.Run(logger, MovementId, async () =>
            {
                MovementRecord? outcome = null;
                expected = expected.IsFaulted ? Outbox.Expect(MovementId) : expected; // a failed write is tried again with the transaction
                await transactions.RunTransaction(TransactionOption.Create, async () =>
                {
                    await expected;
                    // Already settled: a new movement finds any receipt; one that resolves a waiting state, any other state.
                    outcome = await record.PerformUpdate(r => r.Receipt is null || (resolves is not null && r.Receipt.Status == resolves) ? null : r);
                    if (outcome is not null)
                    {
                        return;
                    }
                    var final = await move() is { } refusal ? Refused(receipt, refusal) : amend?.Invoke(receipt) ?? receipt;
                    final = resolves == MovementStatus.HeldForReview ? final with { Review = _decision } : final;
                    outcome = await record.PerformUpdate(r =>
                    {
                        r.CustomerId = customerId;
                        r.Fingerprint = fingerprint;
                        r.Receipt = final;
                        r.Held = final.Status == MovementStatus.HeldForReview ? held : null;
                        return r;
                    });
                });
                return outcome!;
            });
            var final = Settle(settled, customerId, fingerprint);
            await Publish(final);
            await Announce(final);
            await NoteHeld(customerId, final);
            return final;
        }
        catch (OrleansTransactionAbortedException aborted) when (aborted.InnerException is WalletRefusedException refused && !TransactionRetry.IsFailure(refused))
        {
            // Recorded on its own; what must still happen when the movement is refused (letting a hold go) happens with it.
            return await Commit(customerId, fingerprint, Refused(receipt, new(refused.Code, refused.Message, refused.Limit)), whenRefused ?? Nothing, resolves);
        }
        catch (Exception exception) when (TransactionRetry.IsRetryable(exception))
        {
            throw new WalletRefusedException(RefusalCodes.MovementInDoubt,
                "The movement could not be confirmed in time. Replay it with the same idempotency key to learn its outcome.");
        }
    }

    /// <summary>Tells the merchant's webhooks about a committed outcome: after the commit, never from inside the transaction.</summary>
    private Task Announce(MovementReceipt outcome)
        => MerchantEvents.For(outcome) is { } merchantEvent ? MerchantEvents.Announce(GrainFactory, outcome.MerchantId!, merchantEvent, logger) : Task.CompletedTask;

    private static Task<Refusal?> Nothing() => Task.FromResult<Refusal?>(null);

    private async Task<WalletFacts> OwnWallet(string customerId, string walletId, string currency, bool outgoing)
    {
        var facts = await Wallet(walletId).GetFacts();
        if (facts is null || facts.OwnerId != customerId)
        {
            throw WalletRefusedException.NotFound("The wallet");
        }
        if (facts.Currency != currency)
        {
            throw new WalletRefusedException(RefusalCodes.CurrencyMismatch, $"The wallet holds {facts.Currency}, not {currency}.");
        }
        if ((outgoing ? WalletStatuses.RefusesOutgoing(facts.Status) : WalletStatuses.RefusesIncoming(facts.Status)) is { } refusal)
        {
            throw refusal.AsException();
        }
        return facts;
    }

    private async Task<string> ReceivingWalletOf(string phone, string currency)
    {
        var customerId = await GrainFactory.GetGrain<IPhoneDirectoryGrain>(phone).FindCustomer();
        var walletId = customerId is null ? null : await GrainFactory.GetGrain<ICustomerGrain>(customerId).FindReceivingWallet(currency);
        return walletId ?? throw new WalletRefusedException(RefusalCodes.RecipientNotFound, $"No {currency} wallet is registered to that phone number.");
    }

    private static void RequireMovableAmount(long amount, string? currency)
    {
        if (!Amounts.IsValidMovement(amount) || (currency is not null && !Currencies.IsSupported(currency)))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"An amount is 1 to {Amounts.Max} minor units of a supported currency.");
        }
    }

    private MovementReceipt NewReceipt(MovementKind kind, string? from, string? to, string? cardId, long amount, string currency, string? memo)
        => new(MovementId, kind, MovementStatus.Completed, null, null, from, to, cardId, amount, currency, memo, clock.GetUtcNow());

    private static MovementReceipt Refused(MovementReceipt receipt, Refusal refusal) => receipt with
    {
        Status = MovementStatus.Refused,
        RefusalCode = refusal.Code,
        RefusalDetail = refusal.Detail ?? RefusalText.For(refusal.Code),
        RefusalLimit = refusal.Limit,
    };

    private IWalletGrain Wallet(string walletId) => GrainFactory.GetGrain<IWalletGrain>(walletId);

    private IClearingAccountGrain Clearing(string purpose, string currency, string walletId)
        => GrainFactory.GetGrain<IClearingAccountGrain>(ClearingAccounts.KeyFor(purpose, currency, walletId));
}
