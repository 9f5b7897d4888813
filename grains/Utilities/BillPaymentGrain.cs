using Microsoft.Extensions.Options;
using Wallet.Bills;
using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Risk;
using Wallet.Wallets;

namespace Wallet.Utilities;

/// <summary>
/// A customer pays a biller. One transaction debits the wallet into the biller's clearing account, claims the bill
/// (a bill is paid once, whoever pays it) and records the payment as pending with the biller; then the biller is
/// told (<see cref="BillPaymentGrain"/>'s other half). Held for review first when the customer is under that
/// restriction, like any other payment. An autopay payment carries the customer's mandate instead of a PIN.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed partial class BillPaymentGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<BillPaymentRecord> record,
    MovementServices services,
    IBillingCompany billers,
    IOptions<UtilityOptions> options)
    : ReviewableMovementGrain<BillPaymentReceipt, BillPaymentOrder, BillPaymentRecord>(record, services), IBillPaymentGrain, IRemindable
{
    /// <summary>The biller's part as this activation last wrote or read it; null when it must be read (a refund's transaction changed it).</summary>
    private BillerLeg? _leg;

    public async Task<BillPaymentView> Pay(BillPaymentOrder order) => await View(await Carry(order, released: false));

    protected override string Described => "bill payment";

    protected override async Task<BillPaymentReceipt> Carry(BillPaymentOrder order, bool released)
    {
        if (!released && await Recorded(order.CustomerId, order.Fingerprint) is { } earlier)
        {
            return earlier;
        }
        var (payee, biller, bill, amount) = await WhatIsPaid(order);
        var restriction = order.ByMandate
            ? await Mandated(order, amount)
            : await Authorise(order.CustomerId, order.Authorisation, order.Fingerprint, released, SignedPayment.BillPayment, amount, order.Currency, order.PayeeId);
        var wallet = await OwnWallet(order.CustomerId, order.WalletId, order.Currency, outgoing: true);
        var receipt = Accepted(new BillPaymentReceipt(wallet.WalletId, payee.PayeeId, biller.BillerId, payee.AccountNumber, bill?.BillRef, amount, order.ByMandate), order.Currency);
        if (restriction == Restriction.Review)
        {
            var held = HeldPlan(receipt, order.CustomerId, order with { Authorisation = NoAuthorisation });
            return await Commit(order.CustomerId, order.Fingerprint, held.Receipt, held.Move, keep: Keep(held.Held));
        }
        var debit = new Posting(MovementId, MovementKind.BillPayment, order.CustomerId, amount, order.Currency, biller.BillerId,
            bill is null ? $"{biller.Name} {payee.AccountNumber}" : $"{biller.Name} {payee.AccountNumber} {bill.Period}",
            PayerAuthorised: true, Reviewed: released, Category: SpendingCategory.Utilities);
        var sentAt = Clock.GetUtcNow();
        return await Commit(order.CustomerId, order.Fingerprint, receipt, async () =>
        {
            if (await Wallet(wallet.WalletId).Debit(debit) is { } refusal)
            {
                return refusal;
            }
            await Clearing(ClearingAccounts.Biller(biller.BillerId), order.Currency, wallet.WalletId).Post(MovementId, amount);
            // After the money: a bill another payment settled aborts it all, and is recorded on its own.
            return bill is not null && await Bill(receipt)!.Claim(MovementId) is { } paid ? throw paid.AsException() : null;
        }, resolves: released ? MovementStatus.HeldForReview : null, whenRefused: released ? LetHoldGo(wallet.WalletId) : null, keep: r =>
        {
            r.Held = null;
            r.Leg = r.Receipt?.Status == MovementStatus.Completed ? new BillerLeg(BillerStatus.Pending, sentAt, sentAt + biller.ConfirmWithin) : null;
        });
    }

    /// <summary>The payee, its biller, the bill (postpaid) and the amount: the bill's, or the one asked for where the biller takes it.</summary>
    private async Task<(SavedPayee, BillerProfile, UtilityBill?, long)> WhatIsPaid(BillPaymentOrder order)
    {
        RequireMovableAmount(order.Amount ?? 1, order.Currency);
        var payee = await GrainFactory.GetGrain<IBillPayeesGrain>(order.CustomerId).Find(order.PayeeId) ?? throw WalletRefusedException.NotFound("The payee");
        var biller = await GrainFactory.GetGrain<IBillerGrain>(payee.BillerId).GetProfile() ?? throw WalletRefusedException.NotFound("The biller");
        if (biller.Paused)
        {
            throw new WalletRefusedException(RefusalCodes.BillerPaused, "This biller takes no payments through the bank for now.");
        }
        if (biller.Currency != order.Currency)
        {
            throw new WalletRefusedException(RefusalCodes.CurrencyMismatch, $"This biller is paid in {biller.Currency}, not {order.Currency}.");
        }
        if (biller.Mode != BillingMode.Postpaid)
        {
            var amount = order.Amount ?? throw new WalletRefusedException(RefusalCodes.ValidationFailed, "Say how much to pay this biller.");
            return biller.CheckAmount(amount) is { } notOffered ? throw notOffered.AsException() : (payee, biller, null, amount);
        }
        var bill = await billers.CurrentBill(biller, payee.AccountNumber, Clock.GetUtcNow())
            ?? throw new WalletRefusedException(RefusalCodes.NoBillDue, "The biller has no bill for this account now.");
        if (order.Amount is { } asked && asked != bill.Amount)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"A bill is paid in full: {Money.Amounts.Format(bill.Amount, bill.Currency)}.");
        }
        if (await GrainFactory.GetGrain<IUtilityBillGrain>(UtilityBills.KeyOf(biller.BillerId, payee.AccountNumber, bill.BillRef)).PaidBy() is { } paidBy && paidBy != MovementId)
        {
            throw new WalletRefusedException(RefusalCodes.BillAlreadyPaid, "This bill is paid already (or its payment is with the biller).");
        }
        return (payee, biller, bill, bill.Amount);
    }

    /// <summary>An autopay payment: the customer said yes once, with the PIN, when they gave the mandate; it must still stand and cover this bill.</summary>
    private async Task<Restriction> Mandated(BillPaymentOrder order, long amount)
        => await GrainFactory.GetGrain<IBillCalendarGrain>(order.CustomerId).Covers(order.PayeeId, order.WalletId, amount)
            ? Restriction.None
            : throw new WalletRefusedException(RefusalCodes.NotFound, "No autopay mandate covers this bill.");

    public async Task<BillPaymentView?> Find(string customerId) => await RecordedFor(customerId) is { } receipt ? await View(receipt) : null;

    /// <summary>The payment with what the biller said: as this activation last learned it, else read afresh (a refund's transaction writes it too).</summary>
    private async Task<BillPaymentView> View(BillPaymentReceipt receipt)
        => receipt.Status == MovementStatus.Completed ? new(receipt, _leg ?? (await ReadRecord())?.Leg) : new(receipt, null);

    private IUtilityBillGrain? Bill(BillPaymentReceipt receipt)
        => receipt.BillRef is { } billRef ? GrainFactory.GetGrain<IUtilityBillGrain>(UtilityBills.KeyOf(receipt.BillerId, receipt.AccountNumber, billRef)) : null;
}

[GenerateSerializer, Alias("Wallet.BillPaymentRecord")]
public sealed class BillPaymentRecord : ReviewableRecord<BillPaymentReceipt, BillPaymentOrder>
{
    /// <summary>What the biller has said, once the money moved; written by this payment and by its refund's transaction.</summary>
    [Id(0)] public BillerLeg? Leg { get; set; }
}
