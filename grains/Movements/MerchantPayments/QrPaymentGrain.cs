using Wallet.Bills;
using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Merchants;
using Wallet.Refusals;
using Wallet.Risk;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// A customer pays a merchant's QR code. The money moves first: a refusal there changes nothing, so it is
/// recorded in this transaction. A dynamic code is claimed after it; one lost to another payer meanwhile
/// (checked while planning, so rare) aborts the money. A static code never changes once issued, so it was
/// checked while planning and takes no part in the transaction: payers do not queue on it.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class QrPaymentGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<QrPaymentRecord> record,
    MovementServices services)
    : ReviewableMovementGrain<PaymentReceipt, PaymentOrder, QrPaymentRecord>(record, services), IQrPaymentGrain
{
    private PaymentOffers Offers => new(GrainFactory, MovementId, Clock, Logger);

    public Task<PaymentReceipt> Pay(PaymentOrder order) => Carry(order, released: false);

    protected override string Described => "payment";

    protected override async Task<PaymentReceipt> Carry(PaymentOrder order, bool released)
    {
        var offers = Offers;
        PaymentOffers.Promoted? promoted = null;
        PaymentReceipt? outcome = null;
        try
        {
            return outcome = await PlanThenCommit(order.CustomerId, order.Fingerprint, released, async () =>
            {
                var (receipt, debit, to, dynamic, restriction, from) = await PlanPayment(order, released);
                if (!released && await AutoTopUps.Cover(GrainFactory, MovementId, order.CustomerId, from, debit.Amount) is { } covered)
                {
                    receipt = receipt with { FundCover = covered.Fund, AutoTopUp = covered.Card };
                }
                if (restriction == Restriction.Review)
                {
                    // Kept with its conversion: the release pays what was held, at the rate the customer was shown.
                    return HeldPlan(receipt, order.CustomerId, order with { Authorisation = NoAuthorisation, Exchange = receipt.Exchange });
                }
                if (!released && from.SubWalletId is { } subWalletId && await GrainFactory.GetGrain<Families.ISubWalletGrain>(subWalletId).NeedsApproval(debit.Amount))
                {
                    // Over its family's threshold: held in the sub-wallet until the owner or a guardian answers (the rules are met when it is paid).
                    // Listed before the commit, so its expiry lets the hold go even if the silo stops before the commit's answer.
                    await GrainFactory.GetGrain<Families.ISubWalletApprovalsGrain>(subWalletId).Expect(Families.SubWalletApprovals.Pending(receipt, MovementId, subWalletId));
                    return HeldPlan(receipt, order.CustomerId, order with { Authorisation = NoAuthorisation, Exchange = receipt.Exchange }, MovementStatus.AwaitingApproval);
                }
                // Approved by the family, it spends what was held for it, but only an operator's release answers the bank's review.
                debit = debit with { FamilyApproved = released && Resolving == MovementStatus.AwaitingApproval };
                var code = GrainFactory.GetGrain<IMerchantQrCodeGrain>(order.QrCodeId);
                async Task<Refusal?> Claimed() => dynamic && await code.Claim(MovementId, order.Amount, Clock.GetUtcNow()) is { } lost ? throw lost.AsException() : null;
                if (receipt.Exchange is { } exchange)
                {
                    // From a wallet in another currency: no campaign's offer (they are in the merchant's currency), the FX positions instead.
                    return new Plan(receipt, async () =>
                        await DebitThenCredit(receipt.PayerWalletId, debit with { Reviewed = released && Resolving == MovementStatus.HeldForReview }, to, order.Amount, order.Currency)
                        ?? await Fx.PaidAcross(exchange, order.Amount, order.Currency, order.FromWalletId)
                        ?? await Claimed());
                }
                var offered = promoted = await offers.OfferFor(order.MerchantId, order.CustomerId, order.Amount, order.CouponId);
                return new Plan(receipt, async () =>
                    await offers.Pay(debit with { Reviewed = released && Resolving == MovementStatus.HeldForReview }, receipt.PayerWalletId, order.MerchantId, offered, (paid, credited) => DebitThenCredit(receipt.PayerWalletId, paid, to, credited))
                    ?? await Claimed(), offered.Amend);
            });
        }
        finally
        {
            await offers.Close(order.MerchantId, promoted, outcome);
        }
    }

    private async Task<(PaymentReceipt, Posting, WalletFacts, bool Dynamic, Restriction Restriction, WalletFacts From)> PlanPayment(PaymentOrder order, bool released)
    {
        RequireMovableAmount(order.Amount, order.Currency);
        var restriction = await Authorise(order.CustomerId, order.Authorisation, order.Fingerprint, released, SignedPayment.Payment, order.Amount, order.Currency, order.MerchantId);
        var from = await OwnWallet(order.CustomerId, order.FromWalletId, currency: null, outgoing: true);
        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(order.MerchantId).GetFacts();
        var (code, unusable) = await GrainFactory.GetGrain<IMerchantQrCodeGrain>(order.QrCodeId).Inspect(order.Amount, Clock.GetUtcNow());
        if (merchant is null || code is null || code.MerchantId != order.MerchantId || code.Currency != order.Currency)
        {
            throw new WalletRefusedException(RefusalCodes.InvalidQrCode, "This QR code was not issued by the merchant it names.");
        }
        if (unusable is not null)
        {
            throw unusable.AsException();
        }
        var to = await Receiving(merchant.SettlementWalletId, "The merchant's wallet");
        var exchange = await ExchangeFor(from.Currency, order);
        var receipt = Accepted(new PaymentReceipt(order.CustomerId, from.WalletId, order.MerchantId, to.WalletId, code.OrderId, order.Amount), order.Currency) with { Exchange = exchange };
        var memo = code.OrderId is null ? merchant.Name : $"{merchant.Name} {code.OrderId}";
        if (exchange is not null)
        {
            memo = $"{memo} ({Money.Amounts.Format(order.Amount, order.Currency)} at {exchange.Rate})";
        }
        // The payer's entry names the merchant it paid, not the merchant's settlement wallet (the bank's business).
        var debit = new Posting(MovementId, MovementKind.Payment, order.CustomerId, exchange?.WalletAmount ?? order.Amount, from.Currency, order.MerchantId, memo,
            PayerAuthorised: true, Category: SpendingCategories.ForMerchant(merchant.Category));
        return (receipt, debit, to, code.Dynamic, restriction, from);
    }

    /// <summary>
    /// A merchant in another currency than the payer's wallet (a Hong Kong shop's code, a CNY wallet) is paid at the
    /// bank's buy rate of the moment it was sent, taken as the payment's quote: the wallet pays the price converted,
    /// rounded up (a payment released from review, at the rate it was held at).
    /// </summary>
    private async Task<Exchanged?> ExchangeFor(string walletCurrency, PaymentOrder order)
    {
        if (walletCurrency == order.Currency)
        {
            return null;
        }
        if (order.Exchange is { } held && held.WalletCurrency == walletCurrency)
        {
            return held; // released from review: what was held, at the rate of the moment it was sent
        }
        if (order.CouponId is not null)
        {
            throw new WalletRefusedException(RefusalCodes.CouponNotApplicable, "A coupon applies to a payment in the wallet's own currency.");
        }
        return await Fx.PriceFrom(walletCurrency, order.Amount, order.Currency);
    }

    public async Task<PaymentReceipt?> Find(string callerId)
        => await Known() is { Receipt: { } receipt } known
            && (known.CallerId == callerId || (receipt.MerchantId == callerId && receipt.Status == MovementStatus.Completed)) // not completed, it is the payer's alone
            ? receipt : null;

    public Task<Refusal?> AddRefund(string merchantId, long amount, string refundId)
        => Record.PerformUpdate(r => r.Refunds.Add(MerchantPayments.Refundable(r.Receipt, merchantId), amount, refundId));

    public async Task<RefundablePayment?> FindPayment(string merchantId) => MerchantPayments.Refundable((await Known())?.Receipt, merchantId);

    public async Task<IReadOnlyList<string>?> ListRefunds(string merchantId)
        => await ReadRecord() is { } known && MerchantPayments.Refundable(known.Receipt, merchantId) is not null ? known.Refunds.Ids : null; // read afresh: refunds are added by other movements' transactions

    protected override async Task AfterCommit(PaymentReceipt outcome)
    {
        await base.AfterCommit(outcome);
        await MerchantPayments.Announce(GrainFactory, outcome, outcome.MerchantId, Logger);
    }
}

[GenerateSerializer, Alias("Wallet.QrPaymentRecord")]
public sealed class QrPaymentRecord : ReviewableRecord<PaymentReceipt, PaymentOrder>, IKeepsRefunds
{
    [Id(0)] public PaymentRefunds Refunds { get; set; } = new();
}
