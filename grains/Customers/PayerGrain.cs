using System.Globalization;
using System.Security.Cryptography;
using Wallet.Hosting;
using Wallet.Limits;
using Wallet.Merchants;
using Wallet.Promotions;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>
/// The customer at merchants' tills: payment codes they show, the day's count of code payments that decides
/// when a charge needs confirming, the charges waiting for it, and the coupons merchants issued them.
/// </summary>
public sealed class PayerGrain(
    [PersistentState("payer", StorageNames.Wallet)] IPersistentState<PayerState> payer,
    LimitSchedule limits,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IPayerGrain
{
    private const int CouponsKept = 100;

    private string CustomerId => this.GetPrimaryKeyString();

    public async Task<PaymentCode> IssuePaymentCode(string walletId)
    {
        var facts = await GrainFactory.GetGrain<IWalletGrain>(walletId).GetFacts();
        if (facts is null || facts.OwnerId != CustomerId)
        {
            throw WalletRefusedException.NotFound("The wallet");
        }
        if (WalletStatuses.RefusesOutgoing(facts.Status) is { } refusal)
        {
            throw refusal.AsException();
        }
        var digits = "28" + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture)
            + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var code = new PaymentCode(digits, CustomerId, walletId, clock.GetUtcNow() + PaymentCodes.Lifetime);
        await GrainFactory.GetGrain<IPaymentCodeGrain>(digits).Issue(code);
        // Kept while it can be charged, so a report of loss can void it: a code on a stolen phone's screen is cash.
        var state = payer.State;
        state.IssuedCodes.RemoveAll(c => c.ExpiresAt < clock.GetUtcNow());
        state.IssuedCodes.Add(new IssuedCode(digits, code.ExpiresAt));
        await payer.WriteStateAsync();
        return code;
    }

    public async Task<(int Codes, IReadOnlyList<string> Charges)> VoidOutstanding()
    {
        var state = payer.State;
        var now = clock.GetUtcNow();
        var codes = 0;
        foreach (var issued in state.IssuedCodes.Where(c => c.ExpiresAt >= now).ToList())
        {
            codes += await GrainFactory.GetGrain<IPaymentCodeGrain>(issued.Code).Void() ? 1 : 0;
        }
        var charges = state.PendingCharges.Keys.ToList();
        state.IssuedCodes.Clear();
        state.PendingCharges.Clear();
        await payer.WriteStateAsync();
        return (codes, charges);
    }

    public Task<int> CodePaymentsToday()
        => Task.FromResult(payer.State.CodePayments is { } counted && counted.Day == limits.DayOf(clock.GetUtcNow()) ? counted.Count : 0);

    public async Task NoteCodePayment()
    {
        var state = payer.State;
        var today = limits.DayOf(clock.GetUtcNow());
        state.CodePayments = new CodePaymentCount(today, state.CodePayments?.Day == today ? state.CodePayments.Count + 1 : 1);
        await payer.WriteStateAsync();
    }

    public async Task NotePendingCharge(PendingCharge charge)
    {
        payer.State.PendingCharges[charge.PaymentId] = charge;
        await payer.WriteStateAsync();
    }

    public async Task ForgetPendingCharge(string paymentId)
    {
        if (payer.State.PendingCharges.Remove(paymentId))
        {
            await payer.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<PendingCharge>> ListPendingCharges()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<PendingCharge>>([.. payer.State.PendingCharges.Values.Where(c => c.ConfirmBy >= now).OrderByDescending(c => c.ConfirmBy)]);
    }

    public async Task NoteCoupon(string couponId)
    {
        var state = payer.State;
        state.CouponIds.Add(couponId);
        if (state.CouponIds.Count > CouponsKept)
        {
            state.CouponIds.RemoveAt(0);
        }
        await payer.WriteStateAsync();
    }

    public async Task<IReadOnlyList<CouponView>> ListCoupons()
    {
        var coupons = await Task.WhenAll(Enumerable.Reverse(payer.State.CouponIds).Select(id => GrainFactory.GetGrain<ICouponGrain>(id).Read(CustomerId)));
        return [.. coupons.OfType<CouponView>()];
    }
}

[GenerateSerializer, Alias("Wallet.PayerState")]
public sealed class PayerState
{
    /// <summary>Code payments today: past the day's allowance, each further charge waits for the customer's confirmation.</summary>
    [Id(0)] public CodePaymentCount? CodePayments { get; set; }

    /// <summary>Merchants' charges waiting for the customer to confirm, by payment id.</summary>
    [Id(1)] public Dictionary<string, PendingCharge> PendingCharges { get; set; } = [];

    /// <summary>Coupons merchants issued to the customer, oldest first (each coupon's own grain knows whether it is used).</summary>
    [Id(2)] public List<string> CouponIds { get; set; } = [];

    /// <summary>Payment codes issued and not yet known to be expired, so a report of loss can void them.</summary>
    [Id(3)] public List<IssuedCode> IssuedCodes { get; set; } = [];
}

/// <summary>A payment code shown to merchants, and until when it can be charged.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.IssuedCode")]
public sealed record IssuedCode([property: Id(0)] string Code, [property: Id(1)] DateTimeOffset ExpiresAt);

/// <summary>Code payments made on one bank day.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CodePaymentCount")]
public sealed record CodePaymentCount([property: Id(0)] DateOnly Day, [property: Id(1)] int Count);
