using Wallet.Customers;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Merchants;

/// <summary>Payment codes on the fake bank clock: 60 seconds to be charged, two minutes to confirm, ten unconfirmed a day.</summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class PaymentCodeTimingTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task A_code_is_charged_up_to_its_60th_second_and_refused_after()
    {
        fixture.SetShanghaiTime(2026, 10, 1, 9, 0);
        var (merchant, alice, wallet) = await Setup(10_000);
        var customer = fixture.Grains.GetGrain<IPayerGrain>(alice.Id);
        var onTime = await customer.IssuePaymentCode(wallet);
        var late = await customer.IssuePaymentCode(wallet);

        fixture.Clock.Set(onTime.ExpiresAt);
        Assert.Equal(MovementStatus.Completed, (await Charge(merchant, onTime.Code, 100)).Status);
        fixture.Clock.Set(late.ExpiresAt.AddSeconds(1));
        var refused = await Charge(merchant, late.Code, 100);

        Assert.Equal((MovementStatus.Refused, RefusalCodes.PaymentCodeExpired), (refused.Status, refused.Refusal?.Code));
        Assert.Equal(9_900, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task The_eleventh_code_payment_of_the_day_waits_and_a_confirmation_after_two_minutes_is_refused()
    {
        fixture.SetShanghaiTime(2026, 10, 2, 9, 0);
        var (merchant, alice, wallet) = await Setup(10_000);
        var customer = fixture.Grains.GetGrain<IPayerGrain>(alice.Id);
        for (var i = 0; i < PaymentCodes.UnconfirmedPerDay; i++)
        {
            Assert.Equal(MovementStatus.Completed, (await Charge(merchant, (await customer.IssuePaymentCode(wallet)).Code, 100)).Status);
        }

        var chargeId = $"ch_{Guid.NewGuid():N}";
        var pending = await Charge(merchant, (await customer.IssuePaymentCode(wallet)).Code, 100, chargeId);
        Assert.Equal(MovementStatus.PendingConfirmation, pending.Status);
        fixture.Clock.Set(pending.ConfirmBy!.Value.AddSeconds(1));
        var expired = await fixture.Grains.GetGrain<IChargeGrain>(chargeId).Confirm(alice.Id, PaymentAuthorisation.WithPin(TestData.Pin));

        Assert.Equal((MovementStatus.Refused, RefusalCodes.ConfirmationExpired), (expired.Status, expired.Refusal?.Code));
        fixture.SetShanghaiTime(2026, 10, 3, 9, 0); // a new day: the allowance starts again
        Assert.Equal(MovementStatus.Completed, (await Charge(merchant, (await customer.IssuePaymentCode(wallet)).Code, 100)).Status);
        Assert.Equal(10_000 - 1_100, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet);
    }

    private async Task<(IMerchantGrain Merchant, TestCustomer Alice, string Wallet)> Setup(long funds)
    {
        var (merchant, _) = await _bank.NewMerchant();
        var (alice, wallet) = await _bank.FundedCustomer(funds);
        return (merchant, alice, wallet);
    }

    private Task<PaymentReceipt> Charge(IMerchantGrain merchant, string code, long amount, string? chargeId = null)
        => fixture.Grains.GetGrain<IChargeGrain>(chargeId ?? $"ch_{Guid.NewGuid():N}")
            .Charge(new ChargeOrder(merchant.GetPrimaryKeyString(), $"charge {code}", code, amount, "CNY", $"order-{code}"));
}
