using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Care;

/// <summary>
/// On PostgreSQL, a report outlives its host: after a restart the password still signs nobody in, the wallet is still frozen and
/// the report is the same; recovery then unfreezes exactly the wallet the report froze.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class LostReportRestartTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task A_report_and_its_recovery_hold_across_a_restart()
    {
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        (string Phone, string Wallet, string IdNumber, string ReportId) victim;
        await using (var api = ApiFixture.With(settings))
        {
            await api.InitializeAsync();
            var customer = await Register(api);
            var idNumber = TestData.IdNumber();
            await Json(await customer.Http.PostAsJsonAsync("/v1/me/verification", new { name = "韩梅梅", idNumber }), HttpStatusCode.OK);
            var wallet = await customer.FundedWallet(5_000);
            var report = await Json(await customer.Post("/v1/me/lost-report", new { password = TestData.Password }), HttpStatusCode.OK);
            victim = (customer.Phone, wallet, idNumber, report.GetProperty("reportId").GetString()!);
        }

        await using var restarted = ApiFixture.With(settings);
        await restarted.InitializeAsync();
        var http = restarted.CreateClient();
        await Problem(await http.PostAsJsonAsync("/v1/auth/token", new { phone = victim.Phone, password = TestData.Password }), HttpStatusCode.Forbidden, "account_reported_lost");
        var again = await Json(await http.PostAsJsonAsync("/v1/lost-reports", new { phone = victim.Phone, password = TestData.Password }), HttpStatusCode.OK);
        Assert.Equal((victim.ReportId, 1), (again.GetProperty("reportId").GetString(), again.GetProperty("sessionsEnded").GetInt32())); // the same report, as first made

        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/v1/recovery/codes", new { phone = victim.Phone })).StatusCode);
        var code = await LatestSmsCode(http, victim.Phone);
        var recovered = await Json(await http.PostAsJsonAsync("/v1/recovery",
            new { phone = victim.Phone, code, idNumber = victim.IdNumber, newPassword = "after the restart 1", newPin = "135246" }), HttpStatusCode.OK);

        Assert.Equal([victim.Wallet], recovered.GetProperty("walletsUnfrozen").EnumerateArray().Select(w => w.GetString()!));
        var token = await Json(await http.PostAsJsonAsync("/v1/auth/token", new { phone = victim.Phone, password = "after the restart 1" }), HttpStatusCode.OK);
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var view = await Json(await http.GetAsync($"/v1/wallets/{victim.Wallet}"), HttpStatusCode.OK);
        Assert.Equal(("active", 5_000L), (view.GetProperty("status").GetString(), view.GetProperty("balance").GetInt64()));
        await Books.AssertBalanced(restarted, victim.Wallet);
    }
}
