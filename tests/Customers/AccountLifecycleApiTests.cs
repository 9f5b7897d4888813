using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Customers;

/// <summary>Privacy: a customer takes all their data away as JSON, and closing the account erases it while the books still balance.</summary>
[Collection(ApiCollection.Name)]
public sealed class AccountLifecycleApiTests(ApiFixture api)
{
    [Fact]
    public async Task The_export_holds_profile_wallets_with_every_entry_cards_and_sessions_and_no_secret()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var idNumber = TestData.IdNumber();
        await Json(await alice.Post("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.OK);
        var wallet = await alice.FundedWallet(10_000);
        var to = await bob.OpenWallet();
        for (var i = 0; i < 3; i++)
        {
            await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, to, 100 + i), $"t{i}"), HttpStatusCode.Created);
        }

        var response = await alice.Http.GetAsync("/v1/me/export");
        var text = await response.Content.ReadAsStringAsync();
        var export = await Json(response, HttpStatusCode.OK);

        var profile = export.GetProperty("profile");
        Assert.Equal((alice.Phone, "韩梅梅"), (profile.GetProperty("phone").GetString(), profile.GetProperty("realName").GetString()));
        Assert.Equal(1, profile.GetProperty("cards").GetArrayLength());
        var exported = export.GetProperty("wallets")[0];
        Assert.Equal(wallet, exported.GetProperty("wallet").GetProperty("walletId").GetString());
        Assert.Equal(4, exported.GetProperty("entries").GetArrayLength()); // the top-up and three transfers
        Assert.True(export.GetProperty("sessions").GetArrayLength() >= 1);
        foreach (var secret in new[] { "pbkdf2", TestData.Password, TestData.Pin, idNumber })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Closing_the_account_needs_empty_wallets_then_erases_the_customer_and_frees_the_phone()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var wallet = await alice.FundedWallet(1_000);
        var bobs = await bob.OpenWallet();

        await Problem(await alice.Http.DeleteAsync("/v1/me"), HttpStatusCode.Conflict, "wallet_not_empty");
        Assert.Equal("active", (await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobs, 1_000), "empty"), HttpStatusCode.Created);

        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync("/v1/me")).StatusCode);

        await Problem(await alice.Http.GetAsync("/v1/me"), HttpStatusCode.Unauthorized, "unauthorized");
        var http = api.CreateClient();
        await Problem(await http.PostAsJsonAsync("/v1/auth/token", new { phone = alice.Phone, password = TestData.Password }), HttpStatusCode.Unauthorized, "invalid_credentials");
        await Problem(await bob.Post("/v1/transfers", new { fromWalletId = bobs, to = new { phone = alice.Phone }, amount = 1, currency = "CNY", pin = TestData.Pin }, "to-phone"),
            HttpStatusCode.UnprocessableEntity, "recipient_not_found");
        var again = await Json(await http.PostAsJsonAsync("/v1/customers", new { phone = alice.Phone, password = TestData.Password }), HttpStatusCode.Created);
        Assert.NotEqual(alice.Id, again.GetProperty("customerId").GetString());
        Assert.Equal(1_000, await bob.Balance(bobs));
        await Books.AssertBalanced(api, wallet, bobs); // the closed wallet's entries are still in the books
    }

    [Fact]
    public async Task An_identity_number_verifies_one_account_at_a_time()
    {
        var idNumber = TestData.IdNumber();
        var first = await Register(api);
        var second = await Register(api);
        await Json(await first.Post("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.OK);

        await Problem(await second.Post("/v1/me/verification", new { name = "韩梅梅", idNumber = idNumber.ToLowerInvariant() }), HttpStatusCode.Conflict, "id_number_taken");
        Assert.Equal(4, (await Json(await second.Http.GetAsync("/v1/me"), HttpStatusCode.OK)).GetProperty("tier").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await first.Http.DeleteAsync("/v1/me")).StatusCode);
        await Json(await second.Post("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.OK);
    }
}
