using Wallet.Promotions;

namespace Wallet.Customers;

/// <summary>The coupons merchants issued to the customer, listed for the customer's app.</summary>
public sealed partial class CustomerGrain
{
    private const int CouponsKept = 100;

    public async Task NoteCoupon(string couponId)
    {
        var state = State;
        state.CouponIds.Add(couponId);
        if (state.CouponIds.Count > CouponsKept)
        {
            state.CouponIds.RemoveAt(0);
        }
        await customer.WriteStateAsync();
    }

    public async Task<IReadOnlyList<CouponView>> ListCoupons()
    {
        var customerId = this.GetPrimaryKeyString();
        var coupons = await Task.WhenAll(Enumerable.Reverse(State.CouponIds).Select(id => GrainFactory.GetGrain<ICouponGrain>(id).Read(customerId)));
        return [.. coupons.OfType<CouponView>()];
    }
}
