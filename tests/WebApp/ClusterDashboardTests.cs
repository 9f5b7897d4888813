using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.WebApp;

/// <summary>The Orleans dashboard behind the operator role: its pages and figures for operators, nothing for anyone else.</summary>
[Collection(ApiCollection.Name)]
public sealed class ClusterDashboardTests(ApiFixture api)
{
    [Fact]
    public async Task Operators_see_the_cluster_and_nobody_else_does()
    {
        var customer = await Register(api);
        var operators = await Operator.SignIn(api);

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().GetAsync("/dashboard/")).StatusCode);
        await Problem(await customer.Http.GetAsync("/dashboard/"), HttpStatusCode.Forbidden, "forbidden");
        await Problem(await customer.Http.GetAsync("/dashboard/DashboardCounters"), HttpStatusCode.Forbidden, "forbidden");

        var page = await operators.GetAsync("/dashboard/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        // The dashboard gathers its figures every second: the first answer may come before the first gathering.
        await Eventually.Until(async () => (await Json(await operators.GetAsync("/dashboard/DashboardCounters"), HttpStatusCode.OK))
            .GetProperty("totalActiveHostCount").GetInt32() >= 1, "the embedded silo counted as a host");
    }

    [Fact]
    public async Task Not_even_an_operator_reads_a_grains_raw_state_or_the_log_stream_there()
    {
        var customer = await Register(api);
        var operators = await Operator.SignIn(api);

        await Problem(await operators.GetAsync($"/dashboard/GrainState?grainId={customer.Id}&grainType=Wallet.Customers.CustomerAccessGrain"),
            HttpStatusCode.NotFound, "not_found");
        Assert.Equal(HttpStatusCode.Forbidden, (await operators.GetAsync("/dashboard/Trace")).StatusCode);
    }
}
