using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wallet.Merchants;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Hosting;

/// <summary>
/// Text other people read refuses control, invisible and direction-changing characters with 400
/// invalid_text naming the field, on every route that takes such text; and a merchant named in Chinese
/// gets a QR code other readers can parse.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DisplayTextApiTests(ApiFixture api)
{
    public static TheoryData<string> Disguises => new()
    {
        "Shop\u202Egnp.exe", "Shop\u202A", "Shop\u2066x\u2069", "Sh\u200Bop", "Sh\u200Dop", "Sh\u2060op", "\uFEFFShop", "Shop\u0007", "Sh\nop", "Sh\u00ADop", "Shop\uE000", "Sh\u2028op",
    };

    [Theory]
    [MemberData(nameof(Disguises))]
    public async Task Merchant_names_cities_and_card_holders_refuse_disguising_characters(string text)
    {
        var ops = await Operator.SignIn(api);

        await Refused(await ops.PostAsJsonAsync("/v1/merchants", new { name = text, category = "5411", city = "Shanghai" }), "name");
        await Refused(await ops.PostAsJsonAsync("/v1/merchants", new { name = "Shop", category = "5411", city = text }), "city");
        await Refused(await ops.PostAsJsonAsync("/v1/merchants", new { name = "老王面馆", nameLatin = text, category = "5411", city = "Shanghai" }), "nameLatin");
        await Refused(await ops.PostAsJsonAsync("/v1/merchants",
            new { name = "Shop", category = "5411", city = "Shanghai", settlementCard = new { cardNumber = TestData.Card(), holderName = text } }), "settlementCard.holderName");
    }

    [Fact]
    public async Task Every_route_taking_text_a_person_reads_refuses_a_right_to_left_override()
    {
        const string text = "Refund\u202Eevil";
        var ops = await Operator.SignIn(api);
        var alice = await Register(api);
        var wallet = await alice.OpenWallet();
        var merchant = await ApiMerchant.Onboard(api);

        await Refused(await alice.Post("/v1/transfers", new { fromWalletId = wallet, to = new { walletId = wallet }, amount = 1, currency = "CNY", memo = text, pin = TestData.Pin }, "memo"), "memo");
        await Refused(await alice.Http.PostAsJsonAsync("/v1/cards", new { cardNumber = TestData.Card(), holderName = text, phone = alice.Phone }), "holderName");
        await Refused(await alice.Http.PostAsJsonAsync("/v1/me/verification", new { name = text, idNumber = "440524198001010013" }), "name");
        await Refused(await ops.PutAsJsonAsync($"/v1/ops/wallets/{wallet}/status", new { status = "frozen", reason = text }), "reason");
        await Refused(await ops.PutAsJsonAsync($"/v1/ops/customers/{alice.Id}/tier", new { tier = 1, reason = text }), "reason");
        await Refused(await ops.PostAsJsonAsync($"/v1/ops/risk/movements/{Wallet.Identity.Ids.New("trf")}/reject", new { note = text }), "note");
        await Refused(await merchant.Send(HttpMethod.Put, "/v1/merchant/webhook", JsonSerializer.Serialize(new { url = "https://example.com/\u202Eevil" })), "url");
        await Refused(await merchant.Send(HttpMethod.Post, "/v1/merchant/campaigns", JsonSerializer.Serialize(new
        {
            name = text, kind = "cashback", budget = 1_000, cashback = 100, endsAt = DateTimeOffset.UtcNow.AddDays(1),
        })), "name");
        await Refused(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", JsonSerializer.Serialize(new { amount = 100, currency = "CNY", orderId = text })), "orderId");

        Assert.Equal(0, await alice.Balance(wallet)); // nothing moved
        Assert.Equal("active", (await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_merchant_named_in_chinese_gives_its_latin_name_and_its_qr_code_carries_both()
    {
        var ops = await Operator.SignIn(api);
        var missing = await Problem(await ops.PostAsJsonAsync("/v1/merchants", new { name = "老王面馆", category = "5812", city = "上海" }), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(missing.GetProperty("errors").TryGetProperty("nameLatin", out _), missing.ToString());
        Assert.True(missing.GetProperty("errors").TryGetProperty("cityLatin", out _), missing.ToString());
        await Problem(await ops.PostAsJsonAsync("/v1/merchants", new { name = "老王面馆", nameLatin = "Lao Wáng", category = "5812", city = "Shanghai" }), HttpStatusCode.BadRequest, "validation_failed");

        var created = await Json(await ops.PostAsJsonAsync("/v1/merchants",
            new { name = "老王面馆", nameLatin = "Lao Wang Noodles", category = "5812", city = "上海", cityLatin = "Shanghai" }), HttpStatusCode.Created);
        var merchant = new ApiMerchant(created.GetProperty("merchantId").GetString()!, created.GetProperty("secret").GetString()!,
            created.GetProperty("settlementWalletId").GetString()!, api.CreateClient());
        var code = await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/qr-codes", JsonSerializer.Serialize(new { amount = 1_250, currency = "CNY" })), HttpStatusCode.Created);
        var payload = code.GetProperty("payload").GetString()!;

        Assert.Contains("5916Lao Wang Noodles6008Shanghai", payload, StringComparison.Ordinal);
        Assert.Contains("64200002ZH0104老王面馆0202上海6304", payload, StringComparison.Ordinal);
        Assert.Equal(("老王面馆", "上海", "Lao Wang Noodles", "Shanghai"),
            MerchantQrPayload.Decode(payload) is { } decoded ? (decoded.Name, decoded.City, decoded.NameLatin, decoded.CityLatin) : default);
        await merchant.PaidBy(api, 1_250); // the payer's side reads the payload too
        Assert.Equal(1_250, await merchant.Balance());
        await Books.AssertBalanced(api, merchant.SettlementWalletId);
    }

    private static async Task Refused(HttpResponseMessage response, string field)
    {
        var problem = await Problem(response, HttpStatusCode.BadRequest, "invalid_text");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
    }
}
