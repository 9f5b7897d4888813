using Wallet.Customers;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Merchants;

/// <summary>A dynamic QR code pays until the second it expires, and not after, on the fake bank clock.</summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class QrCodeExpiryTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task A_dynamic_code_pays_at_its_expiry_and_is_refused_one_second_later()
    {
        fixture.SetShanghaiTime(2026, 9, 1, 12, 0);
        var (merchant, _) = await _bank.NewMerchant("Tea House", "5814", "Hangzhou");
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        var onTime = await merchant.IssueQrCode(500, "CNY", "T-1", TimeSpan.FromSeconds(60));
        var late = await merchant.IssueQrCode(700, "CNY", "T-2", TimeSpan.FromSeconds(60));

        fixture.Clock.Set(onTime.Code.ExpiresAt!.Value);
        Assert.Equal(MovementStatus.Completed, (await Pay(alice, wallet, onTime)).Status);
        fixture.Clock.Set(late.Code.ExpiresAt!.Value.AddSeconds(1));
        var refused = await Assert.ThrowsAsync<WalletRefusedException>(() => Pay(alice, wallet, late)); // before anything moves

        Assert.Equal(RefusalCodes.QrCodeExpired, refused.Code);
        Assert.Equal(9_500, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet);
    }

    private Task<PaymentReceipt> Pay(TestCustomer payer, string wallet, IssuedQrCode code)
        => fixture.Grains.GetGrain<IQrPaymentGrain>($"py_{Guid.NewGuid():N}").Pay(new PaymentOrder(
            payer.Id, $"pay {code.Code.QrCodeId}", wallet, code.Code.MerchantId, code.Code.QrCodeId, code.Code.Amount!.Value, "CNY", PaymentAuthorisation.WithPin(TestData.Pin)));
}
