using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Cards;

/// <summary>A customer binds only their own cards, and one card number is bound to one customer at a time.</summary>
[Collection(ApiCollection.Name)]
public sealed class CardOwnershipApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_verified_customer_cannot_bind_a_card_in_another_name_and_nothing_is_bound_or_topped_up()
    {
        var alice = await Register(api);
        await Verify(alice, "韩梅梅");
        var wallet = await alice.OpenWallet();

        var refused = await alice.Post("/v1/cards", new { cardNumber = TestData.Card(), holderName = "Li Lei", phone = alice.Phone });

        await Problem(refused, HttpStatusCode.UnprocessableEntity, "card_holder_not_customer");
        Assert.Equal(0, (await Me(alice)).GetProperty("cards").GetArrayLength());
        Assert.Equal(0, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task A_latin_verified_name_matches_the_card_whatever_its_case_and_spacing()
    {
        var alice = await Register(api);
        await Verify(alice, "Han Meimei");

        var card = await alice.BindVerifiedCard(holderName: "  HAN\u3000  meimei ");

        Assert.Equal(2, (await Me(alice)).GetProperty("tier").GetInt32()); // a debit card in the verified name
        Assert.Equal("active", (await Json(await alice.Http.GetAsync($"/v1/cards/{card}"), HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Verifying_a_name_other_than_a_bound_cards_holder_is_refused_until_that_card_is_unbound()
    {
        var alice = await Register(api);
        var card = await alice.BindVerifiedCard(holderName: "Li Lei");
        var idNumber = TestData.IdNumber();

        await Problem(await alice.Post("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.UnprocessableEntity, "card_holder_not_customer");
        var me = await Me(alice);
        Assert.Equal(4, me.GetProperty("tier").GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, me.GetProperty("realName").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync($"/v1/cards/{card}")).StatusCode);
        await Json(await alice.Post("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.OK); // the number was not taken by the refusal
        Assert.Equal(3, (await Me(alice)).GetProperty("tier").GetInt32());
    }

    [Fact]
    public async Task A_card_bound_to_one_customer_is_refused_to_another_without_saying_whose_it_is()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var number = TestData.Card();
        await alice.BindVerifiedCard(number);

        var refused = await bob.Post("/v1/cards", new { cardNumber = number, holderName = "Han Meimei", phone = bob.Phone });

        var problem = await Problem(refused, HttpStatusCode.Conflict, "card_bound_elsewhere");
        foreach (var secret in new[] { alice.Id, alice.Phone, number })
        {
            Assert.DoesNotContain(secret, problem.ToString(), StringComparison.Ordinal);
        }
        Assert.Equal(0, (await Me(bob)).GetProperty("cards").GetArrayLength());
    }

    [Fact]
    public async Task A_card_unbound_by_one_customer_can_be_bound_by_another()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var number = TestData.Card();
        var card = await alice.BindVerifiedCard(number);
        await Problem(await bob.Post("/v1/cards", new { cardNumber = number, holderName = "Han Meimei", phone = bob.Phone }), HttpStatusCode.Conflict, "card_bound_elsewhere");

        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync($"/v1/cards/{card}")).StatusCode);
        var bobs = await bob.BindVerifiedCard(number);

        var wallet = await bob.OpenWallet();
        await Json(await bob.Post($"/v1/wallets/{wallet}/top-ups", new { cardId = bobs, amount = 1_000, currency = "CNY" }, "after-unbind"), HttpStatusCode.Created);
        await Problem(await alice.Post("/v1/cards", new { cardNumber = number, holderName = "Han Meimei", phone = alice.Phone }), HttpStatusCode.Conflict, "card_bound_elsewhere");
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task A_closed_account_frees_its_cards_for_another_customer()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var number = TestData.Card();
        await alice.BindVerifiedCard(number);

        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync("/v1/me")).StatusCode);

        await bob.BindVerifiedCard(number);
    }

    [Fact]
    public async Task Customers_binding_the_same_number_at_once_leave_exactly_one_holding_it()
    {
        var customers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Register(api)));
        var number = TestData.Card();

        var answers = await Task.WhenAll(customers.Select(c => c.Post("/v1/cards", new { cardNumber = number, holderName = "Han Meimei", phone = c.Phone })));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await Problem(refused, HttpStatusCode.Conflict, "card_bound_elsewhere");
        }
        var holders = 0;
        foreach (var customer in customers)
        {
            holders += (await Me(customer)).GetProperty("cards").GetArrayLength();
        }
        Assert.Equal(1, holders);
    }

    private static async Task Verify(ApiCustomer customer, string name)
        => await Json(await customer.Post("/v1/me/verification", new { name, idNumber = TestData.IdNumber() }), HttpStatusCode.OK);

    private static async Task<System.Text.Json.JsonElement> Me(ApiCustomer customer) => await Json(await customer.Http.GetAsync("/v1/me"), HttpStatusCode.OK);
}
