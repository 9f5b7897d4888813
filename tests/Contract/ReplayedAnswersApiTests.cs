using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Contract;

/// <summary>
/// Every answer that is the recorded answer of an earlier request says so (<c>Idempotent-Replayed: true</c>),
/// not only money movements: registering, opening a wallet, binding a card, onboarding a merchant, launching
/// a campaign, and a merchant's charge under the same order id. The first answer never says it.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReplayedAnswersApiTests(ApiFixture api)
{
    private const string Replayed = "Idempotent-Replayed";

    [Fact]
    public async Task A_customers_creations_say_when_they_are_replays()
    {
        var phone = TestData.Phone();
        var anonymous = api.CreateClient();
        await AssertReplayMarked(() => Send(anonymous, "/v1/customers", new { phone, password = "correct horse" }, "register-1"), "customerId");

        var alice = await Register(api);
        await AssertReplayMarked(() => alice.Post("/v1/wallets", new { currency = "CNY" }, "wallet-1"), "walletId");
        var holderName = (await Json(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("realName").GetString() ?? "Han Meimei";
        var card = new { cardNumber = TestData.Card(), holderName, phone = alice.Phone };
        await AssertReplayMarked(() => alice.Post("/v1/cards", card, "card-1"), "cardId");
    }

    [Fact]
    public async Task Merchants_creations_say_when_they_are_replays()
    {
        var ops = await Operator.SignIn(api);
        var onboarding = new { name = "Replay Noodles", category = "5812", city = "Shanghai" };
        var key = $"onboard-{Guid.NewGuid():N}";
        await AssertReplayMarked(() => Send(ops, "/v1/merchants", onboarding, key), "merchantId");

        var merchant = await ApiMerchant.Onboard(api);
        var campaign = JsonSerializer.Serialize(new { name = "Replay cashback", kind = "cashback", cashback = 100, budget = 10_000, endsAt = "2099-01-01T00:00:00Z" });
        await AssertReplayMarked(() => merchant.Send(HttpMethod.Post, "/v1/merchant/campaigns", campaign, idempotencyKey: "campaign-1"), "campaignId");

        var payer = await Register(api);
        var wallet = await payer.FundedWallet(1_000);
        var charge = JsonSerializer.Serialize(new { paymentCode = await payer.PaymentCode(wallet), amount = 300, currency = "CNY", orderId = "R-1" });
        await AssertReplayMarked(() => merchant.Send(HttpMethod.Post, "/v1/merchant/charges", charge), "paymentId");
        Assert.Equal(1_000 - 300 + 100, await payer.Balance(wallet)); // charged once, with the campaign's cashback once
    }

    [Fact]
    public async Task The_document_says_which_answers_may_be_replays()
    {
        var document = JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!;
        foreach (var (path, method) in new[]
        {
            ("/v1/customers", "post"), ("/v1/wallets", "post"), ("/v1/cards", "post"), ("/v1/merchants", "post"), ("/v1/merchant/campaigns", "post"),
            ("/v1/merchant/charges", "post"), ("/v1/merchant/authorizations", "post"), ("/v1/transfers", "post"),
        })
        {
            var created = document["paths"]![path]![method]!["responses"]!["201"]!;
            Assert.True(created["headers"]?[Replayed] is not null, $"{method} {path} documents {Replayed}");
        }
        Assert.Null(document["paths"]!["/v1/me"]!["get"]!["responses"]!["200"]!["headers"]?[Replayed]);
    }

    /// <summary>The first request is answered unmarked; the same request again gets the same thing, marked.</summary>
    private static async Task AssertReplayMarked(Func<Task<HttpResponseMessage>> send, string idField)
    {
        var first = await send();
        var firstBody = await Json(first, first.StatusCode is HttpStatusCode.Accepted ? HttpStatusCode.Accepted : HttpStatusCode.Created);
        var again = await send();
        var againBody = await Json(again, first.StatusCode);

        Assert.False(first.Headers.Contains(Replayed), $"the first answer ({idField}) is not a replay");
        Assert.Equal(["true"], again.Headers.GetValues(Replayed));
        Assert.Equal(firstBody.GetProperty(idField).GetString(), againBody.GetProperty(idField).GetString());
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return http.SendAsync(request);
    }
}
