using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Products;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Products;

/// <summary>
/// On PostgreSQL, holdings outlive their host: a deposit and a fund bought through HTTP, part of the fund redeemed; after a
/// restart on the deposit's maturity day its reminder's tick and a follow-up at once pay it back once, the fund has recorded
/// each day it held money once, and the redemption replayed answers as before and pays nothing more.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class ProductRestartApiTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Maturity_and_redemption_pay_once_across_a_restart()
    {
        var clock = new SettableClock(new DateTimeOffset(2027, 3, 1, 10, 0, 0, TimeSpan.FromHours(8)));
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        (string Id, string Phone) investor;
        string wallet, deposit, fundHolding, redemption;
        await using (var api = ApiFixture.OnBankClock(clock, settings))
        {
            await api.InitializeAsync();
            var ops = await Operator.SignIn(api);
            var depositProduct = await ProductApi.Published(ops, new { name = "3 个月定期", kind = "term_deposit", riskLevel = 1, annualRateBasisPoints = 165, demandRateBasisPoints = 35, termMonths = 3 });
            var fundProduct = await ProductApi.Published(ops, ProductApi.FundBody());
            var (customer, w) = await ProductApi.Investor(api, 1_000_000);
            wallet = w;
            deposit = (await Json(await customer.Post($"/v1/products/{depositProduct}/purchases", new { walletId = wallet, amount = 500_000, pin = TestData.Pin }, "deposit"),
                HttpStatusCode.Created)).GetProperty("holdingId").GetString()!;
            fundHolding = (await Json(await customer.Post($"/v1/products/{fundProduct}/purchases", new { walletId = wallet, amount = 300_000, pin = TestData.Pin }, "fund"),
                HttpStatusCode.Created)).GetProperty("holdingId").GetString()!;
            redemption = (await Json(await customer.Post($"/v1/holdings/{fundHolding}/redemptions", new { amount = 100_000 }, "part"), HttpStatusCode.Created))
                .GetProperty("redemptionId").GetString()!;
            Assert.Equal(1_000_000 - 500_000 - 300_000 + 100_000, await customer.Balance(wallet));
            investor = (customer.Id, customer.Phone);
        }

        clock.Set(new DateTimeOffset(2027, 6, 1, 0, 10, 0, TimeSpan.FromHours(8))); // the deposit's maturity: March 1 to May 31 earned, 92 days
        await using var restarted = ApiFixture.OnBankClock(clock, settings);
        await restarted.InitializeAsync();
        // Three months on, the access token has lapsed: the customer signs in again.
        var http = restarted.CreateClient();
        var token = await Json(await http.PostAsJsonAsync("/v1/auth/token", new { phone = investor.Phone, password = TestData.Password }), HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var again = new ApiCustomer(investor.Id, investor.Phone, http);
        var grains = restarted.Services.GetRequiredService<IGrainFactory>();
        var depositGrain = grains.GetGrain<IHoldingGrain>(deposit);

        await Task.WhenAll(depositGrain.AsReference<IRemindable>().ReceiveReminder("holding-follow-up", default), depositGrain.FollowUp()); // the durable reminder's tick, and another

        var interest = (long)Math.Ceiling(500_000m * 165 * 92 / 3_650_000m);
        var matured = await Json(await again.Http.GetAsync($"/v1/holdings/{deposit}"), HttpStatusCode.OK);
        Assert.Equal(("matured", 500_000 + interest, interest), (matured.GetProperty("status").GetString(), matured.GetProperty("paidOut").GetInt64(),
            matured.GetProperty("accruedYield").GetInt64()));
        var replayed = await again.Post($"/v1/holdings/{fundHolding}/redemptions", new { amount = 100_000 }, "part");
        Assert.Equal(redemption, (await Json(replayed, HttpStatusCode.Created)).GetProperty("redemptionId").GetString());
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(1_000_000 - 300_000 + 100_000 + interest, await again.Balance(wallet));

        await grains.GetGrain<IHoldingGrain>(fundHolding).FollowUp();
        var fund = await Json(await again.Http.GetAsync($"/v1/holdings/{fundHolding}"), HttpStatusCode.OK);
        var compounded = (long)Math.Ceiling(200_000 * Math.Pow(1 + 250 / 3_650_000.0, 92)); // ¥2,000 left in it from the first day
        Assert.Equal((compounded, "2027-05-31"), (fund.GetProperty("value").GetInt64(), fund.GetProperty("accruedThrough").GetString()));
        await Books.AssertBalanced(restarted, wallet);
        await Operator.AssertBooksBalance(restarted);
    }
}
