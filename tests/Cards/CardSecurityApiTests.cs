using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Cards;

/// <summary>Binding checks what the bank has on file; no CVV is ever taken; a debit card in the verified name makes tier 2.</summary>
[Collection(ApiCollection.Name)]
public sealed class CardSecurityApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_cvv_is_never_accepted()
    {
        var alice = await Register(api);
        var body = $$"""{"cardNumber":"{{TestData.Card()}}","holderName":"Han Meimei","phone":"{{alice.Phone}}","cvv":"123"}""";

        await Problem(await alice.PostRaw("/v1/cards", body), HttpStatusCode.BadRequest, "unknown_field");
        Assert.Equal(0, (await Json(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("cards").GetArrayLength());
    }

    [Theory]
    [InlineData("0003", "card_phone_mismatch")]
    [InlineData("0004", "card_holder_mismatch")]
    public async Task A_card_whose_bank_has_another_phone_or_holder_on_file_is_not_bound(string ending, string code)
    {
        var alice = await Register(api);

        await Problem(await alice.Post("/v1/cards", new { cardNumber = TestData.CardEndingIn(ending), holderName = "Han Meimei", phone = alice.Phone }),
            HttpStatusCode.UnprocessableEntity, code);

        Assert.Equal(0, (await Json(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("cards").GetArrayLength());
    }

    [Fact]
    public async Task A_debit_card_in_the_verified_name_raises_tier_3_to_2_and_unbinding_it_lowers_it_again()
    {
        var alice = await Register(api);
        await Json(await alice.Post("/v1/me/verification", new { name = "韩梅梅", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
        await Problem(await alice.Post("/v1/cards", new { cardNumber = TestData.Card(), holderName = "Han Meimei", phone = alice.Phone }), // another spelling: not the verified name
            HttpStatusCode.UnprocessableEntity, "card_holder_not_customer");
        var credit = await alice.BindVerifiedCard(TestData.CardEndingIn("0005"), holderName: "韩梅梅");
        Assert.Equal("credit", (await Json(await alice.Http.GetAsync($"/v1/cards/{credit}"), HttpStatusCode.OK)).GetProperty("kind").GetString());
        Assert.Equal(3, (await Me(alice)).GetProperty("tier").GetInt32());

        var debit = await alice.BindVerifiedCard(holderName: "韩梅梅");
        var me = await Me(alice);
        Assert.Equal(2, me.GetProperty("tier").GetInt32());
        Assert.Equal(5_000_000, me.GetProperty("limits").GetProperty("single").GetInt64());
        Assert.Equal("debit card in the verified name", Last(me.GetProperty("tierHistory")).GetProperty("reason").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync($"/v1/cards/{debit}")).StatusCode);
        me = await Me(alice);
        Assert.Equal(3, me.GetProperty("tier").GetInt32());
        var downgrade = Last(me.GetProperty("tierHistory"));
        Assert.Equal((2, 3), (downgrade.GetProperty("fromTier").GetInt32(), downgrade.GetProperty("toTier").GetInt32()));
    }

    private static System.Text.Json.JsonElement Last(System.Text.Json.JsonElement list) => list[list.GetArrayLength() - 1];

    private static async Task<System.Text.Json.JsonElement> Me(ApiCustomer customer) => await Json(await customer.Http.GetAsync("/v1/me"), HttpStatusCode.OK);
}
