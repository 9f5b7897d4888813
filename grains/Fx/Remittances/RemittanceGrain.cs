using Microsoft.Extensions.Options;
using Wallet.Bills;
using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Limits;
using Wallet.Money;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Risk;
using Wallet.Wallets;

namespace Wallet.Fx;

/// <summary>
/// A customer sends money to an account abroad. One transaction debits the wallet the amount (converted at the bank's
/// buy rate of the moment, rounded up, when the wallet is in another currency) and the fee, moves the bank's FX
/// positions, credits the correspondent's clearing account with the amount sent and the bank's fees with the fee, and
/// draws a purchase of foreign currency with the home currency on the annual quota. Then the correspondent bank is told
/// (<see cref="RemittanceGrain"/>'s other half). Held for review first when the customer is under that restriction.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed partial class RemittanceGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<RemittanceRecord> record,
    MovementServices services,
    ICorrespondentBank correspondent,
    ReferenceRates rates,
    LimitSchedule limits,
    IOptions<FxOptions> options)
    : ReviewableMovementGrain<RemittanceReceipt, RemittanceOrder, RemittanceRecord>(record, services), IRemittanceGrain, IRemindable
{
    /// <summary>The correspondent's part as this activation last wrote or read it; null when it must be read (a return's transaction changed it).</summary>
    private CorrespondentLeg? _leg;

    public async Task<RemittanceView> Send(RemittanceOrder order) => await View(await Carry(order, released: false));

    protected override string Described => "remittance";

    protected override async Task<RemittanceReceipt> Carry(RemittanceOrder order, bool released)
    {
        if (!released && await Recorded(order.CustomerId, order.Fingerprint) is { } earlier)
        {
            return earlier;
        }
        RequireMovableAmount(order.Amount, order.Currency);
        if (order.Beneficiary.Problems() is { Count: > 0 } problems)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, string.Join(" ", problems.Values));
        }
        if (!UnconfiguredCorrespondentBank.IsConfigured(correspondent))
        {
            throw UnconfiguredCorrespondentBank.Unavailable();
        }
        // The customer signs what the beneficiary gets, which they know; the wallet's side follows from the rate.
        var restriction = await Authorise(order.CustomerId, order.Authorisation, order.Fingerprint, released, SignedPayment.Remittance, order.Amount, order.Currency,
            order.Beneficiary.Account);
        var wallet = await OwnWallet(order.CustomerId, order.WalletId, currency: null, outgoing: true);
        var price = order.Priced ?? await Price(wallet.Currency, order);
        var receipt = Accepted(new RemittanceReceipt(wallet.WalletId, order.Beneficiary, order.Purpose, order.Amount, price.Fee), order.Currency) with { Exchange = price.Exchange };
        if (restriction == Restriction.Review)
        {
            // Kept with its price: the release pays what was held, at the rate the customer was shown.
            var held = HeldPlan(receipt, order.CustomerId, order with { Authorisation = NoAuthorisation, Priced = price });
            return await Commit(order.CustomerId, order.Fingerprint, held.Receipt, held.Move, keep: Keep(held.Held));
        }
        var quota = await FxQuotaRule.DrawnBy(GrainFactory, rates.HomeCurrency, new CurrencyPair(wallet.Currency, order.Currency), order.Amount);
        var year = limits.DayOf(Clock.GetUtcNow()).Year;
        var memo = $"{order.Beneficiary.Name} {order.Beneficiary.BankCode} {order.Beneficiary.MaskedAccount} {Amounts.Format(order.Amount, order.Currency)}"
            + (price.Exchange is { } exchange ? $" at {exchange.Rate}" : "");
        var debit = new Posting(MovementId, MovementKind.Remittance, order.CustomerId, receipt.SenderPays, receipt.SenderCurrency, MovementId, memo,
            PayerAuthorised: true, Reviewed: released, Category: SpendingCategory.Remittances);
        var acceptedAt = Clock.GetUtcNow();
        return await Commit(order.CustomerId, order.Fingerprint, receipt, async () =>
        {
            if (await Wallet(wallet.WalletId).Debit(debit) is { } refusal)
            {
                return refusal;
            }
            if (price.Exchange is { } converted)
            {
                await Fx.PositionsMove(converted.WalletCurrency, converted.WalletAmount, order.Currency, order.Amount, wallet.WalletId);
            }
            await Clearing(ClearingAccounts.Correspondent, order.Currency, wallet.WalletId).Post(MovementId, order.Amount);
            if (price.Fee > 0)
            {
                await Clearing(ClearingAccounts.RemittanceFees, receipt.SenderCurrency, wallet.WalletId).Post(MovementId, price.Fee);
            }
            if (quota > 0)
            {
                // Refuses by throwing (fx_quota_exceeded), which aborts the money above with it.
                await GrainFactory.GetGrain<IFxQuotaGrain>(FxQuotas.KeyOf(order.CustomerId, year)).Draw(MovementId, quota);
            }
            return null;
        }, resolves: released ? MovementStatus.HeldForReview : null, whenRefused: released ? LetHoldGo(wallet.WalletId) : null, keep: r =>
        {
            r.Held = null;
            r.Leg = r.Receipt?.Status == MovementStatus.Completed ? new CorrespondentLeg(RemittanceStatus.Accepted, acceptedAt) : null;
        });
    }

    /// <summary>
    /// What the wallet pays: the amount converted at the bank's buy rate of the moment (rounded up; none in its own
    /// currency), and the fee, set in the home currency and converted the same way for a wallet in another.
    /// </summary>
    private async Task<RemittancePrice> Price(string walletCurrency, RemittanceOrder order)
    {
        var exchange = await Fx.PriceFrom(walletCurrency, order.Amount, order.Currency); // refuses a currency the bank does not offer
        var fee = options.Value.RemittanceFee;
        if (fee > 0 && walletCurrency != rates.HomeCurrency)
        {
            fee = (await Fx.PriceFrom(walletCurrency, fee, rates.HomeCurrency))!.WalletAmount;
        }
        return new RemittancePrice(exchange, fee);
    }

    public async Task<RemittanceView?> Find(string customerId) => await RecordedFor(customerId) is { } receipt ? await View(receipt) : null;

    /// <summary>The remittance with what the correspondent said, and its return when it was sent back.</summary>
    private async Task<RemittanceView> View(RemittanceReceipt receipt)
    {
        if (receipt.Status != MovementStatus.Completed)
        {
            return new(receipt, null);
        }
        var leg = _leg ?? (await ReadRecord())?.Leg;
        var returned = leg?.ReturnId is { } returnId && (Settled ?? await ReadRecord())?.CallerId is { } customerId
            ? await GrainFactory.GetGrain<IRemittanceReturnGrain>(returnId).Find(customerId)
            : null;
        return new(receipt, leg, returned);
    }
}

[GenerateSerializer, Alias("Wallet.RemittanceRecord")]
public sealed class RemittanceRecord : ReviewableRecord<RemittanceReceipt, RemittanceOrder>
{
    /// <summary>What the correspondent has said, once the money moved; written by this remittance and by its return's transaction.</summary>
    [Id(0)] public CorrespondentLeg? Leg { get; set; }
}
