using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Wallet.Banking;
using Wallet.Credentials;
using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Merchants;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Merchants;

/// <summary>
/// A merchant onboarded before settlements had a grain of their own kept its card, reports and payout due in its
/// own state: on its next activation they are handed over, so it settles to the same card and lists every report.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class SettlementHandoverTests(ApiFixture api)
{
    [Fact]
    public async Task A_merchant_onboarded_before_the_settlement_grain_keeps_its_card_and_reports()
    {
        var grains = api.Services.GetRequiredService<IGrainFactory>();
        var (merchantId, secret, walletId) = (Ids.New("mch"), "msk_" + Ids.New("old"), Ids.New("wal"));
        await grains.GetGrain<IWalletGrain>(walletId).Open(merchantId, "CNY", CustomerTiers.InPerson);
        var card = await api.Services.GetRequiredService<ICardIssuingBank>().Enrol(TestData.Card(), "Old Shop", "");
        var earlier = new SettlementReport("st_earlier", 1_000, 3, 997, "CNY", "622202******0001", DateTimeOffset.UtcNow.AddDays(-1), true,
            SettlementStatus.Paid, DateTimeOffset.UtcNow.AddDays(-1));
        var storage = api.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Wallet);
        var merchantGrainId = grains.GetGrain<IMerchantGrain>(merchantId).GetGrainId();
        await storage.WriteStateAsync("merchant", merchantGrainId, new GrainState<MerchantState>(new MerchantState
        {
            Name = "Old Shop",
            Category = "5411",
            City = "Shanghai",
            SettlementWalletId = walletId,
            Currency = "CNY",
            SealedSecret = api.Services.GetRequiredService<SecretVault>().Seal(secret, merchantId),
            OnboardedAt = DateTimeOffset.UtcNow.AddDays(-2),
            SettlementBankToken = card.Token,
            SettlementCardMasked = "622202******0001",
            Settlements = [earlier],
            SavedNonces = [], // as its last activation left them, ended cleanly
        }));
        var merchant = new ApiMerchant(merchantId, secret, walletId, api.CreateClient());

        Assert.Equal(["st_earlier"], (await Settlements(merchant)).Select(s => s.GetProperty("settlementId").GetString()));
        await merchant.PaidBy(api, 5_000);
        var report = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Created);

        Assert.Equal((5_000L, "paid", "622202******0001"),
            (report.GetProperty("gross").GetInt64(), report.GetProperty("status").GetString(), report.GetProperty("cardMasked").GetString()));
        Assert.Equal([report.GetProperty("settlementId").GetString(), "st_earlier"], (await Settlements(merchant)).Select(s => s.GetProperty("settlementId").GetString()));
        var kept = new GrainState<MerchantState>(new MerchantState());
        await storage.ReadStateAsync("merchant", merchantGrainId, kept);
        Assert.Equal((true, 0), (kept.State!.SettlementsOpened, kept.State.Settlements.Count)); // handed over once, not kept twice
        await Operator.AssertBooksBalance(api);
    }

    private static async Task<List<JsonElement>> Settlements(ApiMerchant merchant)
        => [.. (await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/settlements"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];
}
