using System.Net;
using Wallet.ClientApi.Http;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Contract;

/// <summary>
/// docs/openapi.json lists, for each operation, the codes that operation can answer with and no others: those its
/// route's shape brings and the refusals the route declares. An app developer reads what one call can refuse.
/// </summary>
public sealed class OperationCodesTests
{
    [Fact]
    public void Reading_ones_profile_lists_only_signing_in_and_the_cluster_not_answering()
    {
        var listed = ContractCodes.Listed("GET", "/v1/me");

        Assert.Equal([401, 503], listed.Keys.Order());
        Assert.Equal(["unauthorized"], listed[401]);
        Assert.Equal(["storage_unavailable", "temporarily_unavailable"], listed[503].Order(StringComparer.Ordinal));
        Assert.DoesNotContain(listed.Values, codes => codes.Contains("refund_exceeds_payment") || codes.Contains("phone_taken"));
    }

    [Fact]
    public void A_transfer_lists_the_refusals_of_moving_money_under_their_statuses()
    {
        var listed = ContractCodes.Listed("POST", "/v1/transfers");

        Assert.Contains("insufficient_funds", listed[422]);
        Assert.Contains("limit_exceeded", listed[422]);
        Assert.Contains("invalid_pin", listed[403]);
        Assert.Contains("pin_locked", listed[423]);
        Assert.Contains("idempotency_key_required", listed[400]);
        Assert.Contains("movement_in_doubt", listed[503]);
        Assert.DoesNotContain("refund_exceeds_payment", listed[422]);
        Assert.False(listed.ContainsKey(402), "a transfer touches no card, so no card is declined");
    }

    [Fact]
    public void Only_merchant_routes_list_the_merchant_signature_refusals_and_only_operator_routes_forbidden()
    {
        var charge = ContractCodes.Listed("POST", "/v1/merchant/charges");
        var transfer = ContractCodes.Listed("POST", "/v1/transfers");
        var ledger = ContractCodes.Listed("GET", "/v1/ops/ledger/check");

        Assert.Superset(new HashSet<string> { "unauthorized", "unknown_merchant", "malformed_signature", "stale_timestamp", "reused_nonce", "bad_signature" }, charge[401]);
        Assert.Equal(["unauthorized"], transfer[401]);
        Assert.Equal(["forbidden"], ledger[403]);
        Assert.DoesNotContain("forbidden", transfer.GetValueOrDefault(403) ?? []);
    }

    [Fact]
    public void Every_listed_code_is_under_the_status_it_is_answered_with()
    {
        foreach (var (method, template) in ContractCodes.Operations)
        {
            foreach (var (status, codes) in ContractCodes.Listed(method, template))
            {
                Assert.True(codes.Count > 0, $"{method} {template} lists {status} without a code");
                Assert.All(codes, code => Assert.True(Problems.StatusFor(code) == status, $"{method} {template} lists {code} under {status}, but it is answered with {Problems.StatusFor(code)}"));
            }
        }
    }

    [Fact]
    public void A_refusal_the_operation_does_not_list_fails_the_check_and_a_request_no_route_takes_is_not_checked()
    {
        using var me = new HttpResponseMessage(HttpStatusCode.UnprocessableEntity) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, "http://localhost/v1/me") };
        using var nowhere = new HttpResponseMessage(HttpStatusCode.NotFound) { RequestMessage = new HttpRequestMessage(HttpMethod.Get, "http://localhost/v1/nowhere") };
        using var wrongMethod = new HttpResponseMessage(HttpStatusCode.MethodNotAllowed) { RequestMessage = new HttpRequestMessage(HttpMethod.Put, "http://localhost/v1/me") };

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ContractCodes.AssertListed(me, HttpStatusCode.UnprocessableEntity, "refund_exceeds_payment"));
        ContractCodes.AssertListed(nowhere, HttpStatusCode.NotFound, "not_found");
        ContractCodes.AssertListed(wrongMethod, HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }
}
