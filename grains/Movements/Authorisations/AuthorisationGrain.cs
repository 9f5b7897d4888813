using Microsoft.Extensions.Options;
using Wallet.Bills;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Merchants;
using Wallet.Money;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// Merchants' authorisations (a hotel's deposit, a fuel pump): the payer's money is held, then captured in
/// whole or part, voided, or let go by a reminder once it expires — each a transaction that moves the hold and
/// the record together.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class AuthorisationGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<AuthorisationRecord> record,
    MovementServices services,
    IOptions<HoldOptions> holds)
    : MovementGrain<AuthorisationReceipt, AuthorisationRecord>(record, services), IAuthorisationGrain, IRemindable
{
    private const string ExpiryReminder = "authorization-expiry";

    public async Task<AuthorisationReceipt> Authorize(AuthorizationOrder order)
    {
        if (await Recorded(order.MerchantId, order.Fingerprint) is { } earlier)
        {
            return earlier;
        }
        RequireMovableAmount(order.Amount, order.Currency);
        var code = await GrainFactory.GetGrain<IPaymentCodeGrain>(order.PaymentCode).Read()
            ?? throw new WalletRefusedException(RefusalCodes.InvalidPaymentCode, "No such payment code.");
        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(order.MerchantId).GetFacts() ?? throw WalletRefusedException.NotFound("The merchant");
        if (await Wallet(code.WalletId).GetFacts() is { } payer && payer.Currency != order.Currency)
        {
            // A hold counts in the wallet's own minor units: one in another currency would hold the wrong amount, and its capture could never debit.
            throw new WalletRefusedException(RefusalCodes.CurrencyMismatch, $"The payment code's wallet holds {payer.Currency}, not {order.Currency}.");
        }
        var now = Clock.GetUtcNow();
        var receipt = Accepted(new AuthorisationReceipt(code.CustomerId, code.WalletId, order.MerchantId, merchant.SettlementWalletId, order.OrderId, order.Amount,
            now + holds.Value.ExpireAfter), order.Currency, MovementStatus.Authorized);
        var outcome = await Commit(order.MerchantId, order.Fingerprint, receipt, async () =>
            await GrainFactory.GetGrain<IPaymentCodeGrain>(order.PaymentCode).Claim(MovementId, now)
                ?? await Wallet(code.WalletId).PlaceHold(MovementId, code.CustomerId, order.Amount, forReview: false));
        if (outcome.Status == MovementStatus.Authorized)
        {
            // Minute-long period: the first tick is the expiry; later ones only if letting it go failed.
            await this.RegisterOrUpdateReminder(ExpiryReminder, holds.Value.ExpireAfter, TimeSpan.FromMinutes(1));
        }
        return outcome;
    }

    public async Task<AuthorisationReceipt> Capture(string merchantId, long amount)
    {
        var (known, authorized) = await Authorization(merchantId);
        if (authorized.Status != MovementStatus.Authorized)
        {
            return authorized;
        }
        if (Clock.GetUtcNow() > authorized.ExpiresAt)
        {
            return await LetGo(known, authorized, new Refusal(RefusalCodes.AuthorizationExpired, "The authorisation expired before it was captured."));
        }
        if (!Amounts.IsValidMovement(amount) || amount > authorized.Authorised)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"Capture 1 to {authorized.Authorised} minor units: no more than was authorised.");
        }
        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(merchantId).GetFacts() ?? throw WalletRefusedException.NotFound("The merchant");
        var to = await Receiving(authorized.MerchantWalletId, "The merchant's wallet");
        var captured = authorized with { Status = MovementStatus.Completed, Captured = amount };
        var debit = new Posting(MovementId, MovementKind.Payment, authorized.PayerId, amount, authorized.Currency, merchantId, $"{merchant.Name} {authorized.OrderId}",
            PayerAuthorised: true, Category: SpendingCategories.ForMerchant(merchant.Category)); // the payer agreed when the hold was placed
        var outcome = await Resolve(known, captured, async () =>
        {
            await Wallet(authorized.PayerWalletId).ReleaseHold(MovementId);
            return await DebitThenCredit(authorized.PayerWalletId, debit, to);
        }, MovementStatus.Authorized, whenRefused: LetHoldGo(authorized.PayerWalletId));
        await ForgetExpiry();
        return outcome;
    }

    public async Task<AuthorisationReceipt> Void(string merchantId)
    {
        var (known, authorized) = await Authorization(merchantId);
        return authorized.Status == MovementStatus.Authorized ? await LetGo(known, authorized, null) : authorized;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var known = await Known();
        if (known?.Receipt is { Status: MovementStatus.Authorized } authorized && Clock.GetUtcNow() >= authorized.ExpiresAt)
        {
            await LetGo(known, authorized, new Refusal(RefusalCodes.AuthorizationExpired, "The authorisation expired before it was captured."));
        }
        else if (known?.Receipt is not { Status: MovementStatus.Authorized })
        {
            await ForgetExpiry();
        }
    }

    public async Task<AuthorisationReceipt?> Find(string callerId)
        => await Known() is { Receipt: { } receipt } && (receipt.MerchantId == callerId || receipt.PayerId == callerId) ? receipt : null;

    public Task<Refusal?> AddRefund(string merchantId, long amount, string refundId)
        => Record.PerformUpdate(r => r.Refunds.Add(Refundable(r.Receipt, merchantId), amount, refundId));

    public async Task<RefundablePayment?> FindPayment(string merchantId) => Refundable((await Known())?.Receipt, merchantId);

    public async Task<IReadOnlyList<string>?> ListRefunds(string merchantId)
        => await ReadRecord() is { } known && Refundable(known.Receipt, merchantId) is not null ? known.Refunds.Ids : null; // read afresh: refunds are added by other movements' transactions

    protected override Task AfterCommit(AuthorisationReceipt outcome) => MerchantPayments.Announce(GrainFactory, outcome, outcome.MerchantId, Logger);

    /// <summary>A captured authorisation is a payment refunds may give back, up to what was captured.</summary>
    private static RefundablePayment? Refundable(AuthorisationReceipt? authorised, string merchantId)
        => authorised is { Status: MovementStatus.Completed, Captured: { } captured } && authorised.MerchantId == merchantId
            ? new RefundablePayment(authorised.MovementId, authorised.PayerWalletId, authorised.MerchantWalletId, captured, authorised.Currency, authorised.OrderId)
            : null;

    /// <summary>Voids (no reason) or expires the authorisation: the hold goes, the record says so, together.</summary>
    private async Task<AuthorisationReceipt> LetGo(AuthorisationRecord known, AuthorisationReceipt authorized, Refusal? reason)
    {
        var voided = authorized with { Status = MovementStatus.Voided, Refusal = reason };
        var outcome = await Resolve(known, voided, LetHoldGo(authorized.PayerWalletId), MovementStatus.Authorized);
        await ForgetExpiry();
        return outcome;
    }

    private async Task<(AuthorisationRecord Known, AuthorisationReceipt Receipt)> Authorization(string merchantId)
    {
        var known = await Known();
        return known?.Receipt is { } receipt && receipt.MerchantId == merchantId
            ? (known, receipt)
            : throw WalletRefusedException.NotFound("The authorisation");
    }

    private Task ForgetExpiry() => this.ForgetReminder(ExpiryReminder);
}

[GenerateSerializer, Alias("Wallet.AuthorisationRecord")]
public sealed class AuthorisationRecord : MovementRecord<AuthorisationReceipt>, IKeepsRefunds
{
    [Id(0)] public PaymentRefunds Refunds { get; set; } = new();
}

/// <summary>How long an authorisation holds the payer's money before it lets go by itself (<c>Wallet:Holds:ExpireAfter</c>).</summary>
public sealed class HoldOptions
{
    public const string Section = "Wallet:Holds";

    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromDays(7);
}
