using Wallet.Merchants;
using Wallet.Money;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// Merchants' authorisations (a hotel's deposit, a fuel pump): the payer's money is held, then captured
/// in whole or part, voided, or let go by a reminder once it expires — each a transaction that moves
/// the hold and the record together.
/// </summary>
public sealed partial class MovementGrain : IRemindable
{
    private const string ExpiryReminder = "authorization-expiry";

    public async Task<MovementReceipt> Authorize(AuthorizationOrder order)
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
        var now = clock.GetUtcNow();
        var receipt = NewReceipt(MovementKind.Payment, code.WalletId, merchant.SettlementWalletId, null, order.Amount, order.Currency, order.OrderId)
            with { Status = MovementStatus.Authorized, MerchantId = order.MerchantId, OrderId = order.OrderId, PayerId = code.CustomerId, ExpiresAt = now + holds.Value.ExpireAfter };
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

    public async Task<MovementReceipt> Capture(string merchantId, long amount)
    {
        var (known, authorized) = await Authorization(merchantId);
        if (authorized.Status != MovementStatus.Authorized)
        {
            return authorized;
        }
        if (clock.GetUtcNow() > authorized.ExpiresAt)
        {
            return await LetGo(known, authorized, new Refusal(RefusalCodes.AuthorizationExpired, "The authorisation expired before it was captured."));
        }
        if (!Amounts.IsValidMovement(amount) || amount > authorized.Amount)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"Capture 1 to {authorized.Amount} minor units: no more than was authorised.");
        }
        var merchant = await GrainFactory.GetGrain<IMerchantGrain>(merchantId).GetFacts() ?? throw WalletRefusedException.NotFound("The merchant");
        var to = await Wallet(authorized.ToWalletId!).GetFactsToCredit() ?? throw WalletRefusedException.NotFound("The merchant's wallet");
        var captured = authorized with { Status = MovementStatus.Completed, Captured = amount };
        var debit = new Ledger.Posting(MovementId, MovementKind.Payment, authorized.PayerId!, amount, authorized.Currency, to.WalletId, $"{merchant.Name} {authorized.OrderId}",
            PayerAuthorised: true); // the payer agreed when the hold was placed
        var outcome = await Commit(known.CustomerId!, known.Fingerprint!, captured, async () =>
        {
            await Wallet(authorized.FromWalletId!).ReleaseHold(MovementId);
            return await DebitThenCredit(authorized.FromWalletId!, debit, to);
        }, resolves: MovementStatus.Authorized, whenRefused: ReleaseHold(authorized));
        await ForgetExpiry();
        return outcome;
    }

    public async Task<MovementReceipt> Void(string merchantId)
    {
        var (known, authorized) = await Authorization(merchantId);
        return authorized.Status == MovementStatus.Authorized ? await LetGo(known, authorized, null) : authorized;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var known = _settled ?? await ReadRecord();
        if (known?.Receipt is { Status: MovementStatus.Authorized } authorized && clock.GetUtcNow() >= authorized.ExpiresAt)
        {
            await LetGo(known, authorized, new Refusal(RefusalCodes.AuthorizationExpired, "The authorisation expired before it was captured."));
        }
        else if (known?.Receipt is not { Status: MovementStatus.Authorized })
        {
            await ForgetExpiry();
        }
    }

    /// <summary>Voids (no reason) or expires the authorisation: the hold goes, the record says so, together.</summary>
    private async Task<MovementReceipt> LetGo(MovementRecord known, MovementReceipt authorized, Refusal? reason)
    {
        var voided = authorized with { Status = MovementStatus.Voided, RefusalCode = reason?.Code, RefusalDetail = reason?.Detail };
        var outcome = await Commit(known.CustomerId!, known.Fingerprint!, voided, ReleaseHold(authorized), resolves: MovementStatus.Authorized);
        await ForgetExpiry();
        return outcome;
    }

    private Func<Task<Refusal?>> ReleaseHold(MovementReceipt authorized) => async () =>
    {
        await Wallet(authorized.FromWalletId!).ReleaseHold(MovementId);
        return null;
    };

    private async Task<(MovementRecord Known, MovementReceipt Receipt)> Authorization(string merchantId)
    {
        var known = _settled ?? await ReadRecord();
        return known?.Receipt is { MerchantId: var owner, ExpiresAt: not null } receipt && owner == merchantId
            ? (known, receipt)
            : throw WalletRefusedException.NotFound("The authorisation");
    }

    private async Task ForgetExpiry()
    {
        if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}

/// <summary>How long an authorisation holds the payer's money before it lets go by itself (<c>Wallet:Holds:ExpireAfter</c>).</summary>
public sealed class HoldOptions
{
    public const string Section = "Wallet:Holds";

    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromDays(7);
}
