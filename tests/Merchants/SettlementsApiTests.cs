using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Merchants;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Merchants;

/// <summary>Settlement sweeps the merchant's wallet to its bank card less the fee, on demand and on the reminder's tick, and the books still sum to zero.</summary>
[Collection(ApiCollection.Name)]
public sealed class SettlementsApiTests(ApiFixture api)
{
    [Fact]
    public async Task Settling_pays_the_balance_less_0_38_percent_and_reports_it()
    {
        var merchant = await ApiMerchant.Onboard(api, settlementCard: TestData.Card());
        await Paid(merchant, 10_000);

        var report = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Created);
        await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Conflict, "nothing_to_settle");

        Assert.Equal((10_000L, 38L, 9_962L, false), (report.GetProperty("gross").GetInt64(), report.GetProperty("fee").GetInt64(),
            report.GetProperty("net").GetInt64(), report.GetProperty("scheduled").GetBoolean()));
        Assert.Matches(@"^\d{6}\*+\d{4}$", report.GetProperty("cardMasked").GetString());
        Assert.Equal(0, (await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/me"), HttpStatusCode.OK)).GetProperty("balance").GetInt64());
        var listed = await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/settlements"), HttpStatusCode.OK);
        Assert.Equal(report.GetProperty("settlementId").GetString(), listed.GetProperty("items")[0].GetProperty("settlementId").GetString());
        await Operator.AssertBooksBalance(api);
    }

    [Fact]
    public async Task The_scheduled_tick_settles_what_arrived_since_and_does_nothing_on_an_empty_wallet()
    {
        var merchant = await ApiMerchant.Onboard(api, settlementCard: TestData.Card());
        var reminders = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IMerchantGrain>(merchant.Id).AsReference<IRemindable>();
        await reminders.ReceiveReminder("settle", default); // nothing yet: no settlement
        await Paid(merchant, 2_500);

        await reminders.ReceiveReminder("settle", default);

        var listed = (await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/settlements"), HttpStatusCode.OK)).GetProperty("items");
        Assert.Equal(1, listed.GetArrayLength());
        Assert.Equal((2_500L, 9L, true), (listed[0].GetProperty("gross").GetInt64(), listed[0].GetProperty("fee").GetInt64(), listed[0].GetProperty("scheduled").GetBoolean()));
        await Operator.AssertBooksBalance(api);
    }

    [Fact]
    public async Task A_merchant_without_a_settlement_card_cannot_settle()
    {
        var merchant = await ApiMerchant.Onboard(api);
        await Paid(merchant, 100);

        await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Conflict, "no_settlement_card");
        Assert.Equal(100, (await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/me"), HttpStatusCode.OK)).GetProperty("balance").GetInt64());
    }

    private async Task Paid(ApiMerchant merchant, long amount)
    {
        var payer = await Register(api);
        var wallet = await payer.FundedWallet(amount);
        var code = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", $$"""{"amount":{{amount}},"currency":"CNY"}"""), HttpStatusCode.Created);
        await Json(await payer.Post("/v1/payments", new { qrPayload = code.GetProperty("payload").GetString(), fromWalletId = wallet, pin = TestData.Pin }, "pay"), HttpStatusCode.Created);
    }
}
