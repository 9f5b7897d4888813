using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Claims;

/// <summary>What the claims tests do through HTTP: a customer's claim on one of their wallet's entries, an operator's decision, the fund.</summary>
public static class ClaimsApi
{
    /// <summary>The entry of <paramref name="walletId"/> that <paramref name="movementId"/> booked, going <paramref name="direction"/>.</summary>
    public static async Task<string> EntryOf(ApiCustomer customer, string walletId, string movementId, string direction = "out")
    {
        var entries = (await Json(await customer.Http.GetAsync($"/v1/wallets/{walletId}/transactions?limit=100"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray();
        return entries.First(e => e.GetProperty("movementId").GetString() == movementId && e.GetProperty("direction").GetString() == direction)
            .GetProperty("entryId").GetString()!;
    }

    public static object Body(string walletId, string entryId, bool pinShared = false, DateTimeOffset? noticedAt = null)
        => new { walletId, entryId, whatHappened = "I did not make this payment; my phone was in my pocket.", noticedAt = (noticedAt ?? DateTimeOffset.UtcNow).ToString("O"), pinShared };

    public static Task<HttpResponseMessage> Open(ApiCustomer customer, string walletId, string entryId, bool pinShared = false, DateTimeOffset? noticedAt = null)
        => customer.Post("/v1/claims", Body(walletId, entryId, pinShared, noticedAt));

    /// <summary>A new customer sends <paramref name="amount"/> to another one and claims it: the claim's id, the wallet and the transfer.</summary>
    public static async Task<(ApiCustomer Customer, string Wallet, string ClaimId, string TransferId)> ClaimedTransfer(ApiFixture api, long amount, bool pinShared = false)
    {
        var alice = await Register(api);
        var wallet = await alice.FundedWallet(amount + 1_000);
        var bob = await Register(api);
        var bobWallet = await bob.OpenWallet();
        var transfer = (await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, bobWallet, amount), Guid.NewGuid().ToString()), HttpStatusCode.Created))
            .GetProperty("transferId").GetString()!;
        var claim = await Json(await Open(alice, wallet, await EntryOf(alice, wallet, transfer), pinShared), HttpStatusCode.Created);
        return (alice, wallet, claim.GetProperty("claimId").GetString()!, transfer);
    }

    public static async Task Deposit(HttpClient op, long amount, string currency = "CNY")
        => await Json(await Send(op, "/v1/ops/security-fund/deposits", new { amount, currency }, Guid.NewGuid().ToString()), HttpStatusCode.Created);

    public static async Task<JsonElement> Fund(HttpClient op, string currency = "CNY")
        => await Json(await op.GetAsync($"/v1/ops/security-fund?currency={currency}"), HttpStatusCode.OK);

    public static Task<HttpResponseMessage> Decide(HttpClient op, string claimId, object decision, string? key = null)
        => Send(op, $"/v1/ops/claims/{claimId}/decision", decision, key);

    public static Task<HttpResponseMessage> Send(HttpClient http, string path, object body, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: JsonSerializerOptions.Web) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return http.SendAsync(request);
    }
}
