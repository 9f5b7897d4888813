using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class HostingApiTests(ApiFixture api)
{
    [Fact]
    public async Task Health_endpoints_say_live_and_ready()
    {
        var http = api.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        var ready = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_route_and_the_reference_page_serves()
    {
        var http = api.CreateClient();

        var document = await Json(await http.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var reference = await http.GetAsync("/scalar");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        foreach (var path in new[]
        {
            "/v1/customers", "/v1/auth/token", "/v1/me", "/v1/me/payment-pin", "/v1/wallets", "/v1/wallets/{id}",
            "/v1/wallets/{id}/transactions", "/v1/wallets/{id}/top-ups", "/v1/wallets/{id}/withdrawals", "/v1/transfers",
            "/v1/transfers/{id}", "/v1/cards", "/v1/cards/{id}", "/v1/cards/{id}/verify", "/v1/ops/ledger/check", "/v1/dev/sms",
        })
        {
            Assert.Contains(path, paths);
        }
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("text/html", reference.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ledger_check_is_for_operators_only()
    {
        var customer = await ApiCustomer.Register(api);

        await Problem(await customer.Http.GetAsync("/v1/ops/ledger/check"), HttpStatusCode.Forbidden, "forbidden");
        var check = await Json(await (await Operator.SignIn(api)).GetAsync("/v1/ops/ledger/check"), HttpStatusCode.OK);
        Assert.True(check.GetProperty("balanced").GetBoolean());
        Assert.All(check.GetProperty("currencies").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("total").GetInt64()));
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_a_sane_one_is_echoed()
    {
        var http = api.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", "abc-123");

        var echoed = await http.SendAsync(request);
        var fresh = await http.GetAsync("/health/live");

        Assert.Equal("abc-123", echoed.Headers.GetValues("X-Correlation-Id").Single());
        Assert.Matches("^[0-9a-f]{32}$", fresh.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task A_refusal_is_logged_with_the_status_the_client_got_and_carries_its_correlation_id()
    {
        var alice = await ApiCustomer.Register(api);
        var wallet = await alice.OpenWallet();
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/transfers")
        {
            Content = JsonContent.Create(alice.TransferBody(wallet, wallet + "x", 100, pin: "000000")),
        };
        request.Headers.Add("Idempotency-Key", "refused-1");
        request.Headers.Add("X-Correlation-Id", "refusal-trace-1");

        var refused = await alice.Http.SendAsync(request);

        await Problem(refused, HttpStatusCode.Forbidden, "invalid_pin");
        Assert.Equal("refusal-trace-1", refused.Headers.GetValues("X-Correlation-Id").Single());
        await Eventually.Until(() => Task.FromResult(api.Logs.Lines.Any(l => l.Contains("\"/v1/transfers\" responded 403", StringComparison.Ordinal) && l.Contains("refusal-trace-1", StringComparison.Ordinal))),
            "the refusal's request logged as 403", TimeSpan.FromSeconds(10),
            () => string.Join(" | ", api.Logs.Lines.Where(l => l.Contains("refusal-trace-1", StringComparison.Ordinal))));
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains("refusal-trace-1", StringComparison.Ordinal) && l.Contains("responded 500", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?phone=not-a-phone")]
    public async Task The_sms_simulator_wants_a_phone_number(string query)
        => await Problem(await api.CreateClient().GetAsync($"/v1/dev/sms{query}"), HttpStatusCode.BadRequest, "validation_failed");

    [Fact]
    public async Task Unknown_routes_are_a_404_problem()
        => await Problem(await api.CreateClient().GetAsync("/v1/nothing-here"), HttpStatusCode.NotFound, "not_found");

    [Theory]
    [InlineData("application/json; charset=x")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/json; charset=\"\"")]
    public async Task A_body_in_a_charset_other_than_utf8_is_a_415_problem_logged_without_a_stack_trace(string contentType)
    {
        var correlation = "charset-" + Guid.NewGuid().ToString("N");
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/customers")
        {
            Content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes($$"""{"phone":"{{TestData.Phone()}}","password":"{{TestData.Password}}"}""")),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.Add("X-Correlation-Id", correlation);

        await Problem(await api.CreateClient().SendAsync(request), HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

        await Eventually.Until(() => Task.FromResult(api.Logs.Lines.Any(l => l.Contains("responded 415", StringComparison.Ordinal) && l.Contains(correlation, StringComparison.Ordinal))),
            "the request logged as 415", TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(api.Logs.Lines, l => l.Contains(correlation, StringComparison.Ordinal)
            && (l.Contains("Unhandled", StringComparison.Ordinal) || l.Contains("   at ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_body_declared_utf8_is_read()
    {
        var content = new StringContent($$"""{"phone":"{{TestData.Phone()}}","password":"{{TestData.Password}}"}""");
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("application/json; charset=UTF-8");

        await Json(await api.CreateClient().PostAsync("/v1/customers", content), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
        => await Problem(await api.CreateClient().PostAsync("/v1/customers", new StringContent("phone=1", System.Text.Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");

    [Fact]
    public async Task A_method_a_route_does_not_take_is_a_405_problem()
    {
        var refused = await api.CreateClient().DeleteAsync("/v1/customers");

        await Problem(refused, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
        Assert.Contains("POST", refused.Content.Headers.Allow);
    }
}
