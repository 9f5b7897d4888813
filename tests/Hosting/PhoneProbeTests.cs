using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Hosting;

/// <summary>
/// The answers that tell whether a phone banks here are limited per caller, on a host of its own allowing two a
/// day: the third is a 429 that says nothing of the phone, and answers that reveal nothing are not limited.
/// </summary>
public sealed class PhoneProbeTests : IAsyncLifetime
{
    private readonly ApiFixture _api = ApiFixture.With(new Dictionary<string, string?>(TestSettings.Values)
    {
        ["Wallet:RateLimits:PhoneProbes:PermitLimit"] = "2",
    });

    public Task InitializeAsync() => _api.InitializeAsync();

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Registration_tells_a_taken_phone_twice_a_day_then_withholds_it()
    {
        var taken = (await Register(_api)).Phone;
        var http = _api.CreateClient();

        await Problem(await http.PostAsJsonAsync("/v1/customers", new { phone = taken, password = TestData.Password }), HttpStatusCode.Conflict, "phone_taken");
        await Problem(await http.PostAsJsonAsync("/v1/customers", new { phone = taken, password = TestData.Password }), HttpStatusCode.Conflict, "phone_taken");
        var withheld = await http.PostAsJsonAsync("/v1/customers", new { phone = taken, password = TestData.Password });
        var fresh = await http.PostAsJsonAsync("/v1/customers", new { phone = TestData.Phone(), password = TestData.Password });

        var problem = await Problem(withheld, HttpStatusCode.TooManyRequests, "too_many_requests");
        Assert.DoesNotContain("phone", problem.GetProperty("detail").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.True(withheld.Headers.RetryAfter?.Delta > TimeSpan.Zero, "a withheld answer says when to try again");
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode); // registering a new phone reveals nothing and is not held back
    }

    [Fact]
    public async Task A_customer_is_told_twice_a_day_that_a_phone_has_no_account_and_nothing_moves()
    {
        var alice = await Register(_api);
        var bob = await Register(_api);
        var from = await alice.FundedWallet(1_000);
        var to = await bob.OpenWallet();
        object ToPhone(string phone) => new { fromWalletId = from, to = new { phone }, amount = 10, currency = "CNY", pin = TestData.Pin };

        await Problem(await alice.Post("/v1/transfers", ToPhone(TestData.Phone()), "probe-1"), HttpStatusCode.UnprocessableEntity, "recipient_not_found");
        await Problem(await alice.Post("/v1/transfers", ToPhone(TestData.Phone()), "probe-2"), HttpStatusCode.UnprocessableEntity, "recipient_not_found");
        await Problem(await alice.Post("/v1/transfers", ToPhone(TestData.Phone()), "probe-3"), HttpStatusCode.TooManyRequests, "too_many_requests");
        await Json(await alice.Post("/v1/transfers", ToPhone(bob.Phone), "to-bob"), HttpStatusCode.Created);
        await Problem(await bob.Post("/v1/transfers", new { fromWalletId = to, to = new { phone = TestData.Phone() }, amount = 1, currency = "CNY", pin = TestData.Pin }, "bobs-own"),
            HttpStatusCode.UnprocessableEntity, "recipient_not_found"); // Bob's budget is his own

        Assert.Equal((990L, 10L), (await alice.Balance(from), await bob.Balance(to)));
        await Books.AssertBalanced(_api, from, to);
    }

    [Fact]
    public async Task A_merchant_issuing_coupons_learns_of_two_unknown_phones_a_day()
    {
        var merchant = await ApiMerchant.Onboard(_api);
        var alice = await Register(_api);
        var campaign = (await Json(await merchant.Send(HttpMethod.Post, "/v1/merchant/campaigns", JsonSerializer.Serialize(new
        {
            name = "Members", kind = "discount", percentOff = 10, couponOnly = true, budget = 10_000, endsAt = DateTimeOffset.UtcNow.AddDays(7),
        })), HttpStatusCode.Created)).GetProperty("campaignId").GetString();
        Task<HttpResponseMessage> Issue(string phone) => merchant.Send(HttpMethod.Post, $"/v1/merchant/campaigns/{campaign}/coupons", JsonSerializer.Serialize(new { phone }));

        await Problem(await Issue(TestData.Phone()), HttpStatusCode.NotFound, "not_found");
        await Problem(await Issue(TestData.Phone()), HttpStatusCode.NotFound, "not_found");
        await Problem(await Issue(TestData.Phone()), HttpStatusCode.TooManyRequests, "too_many_requests");
        await Json(await Issue(alice.Phone), HttpStatusCode.Created);
    }
}
