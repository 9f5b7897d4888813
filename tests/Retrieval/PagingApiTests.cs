using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Retrieval;

/// <summary>
/// Every paged list reads <c>limit</c> and <c>cursor</c> the same way: a size outside 1 to 100 or a cursor that no
/// list of ours gave is 400 <c>validation_failed</c> naming the field, and a bad page beside another bad field is
/// one problem naming both.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PagingApiTests(ApiFixture api)
{
    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=bm9wZQ", "cursor")]
    [InlineData("cursor=%25%25", "cursor")]
    public async Task Every_paged_list_answers_a_bad_page_with_the_same_validation_problem(string query, string field)
    {
        var customer = await ApiCustomer.Register(api);
        var wallet = await customer.OpenWallet();
        var merchant = await ApiMerchant.Onboard(api);
        var ops = await Operator.SignIn(api);

        var answers = new[]
        {
            await customer.Http.GetAsync($"/v1/wallets/{wallet}/transactions?{query}"),
            await customer.Http.GetAsync($"/v1/me/notifications?{query}"),
            await merchant.Send(HttpMethod.Get, $"/v1/merchant/payments?{query}"),
            await ops.GetAsync($"/v1/ops/merchants?{query}"),
            await ops.GetAsync($"/v1/ops/risk/alerts?{query}"),
        };

        foreach (var answer in answers)
        {
            var problem = await Problem(answer, HttpStatusCode.BadRequest, "validation_failed");
            Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
    }

    [Fact]
    public async Task A_bad_page_beside_another_bad_field_is_one_problem_naming_both()
    {
        var customer = await ApiCustomer.Register(api);
        var wallet = await customer.OpenWallet();
        var ops = await Operator.SignIn(api);

        var statement = await Problem(await customer.Http.GetAsync($"/v1/wallets/{wallet}/transactions?limit=0&kind=gift"), HttpStatusCode.BadRequest, "validation_failed");
        var alerts = await Problem(await ops.GetAsync("/v1/ops/risk/alerts?status=closed&cursor=bm9wZQ"), HttpStatusCode.BadRequest, "validation_failed");

        Assert.Equal(["limit", "kind"], statement.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal(["status", "cursor"], alerts.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }
}
