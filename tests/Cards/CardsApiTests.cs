using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Cards;

[Collection(ApiCollection.Name)]
public sealed class CardsApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_card_is_bound_after_the_sms_code_is_entered()
    {
        var customer = await ApiCustomer.Register(api);
        var number = TestData.Card();

        var pending = await Json(await customer.Post("/v1/cards", new { cardNumber = number, holderName = "Li Lei", phone = customer.Phone }), HttpStatusCode.Created);
        var cardId = pending.GetProperty("cardId").GetString();
        var wrong = await customer.Http.PostAsJsonAsync($"/v1/cards/{cardId}/verify", new { code = "000000" == await customer.LatestSmsCode() ? "111111" : "000000" });
        var active = await Json(await customer.Http.PostAsJsonAsync($"/v1/cards/{cardId}/verify", new { code = await customer.LatestSmsCode() }), HttpStatusCode.OK);

        Assert.Equal("pending_verification", pending.GetProperty("status").GetString());
        Assert.Equal($"{number[..6]}*********{number[^4..]}", pending.GetProperty("masked").GetString());
        await Problem(wrong, HttpStatusCode.UnprocessableEntity, "invalid_verification_code");
        Assert.Equal("active", active.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("6222021234567890127")]
    [InlineData("6222-0212-3456-7890")]
    [InlineData("123")]
    public async Task A_card_number_that_fails_the_luhn_check_is_refused(string number)
    {
        var customer = await ApiCustomer.Register(api);

        var problem = await Problem(await customer.Post("/v1/cards", new { cardNumber = number, holderName = "Li Lei", phone = customer.Phone }),
            HttpStatusCode.BadRequest, "validation_failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty("cardNumber", out _));
        Assert.DoesNotContain(number, problem.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binding_the_same_card_twice_is_refused()
    {
        var customer = await ApiCustomer.Register(api);
        var number = TestData.Card();
        await customer.BindVerifiedCard(number);

        await Problem(await customer.Post("/v1/cards", new { cardNumber = number, holderName = "Li Lei", phone = customer.Phone }),
            HttpStatusCode.Conflict, "card_already_bound");
    }

    [Fact]
    public async Task An_unbound_card_is_gone_and_cannot_top_up()
    {
        var customer = await ApiCustomer.Register(api);
        var wallet = await customer.OpenWallet();
        var card = await customer.BindVerifiedCard();

        Assert.Equal(HttpStatusCode.NoContent, (await customer.Http.DeleteAsync($"/v1/cards/{card}")).StatusCode);

        await Problem(await customer.Http.GetAsync($"/v1/cards/{card}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await customer.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = 100, currency = "CNY" }, "after-unbind"),
            HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, await customer.Balance(wallet));
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task A_pending_card_cannot_move_money()
    {
        var customer = await ApiCustomer.Register(api);
        var wallet = await customer.OpenWallet();
        var pending = await Json(await customer.Post("/v1/cards", new { cardNumber = TestData.Card(), holderName = "Li Lei", phone = customer.Phone }), HttpStatusCode.Created);

        await Problem(await customer.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = pending.GetProperty("cardId").GetString(), amount = 100, currency = "CNY" }, "pending"),
            HttpStatusCode.Conflict, "card_not_active");
        Assert.Equal(0, await customer.Balance(wallet));
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task Another_customers_card_can_be_neither_seen_verified_unbound_nor_used()
    {
        var owner = await ApiCustomer.Register(api);
        var stranger = await ApiCustomer.Register(api);
        var card = await owner.BindVerifiedCard();
        var strangerWallet = await stranger.OpenWallet();

        await Problem(await stranger.Http.GetAsync($"/v1/cards/{card}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await stranger.Http.PostAsJsonAsync($"/v1/cards/{card}/verify", new { code = "123456" }), HttpStatusCode.NotFound, "not_found");
        await Problem(await stranger.Http.DeleteAsync($"/v1/cards/{card}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await stranger.Post($"/v1/wallets/{strangerWallet}/top-ups", new { cardId = card, amount = 100, currency = "CNY" }, "steal"),
            HttpStatusCode.NotFound, "not_found");
        Assert.Equal(0, await stranger.Balance(strangerWallet));
        await Books.AssertBalanced(api, strangerWallet);
    }

    [Fact]
    public async Task A_declined_card_top_up_is_a_402_and_moves_nothing()
    {
        var customer = await ApiCustomer.Register(api);
        var wallet = await customer.OpenWallet();
        var card = await customer.BindVerifiedCard(TestData.DecliningCard());

        var first = await customer.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = 100, currency = "CNY" }, "declined");
        var replay = await customer.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = card, amount = 100, currency = "CNY" }, "declined");

        await Problem(first, HttpStatusCode.PaymentRequired, "card_declined");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
        Assert.Equal(0, await customer.Balance(wallet));
        await Books.AssertBalanced(api, wallet);
    }
}
