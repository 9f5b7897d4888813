using System.Net;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Movements;

/// <summary>Every malformed transfer gets a 4xx problem with its code, and no balance anywhere changes.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputApiTests(ApiFixture api)
{
    public static TheoryData<string, int, string> BadTransfers => new()
    {
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":-5,"currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":0,"currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":12.5,"currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":"100","currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":99999999999999999999,"currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":10000000000001,"currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":100,"currency":"XXX","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":100,"currency":"CNY"}""", 400, "validation_failed" },
        { """{"to":{"walletId":"{to}"},"amount":100,"currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","amount":100,"currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}","phone":"+8613800138000"},"amount":100,"currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","to":{"walletId":""},"amount":100,"currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","to":{"walletId":"   "},"amount":100,"currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":" ","to":{"walletId":"{to}"},"amount":100,"currency":"CNY","pin":"246810"}""", 400, "validation_failed" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":100,"currency":"CNY","pin":"246810","fee":0}""", 400, "unknown_field" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":100,""", 400, "malformed_json" },
        { """not json at all""", 400, "malformed_json" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":100,"currency":"CNY","pin":"000000"}""", 403, "invalid_pin" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":100,"currency":"USD","pin":"246810"}""", 422, "currency_mismatch" },
        { """{"fromWalletId":"{from}","to":{"walletId":"wal_nobody"},"amount":100,"currency":"CNY","pin":"246810"}""", 404, "not_found" },
        { """{"fromWalletId":"{from}","to":{"walletId":"{to}"},"amount":5001,"currency":"CNY","pin":"246810"}""", 422, "insufficient_funds" },
    };

    [Theory]
    [MemberData(nameof(BadTransfers))]
    public async Task A_bad_transfer_is_a_problem_and_moves_nothing(string template, int status, string code)
    {
        var (alice, bob, from, to) = await TwoWallets();

        var response = await alice.PostRaw("/v1/transfers", template.Replace("{from}", from).Replace("{to}", to), Guid.NewGuid().ToString());

        await Problem(response, (HttpStatusCode)status, code);
        await AssertNothingMoved(alice, bob, from, to);
        await Books.AssertBalanced(api, from, to);
    }

    [Fact]
    public async Task A_body_over_64_KiB_is_a_413()
    {
        var (alice, bob, from, to) = await TwoWallets();
        var memo = new string('x', 70 * 1024);

        var response = await alice.Post("/v1/transfers", new { fromWalletId = from, to = new { walletId = to }, amount = 100, currency = "CNY", memo, pin = TestData.Pin }, "big");

        await Problem(response, HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        await AssertNothingMoved(alice, bob, from, to);
        await Books.AssertBalanced(api, from, to);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task A_transfer_without_an_idempotency_key_is_refused(string? key)
    {
        var (alice, bob, from, to) = await TwoWallets();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/transfers")
        {
            Content = new StringContent(JsonSerializer.Serialize(alice.TransferBody(from, to, 100), JsonSerializerOptions.Web), null, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        }

        var problem = await Json(await alice.Http.SendAsync(request), HttpStatusCode.BadRequest);

        Assert.StartsWith("idempotency_key", problem.GetProperty("code").GetString());
        await AssertNothingMoved(alice, bob, from, to);
        await Books.AssertBalanced(api, from, to);
    }

    [Fact]
    public async Task An_idempotency_key_over_255_characters_is_refused()
    {
        var (alice, bob, from, to) = await TwoWallets();

        await Problem(await alice.Post("/v1/transfers", alice.TransferBody(from, to, 100), new string('k', 256)), HttpStatusCode.BadRequest, "validation_failed");
        await AssertNothingMoved(alice, bob, from, to);
        await Books.AssertBalanced(api, from, to);
    }

    [Theory]
    [InlineData("""{"cardId":"{card}","amount":-1,"currency":"CNY"}""", "validation_failed")]
    [InlineData("""{"cardId":"{card}","amount":1.5,"currency":"CNY"}""", "validation_failed")]
    [InlineData("""{"amount":100,"currency":"CNY"}""", "validation_failed")]
    [InlineData("""{"cardId":" ","amount":100,"currency":"CNY"}""", "validation_failed")]
    [InlineData("""{"cardId":"{card}","amount":100,"currency":"CNY","cvv":"123"}""", "unknown_field")]
    public async Task A_bad_top_up_is_a_problem_and_moves_nothing(string template, string code)
    {
        var alice = await ApiCustomer.Register(api);
        var wallet = await alice.OpenWallet();
        var card = await alice.BindVerifiedCard();

        await Problem(await alice.PostRaw($"/v1/wallets/{wallet}/top-ups", template.Replace("{card}", card), Guid.NewGuid().ToString()), HttpStatusCode.BadRequest, code);
        Assert.Equal(0, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet);
    }

    private async Task<(ApiCustomer, ApiCustomer, string, string)> TwoWallets()
    {
        var alice = await ApiCustomer.Register(api);
        var bob = await ApiCustomer.Register(api);
        return (alice, bob, await alice.FundedWallet(5_000), await bob.OpenWallet());
    }

    private static async Task AssertNothingMoved(ApiCustomer alice, ApiCustomer bob, string from, string to)
    {
        Assert.Equal(5_000, await alice.Balance(from));
        Assert.Equal(0, await bob.Balance(to));
    }
}
