using System.Net;
using System.Security.Cryptography;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Customers;

/// <summary>Biometric payment over HTTP: register a key, take a challenge, sign its nonce and the payment as a phone keystore does, pay.</summary>
[Collection(ApiCollection.Name)]
public sealed class DevicesApiTests(ApiFixture api)
{
    [Fact]
    public async Task A_transfer_signed_by_a_registered_device_pays_and_the_device_can_be_listed_and_removed()
    {
        var alice = await Register(api);
        var bob = await Register(api);
        var from = await alice.FundedWallet(10_000);
        var to = await bob.OpenWallet();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var device = await Json(await alice.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created);
        var challenge = await Json(await alice.Http.PostAsync("/v1/me/challenges", null), HttpStatusCode.Created);
        var signature = DeviceSigning.Sign(key, challenge.GetProperty("nonce").GetString()!, "transfer", 700, "CNY", to, "signed");
        var body = SignedTransferBody(from, to, 700, challenge.GetProperty("challengeId").GetString()!, signature);

        await Json(await alice.Post("/v1/transfers", body, "signed"), HttpStatusCode.Created);
        await Json(await alice.Post("/v1/transfers", body, "signed"), HttpStatusCode.Created); // a replay of the key returns the outcome
        await Problem(await alice.Post("/v1/transfers", body, "signed-again"), HttpStatusCode.Forbidden, "invalid_challenge");

        var devices = await Json(await alice.Http.GetAsync("/v1/me/devices"), HttpStatusCode.OK);
        Assert.Equal(device.GetProperty("deviceId").GetString(), devices.GetProperty("items")[0].GetProperty("deviceId").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await alice.Http.DeleteAsync($"/v1/me/devices/{device.GetProperty("deviceId").GetString()}")).StatusCode);
        await Problem(await alice.Http.PostAsync("/v1/me/challenges", null), HttpStatusCode.Conflict, "no_device");
        await Problem(await bob.Http.DeleteAsync($"/v1/me/devices/{device.GetProperty("deviceId").GetString()}"), HttpStatusCode.NotFound, "not_found");

        Assert.Equal((9_300L, 700L), (await alice.Balance(from), await bob.Balance(to)));
        await Books.AssertBalanced(api, from, to);
    }

    [Theory]
    [InlineData("""{"publicKey":"bm90IGEga2V5"}""")]
    [InlineData("""{"publicKey":"***"}""")]
    [InlineData("""{}""")]
    public async Task A_device_key_that_is_not_p256_spki_is_a_validation_problem(string body)
    {
        var alice = await Register(api);
        var problem = await Problem(await alice.PostRaw("/v1/me/devices", body), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("publicKey", out _));
    }

    [Theory]
    [InlineData("""{"pin":"246810","deviceSignature":{"challengeId":"chl_x","signature":"AAAA"}}""", "deviceSignature")]
    [InlineData("""{"deviceSignature":{"challengeId":"chl_x","signature":"not base64!"}}""", "deviceSignature.signature")]
    [InlineData("""{"deviceSignature":{"signature":"AAAA"}}""", "deviceSignature.challengeId")]
    [InlineData("""{}""", "pin")]
    public async Task A_transfer_needs_exactly_one_well_formed_authorisation(string authorisation, string field)
    {
        var alice = await Register(api);
        var from = await alice.FundedWallet(1_000);
        var body = "{" + $"\"fromWalletId\":\"{from}\",\"to\":{{\"walletId\":\"{from}x\"}},\"amount\":100,\"currency\":\"CNY\"," + authorisation[1..];
        body = body.Replace(",}", "}", StringComparison.Ordinal);

        var problem = await Problem(await alice.PostRaw("/v1/transfers", body, "bad-auth"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"errors should name {field}: {problem}");
        Assert.Equal(1_000, await alice.Balance(from));
    }
}
