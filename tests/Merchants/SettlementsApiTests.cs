using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Banking;
using Wallet.Merchants;
using Wallet.Simulators;
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
        Assert.Equal(0, await merchant.Balance());
        var listed = await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/settlements"), HttpStatusCode.OK);
        Assert.Equal(report.GetProperty("settlementId").GetString(), listed.GetProperty("items")[0].GetProperty("settlementId").GetString());
        var seenByOperators = await Json(await (await Operator.SignIn(api)).GetAsync($"/v1/ops/merchants/{merchant.Id}/settlements"), HttpStatusCode.OK);
        Assert.Equal(listed.GetProperty("items").ToString(), seenByOperators.GetProperty("items").ToString());
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
    public async Task A_payout_the_bank_did_not_take_is_finished_by_the_retry_and_no_settlement_starts_meanwhile()
    {
        var merchant = await ApiMerchant.Onboard(api, settlementCard: TestData.Card());
        var retry = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IMerchantGrain>(merchant.Id).AsReference<IRemindable>();
        var bank = (SimulatedCardIssuingBank)api.Services.GetRequiredService<ICardIssuingBank>();
        await Paid(merchant, 5_000);
        JsonElement pending;
        bank.PayoutsUnavailable = true;
        try
        {
            pending = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Created);
            await Paid(merchant, 1_000);
            await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Conflict, "payout_pending");
            await retry.ReceiveReminder("payout", default); // the bank still away: still pending
            Assert.Equal("payout_pending", (await Settlements(merchant))[0].GetProperty("status").GetString());
            await Operator.AssertBooksBalance(api); // the net waits in the settlement clearing account
        }
        finally
        {
            bank.PayoutsUnavailable = false;
        }

        await retry.ReceiveReminder("payout", default);

        Assert.Equal(("payout_pending", 5_000L), (pending.GetProperty("status").GetString(), pending.GetProperty("gross").GetInt64()));
        var paid = (await Settlements(merchant)).Single();
        Assert.Equal((pending.GetProperty("settlementId").GetString(), "paid", JsonValueKind.String),
            (paid.GetProperty("settlementId").GetString(), paid.GetProperty("status").GetString(), paid.GetProperty("paidAt").ValueKind));
        var next = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Created);
        Assert.Equal(("paid", 1_000L), (next.GetProperty("status").GetString(), next.GetProperty("gross").GetInt64()));
        await Operator.AssertBooksBalance(api);
    }

    [Fact]
    public async Task A_merchant_without_a_settlement_card_cannot_settle()
    {
        var merchant = await ApiMerchant.Onboard(api);
        await Paid(merchant, 100);

        await Problem(await merchant.Send(HttpMethod.Post, "/v1/merchant/settlements"), HttpStatusCode.Conflict, "no_settlement_card");
        Assert.Equal(100, await merchant.Balance());
    }

    private Task Paid(ApiMerchant merchant, long amount) => merchant.PaidBy(api, amount);

    private static async Task<List<JsonElement>> Settlements(ApiMerchant merchant)
        => [.. (await Json(await merchant.Send(HttpMethod.Get, "/v1/merchant/settlements"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()];
}
