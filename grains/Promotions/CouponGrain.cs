using Wallet.Hosting;
using Wallet.Refusals;

namespace Wallet.Promotions;

/// <summary>A coupon: its holder, campaign and expiry, and the payment that used it (once, in that payment's transaction).</summary>
public sealed class CouponGrain(
    [TransactionalState("coupon", StorageNames.Wallet)] ITransactionalState<CouponState> coupon)
    : Grain, ICouponGrain
{
    public Task Issue(CouponView issued) => coupon.PerformUpdate(c => c.Coupon ??= issued);

    public Task<CouponView?> Read(string customerId)
        => coupon.PerformRead(c => c.Coupon?.CustomerId == customerId ? c.Coupon : null);

    public Task<CouponView?> ReadIssued(string merchantId)
        => coupon.PerformRead(c => c.Coupon?.MerchantId == merchantId ? c.Coupon : null);

    public Task<Refusal?> Redeem(string customerId, string paymentId, DateTimeOffset at) => coupon.PerformUpdate(c =>
    {
        if (c.Coupon is not { } held || held.CustomerId != customerId)
        {
            return new Refusal(RefusalCodes.InvalidCoupon, "You hold no such coupon.");
        }
        if (held.UsedBy is not null)
        {
            return new Refusal(RefusalCodes.CouponUsed, "This coupon has been used.");
        }
        if (held.ExpiresAt <= at)
        {
            return new Refusal(RefusalCodes.CouponExpired, "This coupon has expired.");
        }
        c.Coupon = held with { UsedBy = paymentId };
        return (Refusal?)null;
    });
}

[GenerateSerializer, Alias("Wallet.CouponState")]
public sealed class CouponState
{
    [Id(0)] public CouponView? Coupon { get; set; }
}
