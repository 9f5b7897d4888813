using Wallet.Identity;
using Wallet.Merchants;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Merchants;

/// <summary>A merchant's currency must be one the bank offers (the home currency, or one with a reference rate): its settlement wallet needs limits.</summary>
[Collection(RiskClusterCollection.Name)]
public sealed class MerchantCurrencyTests(RiskClusterFixture fixture)
{
    [Fact]
    public async Task A_merchant_in_a_currency_without_a_reference_rate_is_refused_and_onboarded_nowhere()
    {
        var merchant = fixture.Grains.GetGrain<IMerchantGrain>(Ids.New("mch"));

        var refused = await Assert.ThrowsAsync<WalletRefusedException>(() =>
            merchant.Onboard(new MerchantApplication("Euro Shop", "5411", "Shanghai", Currency: "EUR"), new IdempotentRequest("eur", "test")));

        Assert.Equal(RefusalCodes.CurrencyNotSupported, refused.Code);
        Assert.Null(await merchant.GetFacts());
        var hkd = fixture.Grains.GetGrain<IMerchantGrain>(Ids.New("mch"));
        await hkd.Onboard(new MerchantApplication("HK Shop", "5411", "Shanghai", Currency: "HKD"), new IdempotentRequest("hkd", "test"));
        Assert.Equal("HKD", (await hkd.GetFacts())!.Currency);
    }
}
