using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Wallet.ClientApi.Hosting;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Hosting;

/// <summary>
/// Every route that needs a caller, found from the API's own endpoints (a new route joins by itself,
/// and fails here until it has a sample): no token, an expired, a tampered or a logged-out token is
/// 401; another customer gets 404 for Alice's things (403 for operators' routes, 401 for merchants'
/// signed routes, which no bearer token opens). Nothing is revealed and nothing of Alice's changes.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationMatrixTests(ApiFixture api)
{
    [Fact]
    public async Task Every_protected_route_refuses_strangers_and_bad_tokens_and_reveals_nothing()
    {
        var alice = await Register(api);
        var mallory = await Register(api);
        var wallet = await alice.FundedWallet(10_000);
        var card = await alice.BindVerifiedCard();
        var malloryWallet = await mallory.FundedWallet(1_000);
        var malloryCard = await mallory.BindVerifiedCard();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var device = (await Json(await alice.Post("/v1/me/devices", new { publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo()) }), HttpStatusCode.Created)).GetProperty("deviceId").GetString()!;
        // to a third customer: its recipient may see a transfer, and Mallory must be a stranger to it
        var carol = await Register(api);
        var carolWallet = await carol.OpenWallet();
        var transfer = (await Json(await alice.Post("/v1/transfers", alice.TransferBody(wallet, carolWallet, 100), "matrix"), HttpStatusCode.Created)).GetProperty("transferId").GetString()!;
        var payee = (await Json(await alice.Post("/v1/bill-payees", new { billerId = "bil_sh_water", accountNumber = "3100123456" }), HttpStatusCode.Created)).GetProperty("payeeId").GetString()!;
        var badTokens = await BadTokens(alice);
        var samples = Samples(wallet, card, device, transfer, malloryWallet, malloryCard);
        foreach (var (route, sample) in BillSamples(payee, transfer, malloryWallet))
        {
            samples[route] = sample;
        }
        var quote = (await Json(await alice.Post("/v1/fx/quotes", new { currency = "CNY", toCurrency = "USD", amount = 100 }), HttpStatusCode.Created)).GetProperty("quoteId").GetString()!;
        var converted = (await Json(await alice.Post("/v1/fx/quotes", new { currency = "CNY", toCurrency = "USD", amount = 100 }), HttpStatusCode.Created)).GetProperty("quoteId").GetString()!;
        var conversion = (await Json(await alice.Post("/v1/fx/conversions", new { quoteId = converted, fromWalletId = wallet, toWalletId = await alice.OpenWallet("USD"), pin = TestData.Pin },
            "matrix-fx"), HttpStatusCode.Created)).GetProperty("conversionId").GetString()!;
        var remittance = (await Json(await alice.Post("/v1/remittances", new { walletId = wallet, amount = 100, currency = "CNY", purpose = "family_support",
            beneficiary = new { name = "Chan Tai Man", bankCode = "HSBCHKHHHKH", account = "123456789012" }, pin = TestData.Pin }, "matrix-rm"), HttpStatusCode.Created))
            .GetProperty("remittanceId").GetString()!;
        foreach (var (route, sample) in FxSamples(quote, conversion, remittance, malloryWallet, await mallory.OpenWallet("USD")))
        {
            samples[route] = sample;
        }
        foreach (var (route, sample) in await FamilySamples(alice, wallet, malloryWallet, malloryCard))
        {
            samples[route] = sample;
        }
        // to Carol: Mallory may neither see it nor claim it
        var packet = (await Json(await alice.Post("/v1/red-packets", new { fromWalletId = wallet, recipient = new { customerId = carol.Id }, amount = 100, currency = "CNY", pin = TestData.Pin },
            "matrix-rp"), HttpStatusCode.Created)).GetProperty("redPacketId").GetString()!;
        samples["POST /v1/red-packets"] = new("/v1/red-packets", new { fromWalletId = malloryWallet, recipient = new { customerId = alice.Id }, amount = 100, currency = "CNY", pin = TestData.Pin }, false);
        samples["GET /v1/red-packets/{id}"] = new($"/v1/red-packets/{packet}", null, true);
        samples["POST /v1/red-packets/{id}/claims"] = new($"/v1/red-packets/{packet}/claims", new { }, true);
        foreach (var (route, sample) in await CreditSamples(alice, malloryWallet))
        {
            samples[route] = sample;
        }

        foreach (var (route, sample) in await ProductSamples(wallet, malloryWallet))
        {
            samples[route] = sample;
        }
        foreach (var (route, sample) in await ClaimSamples(alice, wallet, transfer))
        {
            samples[route] = sample;
        }
        foreach (var (route, sample) in await Support.SupportApi.MatrixSamples(alice, transfer))
        {
            samples[route] = new(sample.Path, sample.Body, sample.StrangerSeesNotFound);
        }

        var routes = ProtectedRoutes();
        Assert.True(routes.Count >= 30, $"found only {routes.Count} protected routes");
        foreach (var (method, pattern, policy) in routes)
        {
            Assert.True(samples.TryGetValue($"{method} {pattern}", out var sample), $"no sample request for {method} {pattern}: add one to the matrix");
            foreach (var (what, token) in badTokens)
            {
                var response = await Send(api.CreateClient(), token, method, sample.Path, sample.Body);
                await AssertRefused(response, HttpStatusCode.Unauthorized, $"{method} {pattern} with {what}", alice, wallet);
            }
            if (policy == AuthSetup.OperatorPolicy)
            {
                await AssertRefused(await Send(mallory.Http, null, method, sample.Path, sample.Body), HttpStatusCode.Forbidden, $"{method} {pattern} by a customer", alice, wallet);
            }
            else if (policy == AuthSetup.MerchantPolicy)
            {
                await AssertRefused(await Send(mallory.Http, null, method, sample.Path, sample.Body), HttpStatusCode.Unauthorized, $"{method} {pattern} with a customer's token", alice, wallet);
            }
            else if (sample.StrangerSeesNotFound)
            {
                await AssertRefused(await Send(mallory.Http, null, method, sample.Path, sample.Body), HttpStatusCode.NotFound, $"{method} {pattern} by another customer", alice, wallet);
            }
        }

        var view = await Json(await alice.Http.GetAsync($"/v1/wallets/{wallet}"), HttpStatusCode.OK);
        Assert.Equal((4_600L, "active"), (view.GetProperty("balance").GetInt64(), view.GetProperty("status").GetString())); // ¥1 sent, ¥1 converted, ¥1 remitted with its ¥50 fee, ¥1 in a red packet
        Assert.Equal(1, (await Json(await alice.Http.GetAsync("/v1/me/devices"), HttpStatusCode.OK)).GetProperty("items").GetArrayLength());
        Assert.Equal("active", (await Json(await alice.Http.GetAsync($"/v1/cards/{card}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        await Books.AssertBalanced(api, wallet, malloryWallet, carolWallet);
    }

    private sealed record Sample(string Path, object? Body, bool StrangerSeesNotFound);

    /// <summary>The products' routes, aimed at Dana's holding of a fund (Mallory, tier 4, may not buy at all); operators' routes at the fund; Alice's wallet's fund cover.</summary>
    private async Task<Dictionary<string, Sample>> ProductSamples(string wallet, string malloryWallet)
    {
        var fund = await Products.ProductApi.Published(await Operator.SignIn(api), Products.ProductApi.FundBody());
        var (dana, danaWallet) = await Products.ProductApi.Investor(api, 10_000);
        var holding = (await Json(await dana.Post($"/v1/products/{fund}/purchases", new { walletId = danaWallet, amount = 1_000, pin = TestData.Pin }, "matrix-buy"),
            HttpStatusCode.Created)).GetProperty("holdingId").GetString()!;
        return new()
        {
            ["GET /v1/products"] = new("/v1/products", null, false),
            ["GET /v1/products/{id}"] = new($"/v1/products/{fund}", null, false),
            ["POST /v1/products/{id}/purchases"] = new($"/v1/products/{fund}/purchases", new { walletId = malloryWallet, amount = 1_000, pin = TestData.Pin }, false),
            ["GET /v1/holdings"] = new("/v1/holdings", null, false),
            ["GET /v1/holdings/{id}"] = new($"/v1/holdings/{holding}", null, true),
            ["POST /v1/holdings/{id}/redemptions"] = new($"/v1/holdings/{holding}/redemptions", new { }, true),
            ["GET /v1/risk-questionnaire"] = new("/v1/risk-questionnaire", null, false),
            ["GET /v1/me/risk-assessment"] = new("/v1/me/risk-assessment", null, false),
            ["PUT /v1/me/risk-assessment"] = new("/v1/me/risk-assessment", new { answers = new[] { 1, 1, 1, 1, 1 } }, false),
            ["GET /v1/ops/products"] = new("/v1/ops/products", null, false),
            ["POST /v1/ops/products"] = new("/v1/ops/products", Products.ProductApi.FundBody("x"), false),
            ["POST /v1/ops/products/{id}/publish"] = new($"/v1/ops/products/{fund}/publish", null, false),
            ["POST /v1/ops/products/{id}/pause"] = new($"/v1/ops/products/{fund}/pause", null, false),
            ["POST /v1/ops/products/{id}/close"] = new($"/v1/ops/products/{fund}/close", null, false),
            ["PUT /v1/ops/products/{id}/rates"] = new($"/v1/ops/products/{fund}/rates", new { annualRateBasisPoints = 100 }, false),
            ["PUT /v1/wallets/{id}/fund-cover"] = new($"/v1/wallets/{wallet}/fund-cover", new { holdingId = holding }, true),
            ["GET /v1/wallets/{id}/fund-cover"] = new($"/v1/wallets/{wallet}/fund-cover", null, true),
            ["DELETE /v1/wallets/{id}/fund-cover"] = new($"/v1/wallets/{wallet}/fund-cover", null, true),
        };
    }

    /// <summary>The claims routes, aimed at Alice's claim on her transfer to Carol: Mallory may neither see it, answer it, nor claim her entry; operators' routes at her claim.</summary>
    private static async Task<Dictionary<string, Sample>> ClaimSamples(ApiCustomer alice, string wallet, string transfer)
    {
        var entry = await Claims.ClaimsApi.EntryOf(alice, wallet, transfer);
        var claim = (await Json(await Claims.ClaimsApi.Open(alice, wallet, entry), HttpStatusCode.Created)).GetProperty("claimId").GetString()!;
        return new()
        {
            ["POST /v1/claims"] = new("/v1/claims", Claims.ClaimsApi.Body(wallet, entry), true),
            ["GET /v1/claims"] = new("/v1/claims", null, false),
            ["GET /v1/claims/{id}"] = new($"/v1/claims/{claim}", null, true),
            ["POST /v1/claims/{id}/answers"] = new($"/v1/claims/{claim}/answers", new { text = "x" }, true),
            ["GET /v1/ops/claims"] = new("/v1/ops/claims", null, false),
            ["GET /v1/ops/claims/{id}"] = new($"/v1/ops/claims/{claim}", null, false),
            ["POST /v1/ops/claims/{id}/assign"] = new($"/v1/ops/claims/{claim}/assign", null, false),
            ["POST /v1/ops/claims/{id}/questions"] = new($"/v1/ops/claims/{claim}/questions", new { text = "x" }, false),
            ["POST /v1/ops/claims/{id}/decision"] = new($"/v1/ops/claims/{claim}/decision", new { outcome = "rejected", reason = "x" }, false),
            ["GET /v1/ops/security-fund"] = new("/v1/ops/security-fund", null, false),
            ["POST /v1/ops/security-fund/deposits"] = new("/v1/ops/security-fund/deposits", new { amount = 100, currency = "CNY" }, false),
        };
    }

    /// <summary>The utility-bill routes, aimed at Alice's payee (Mallory pays from, and gives mandates on, his own wallet).</summary>
    private static Dictionary<string, Sample> BillSamples(string payee, string transfer, string malloryWallet) => new()
    {
        ["GET /v1/billers"] = new("/v1/billers", null, false),
        ["GET /v1/billers/{id}"] = new("/v1/billers/bil_sh_water", null, false),
        ["POST /v1/bill-payees"] = new("/v1/bill-payees", new { billerId = "bil_sh_water", accountNumber = "3100654321" }, false),
        ["GET /v1/bill-payees"] = new("/v1/bill-payees", null, false),
        ["PATCH /v1/bill-payees/{id}"] = new($"/v1/bill-payees/{payee}", new { nickname = "x" }, true),
        ["DELETE /v1/bill-payees/{id}"] = new($"/v1/bill-payees/{payee}", null, true),
        ["GET /v1/bill-payees/{id}/bill"] = new($"/v1/bill-payees/{payee}/bill", null, true),
        ["GET /v1/bill-payees/{id}/payments"] = new($"/v1/bill-payees/{payee}/payments", null, true),
        ["POST /v1/bill-payees/{id}/payments"] = new($"/v1/bill-payees/{payee}/payments", new { walletId = malloryWallet, currency = "CNY", pin = TestData.Pin }, true),
        ["PUT /v1/bill-payees/{id}/autopay"] = new($"/v1/bill-payees/{payee}/autopay", new { walletId = malloryWallet, capPerBill = 100, currency = "CNY", pin = TestData.Pin }, true),
        ["GET /v1/bill-payees/{id}/autopay"] = new($"/v1/bill-payees/{payee}/autopay", null, true),
        ["DELETE /v1/bill-payees/{id}/autopay"] = new($"/v1/bill-payees/{payee}/autopay", null, true),
        ["GET /v1/bill-payments/{id}"] = new($"/v1/bill-payments/{transfer}", null, true),
        ["GET /v1/ops/billers"] = new("/v1/ops/billers", null, false),
        ["POST /v1/ops/billers"] = new("/v1/ops/billers", new { name = "x", kind = "water", city = "x", mode = "postpaid", accountRule = new { minLength = 8, maxLength = 8 } }, false),
        ["GET /v1/ops/bill-payments/late-confirmations"] = new("/v1/ops/bill-payments/late-confirmations", null, false),
    };

    /// <summary>
    /// The credit routes, aimed at Alice's loan application and credit-card application (both declined: she is not verified,
    /// which is enough to own them): Mallory may neither see them nor accept, repay or set autopay on her loan.
    /// </summary>
    private async Task<Dictionary<string, Sample>> CreditSamples(ApiCustomer alice, string malloryWallet)
    {
        var loan = (await Json(await alice.Post("/v1/loans/applications", new { amount = 100_000, currency = "CNY", termMonths = 3 }, "matrix-ln"), HttpStatusCode.Created))
            .GetProperty("loanId").GetString()!;
        var application = (await Json(await alice.Post("/v1/credit-cards/applications", new { }, "matrix-cca"), HttpStatusCode.Created))
            .GetProperty("applicationId").GetString()!;
        return new()
        {
            ["POST /v1/loans/applications"] = new("/v1/loans/applications", new { amount = 100_000, currency = "CNY", termMonths = 3 }, false),
            ["GET /v1/loans"] = new("/v1/loans", null, false),
            ["GET /v1/loans/{id}"] = new($"/v1/loans/{loan}", null, true),
            ["POST /v1/loans/{id}/accept"] = new($"/v1/loans/{loan}/accept", new { walletId = malloryWallet, pin = TestData.Pin }, true),
            ["POST /v1/loans/{id}/repayments"] = new($"/v1/loans/{loan}/repayments", new { walletId = malloryWallet, repays = "payoff", pin = TestData.Pin }, true),
            ["GET /v1/loans/{id}/repayments/{repaymentId}"] = new($"/v1/loans/{loan}/repayments/lnr_0000000000000000000000000", null, true),
            ["PUT /v1/loans/{id}/autopay"] = new($"/v1/loans/{loan}/autopay", new { enabled = false }, true),
            ["POST /v1/credit-cards/applications"] = new("/v1/credit-cards/applications", new { }, false),
            ["GET /v1/credit-cards/applications/{id}"] = new($"/v1/credit-cards/applications/{application}", null, true),
            ["GET /v1/ops/loans"] = new("/v1/ops/loans", null, false),
        };
    }

    /// <summary>The FX routes, aimed at Alice's quote and conversion (Mallory converts between his own wallets with her quote).</summary>
    private static Dictionary<string, Sample> FxSamples(string quote, string conversion, string remittance, string malloryCny, string malloryUsd) => new()
    {
        ["GET /v1/fx/rates"] = new("/v1/fx/rates", null, false),
        ["GET /v1/fx/rates/{pair}"] = new("/v1/fx/rates/USD-CNY", null, false),
        ["POST /v1/fx/quotes"] = new("/v1/fx/quotes", new { currency = "CNY", toCurrency = "USD", amount = 100 }, false),
        ["GET /v1/fx/quotes/{id}"] = new($"/v1/fx/quotes/{quote}", null, true),
        ["POST /v1/fx/conversions"] = new("/v1/fx/conversions", new { quoteId = quote, fromWalletId = malloryCny, toWalletId = malloryUsd, pin = TestData.Pin }, true),
        ["GET /v1/fx/conversions/{id}"] = new($"/v1/fx/conversions/{conversion}", null, true),
        ["GET /v1/me/fx-quota"] = new("/v1/me/fx-quota", null, false),
        ["POST /v1/remittances"] = new("/v1/remittances", new { walletId = malloryCny, amount = 100, currency = "CNY", purpose = "travel",
            beneficiary = new { name = "Mallory", bankCode = "HSBCHKHHHKH", account = "123456789012" }, pin = TestData.Pin }, false),
        ["GET /v1/remittances/{id}"] = new($"/v1/remittances/{remittance}", null, true),
    };

    /// <summary>
    /// The family routes, aimed at Alice's family (Bob in it with a sub-wallet, Carol invited and not yet answering): Mallory,
    /// outside it, is told none of it exists; he creates and lists only his own. And her wallet's auto top-up, with his card.
    /// </summary>
    private async Task<Dictionary<string, Sample>> FamilySamples(ApiCustomer alice, string aliceWallet, string malloryWallet, string malloryCard)
    {
        var (bob, carol) = (await Register(api), await Register(api));
        var family = (await Json(await alice.Post("/v1/families", new { name = "The Lis" }), HttpStatusCode.Created)).GetProperty("familyId").GetString()!;
        var toBob = (await Json(await alice.Post($"/v1/families/{family}/invitations", new { phone = bob.Phone, role = "member" }), HttpStatusCode.Created)).GetProperty("invitationId").GetString()!;
        await Json(await bob.Post($"/v1/families/{family}/invitations/{toBob}/accept", new { }), HttpStatusCode.OK);
        var toCarol = (await Json(await alice.Post($"/v1/families/{family}/invitations", new { phone = carol.Phone, role = "member" }), HttpStatusCode.Created)).GetProperty("invitationId").GetString()!;
        var subWallet = (await Json(await alice.Post($"/v1/families/{family}/sub-wallets", new { memberId = bob.Id, currency = "CNY" }, "matrix-sw"), HttpStatusCode.Created))
            .GetProperty("subWalletId").GetString()!;
        return new()
        {
            ["POST /v1/families"] = new("/v1/families", new { name = "Mallory's" }, false),
            ["GET /v1/families"] = new("/v1/families", null, false),
            ["GET /v1/families/{id}"] = new($"/v1/families/{family}", null, true),
            ["POST /v1/families/{id}/invitations"] = new($"/v1/families/{family}/invitations", new { phone = carol.Phone, role = "member" }, true),
            ["DELETE /v1/families/{id}/invitations/{invitationId}"] = new($"/v1/families/{family}/invitations/{toCarol}", null, true),
            ["POST /v1/families/{id}/invitations/{invitationId}/accept"] = new($"/v1/families/{family}/invitations/{toCarol}/accept", new { }, true),
            ["POST /v1/families/{id}/invitations/{invitationId}/decline"] = new($"/v1/families/{family}/invitations/{toCarol}/decline", new { }, true),
            ["POST /v1/families/{id}/leave"] = new($"/v1/families/{family}/leave", new { }, true),
            ["DELETE /v1/families/{id}/members/{customerId}"] = new($"/v1/families/{family}/members/{bob.Id}", null, true),
            ["GET /v1/family-invitations"] = new("/v1/family-invitations", null, false),
            ["POST /v1/families/{id}/sub-wallets"] = new($"/v1/families/{family}/sub-wallets", new { memberId = bob.Id, currency = "CNY" }, true),
            ["GET /v1/sub-wallets/{id}"] = new($"/v1/sub-wallets/{subWallet}", null, true),
            ["PUT /v1/sub-wallets/{id}/rules"] = new($"/v1/sub-wallets/{subWallet}/rules", new { dailyLimit = 1 }, true),
            ["POST /v1/sub-wallets/{id}/freeze"] = new($"/v1/sub-wallets/{subWallet}/freeze", new { }, true),
            ["POST /v1/sub-wallets/{id}/unfreeze"] = new($"/v1/sub-wallets/{subWallet}/unfreeze", new { }, true),
            ["POST /v1/sub-wallets/{id}/top-ups"] = new($"/v1/sub-wallets/{subWallet}/top-ups", new { fromWalletId = malloryWallet, amount = 100, pin = TestData.Pin }, true),
            ["POST /v1/sub-wallets/{id}/take-backs"] = new($"/v1/sub-wallets/{subWallet}/take-backs", new { toWalletId = malloryWallet }, true),
            ["PUT /v1/wallets/{id}/auto-top-up"] = new($"/v1/wallets/{aliceWallet}/auto-top-up", new { cardId = malloryCard, dailyCap = 100 }, true),
            ["GET /v1/wallets/{id}/auto-top-up"] = new($"/v1/wallets/{aliceWallet}/auto-top-up", null, true),
            ["DELETE /v1/wallets/{id}/auto-top-up"] = new($"/v1/wallets/{aliceWallet}/auto-top-up", null, true),
            ["GET /v1/sub-wallets/{id}/approvals"] = new($"/v1/sub-wallets/{subWallet}/approvals", null, true),
            ["POST /v1/sub-wallets/{id}/approvals/{paymentId}/approve"] = new($"/v1/sub-wallets/{subWallet}/approvals/py_unknown/approve", new { }, true),
            ["POST /v1/sub-wallets/{id}/approvals/{paymentId}/decline"] = new($"/v1/sub-wallets/{subWallet}/approvals/py_unknown/decline", new { }, true),
        };
    }

    /// <summary>A well-formed request per route, aimed at Alice's things; Mallory's own card and wallet where a body needs one.</summary>
    private static Dictionary<string, Sample> Samples(string wallet, string card, string device, string transfer, string malloryWallet, string malloryCard)
    {
        var transferBody = new { fromWalletId = wallet, to = new { walletId = malloryWallet }, amount = 100, currency = "CNY", pin = TestData.Pin };
        return new()
        {
            ["GET /v1/me"] = new("/v1/me", null, false),
            ["GET /v1/me/export"] = new("/v1/me/export", null, false),
            ["DELETE /v1/me"] = new("/v1/me", null, false),
            ["POST /v1/me/logout"] = new("/v1/me/logout", null, false),
            ["POST /v1/me/devices"] = new("/v1/me/devices", new { publicKey = "AAAA" }, false),
            ["GET /v1/me/devices"] = new("/v1/me/devices", null, false),
            ["DELETE /v1/me/devices/{id}"] = new($"/v1/me/devices/{device}", null, true),
            ["POST /v1/me/challenges"] = new("/v1/me/challenges", null, false),
            ["PUT /v1/me/password"] = new("/v1/me/password", new { currentPassword = "x", newPassword = "long enough 1" }, false),
            ["POST /v1/me/lost-report"] = new("/v1/me/lost-report", new { password = "not the password" }, false),
            ["GET /v1/me/protection"] = new("/v1/me/protection", null, false),
            ["POST /v1/me/backup-phone/codes"] = new("/v1/me/backup-phone/codes", new { phone = "x" }, false),
            ["PUT /v1/me/backup-phone"] = new("/v1/me/backup-phone", new { phone = "+8613900000000", code = "000000", password = "not the password" }, false),
            ["PUT /v1/me/payment-pin"] = new("/v1/me/payment-pin", new { pin = "111111", currentPin = "222222" }, false),
            ["POST /v1/me/verification"] = new("/v1/me/verification", new { name = "x", idNumber = "x" }, false),
            ["POST /v1/me/payment-pin/reset-codes"] = new("/v1/me/payment-pin/reset-codes", null, false),
            ["POST /v1/me/payment-pin/reset"] = new("/v1/me/payment-pin/reset", new { code = "123456", pin = "111111" }, false),
            ["POST /v1/wallets"] = new("/v1/wallets", new { currency = "CNY" }, false),
            ["GET /v1/wallets"] = new("/v1/wallets", null, false),
            ["GET /v1/wallets/{id}"] = new($"/v1/wallets/{wallet}", null, true),
            ["GET /v1/wallets/{id}/transactions"] = new($"/v1/wallets/{wallet}/transactions", null, true),
            ["GET /v1/wallets/{id}/overview"] = new($"/v1/wallets/{wallet}/overview", null, true),
            ["PUT /v1/wallets/{id}/transactions/{entryId}/note"] = new($"/v1/wallets/{wallet}/transactions/{wallet}.1/note", new { note = "mine" }, true),
            ["GET /v1/wallets/{id}/transactions/{entryId}/receipt"] = new($"/v1/wallets/{wallet}/transactions/{wallet}.1/receipt", null, true),
            ["GET /v1/wallets/{id}/statements"] = new($"/v1/wallets/{wallet}/statements", null, true),
            ["GET /v1/wallets/{id}/statements/{month}"] = new($"/v1/wallets/{wallet}/statements/{DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)):yyyy-MM}", null, true),
            ["POST /v1/wallets/{id}/freeze"] = new($"/v1/wallets/{wallet}/freeze", null, true),
            ["POST /v1/wallets/{id}/unfreeze-codes"] = new($"/v1/wallets/{wallet}/unfreeze-codes", null, true),
            ["POST /v1/wallets/{id}/unfreeze"] = new($"/v1/wallets/{wallet}/unfreeze", new { pin = TestData.Pin, code = "123456" }, true),
            ["DELETE /v1/wallets/{id}"] = new($"/v1/wallets/{wallet}", null, true),
            ["POST /v1/wallets/{id}/top-ups"] = new($"/v1/wallets/{wallet}/top-ups", new { cardId = malloryCard, amount = 100, currency = "CNY" }, true),
            ["POST /v1/wallets/{id}/withdrawals"] = new($"/v1/wallets/{wallet}/withdrawals", new { cardId = malloryCard, amount = 100, currency = "CNY", pin = TestData.Pin }, true),
            ["POST /v1/transfers"] = new("/v1/transfers", transferBody, true),
            ["GET /v1/transfers/{id}"] = new($"/v1/transfers/{transfer}", null, true),
            ["POST /v1/cards"] = new("/v1/cards", new { cardNumber = TestData.Card(), holderName = "x", phone = "+8613800000000" }, false),
            ["GET /v1/cards/{id}"] = new($"/v1/cards/{card}", null, true),
            ["GET /v1/cards"] = new("/v1/cards", null, false),
            ["GET /v1/me/devices/{id}"] = new($"/v1/me/devices/{device}", null, true),
            ["GET /v1/wallets/{id}/top-ups/{topUpId}"] = new($"/v1/wallets/{wallet}/top-ups/{transfer}", null, true),
            ["GET /v1/wallets/{id}/withdrawals/{withdrawalId}"] = new($"/v1/wallets/{wallet}/withdrawals/{transfer}", null, true),
            ["GET /v1/payments/{id}"] = new($"/v1/payments/{transfer}", null, true),
            ["GET /v1/merchant/payments/{id}"] = new($"/v1/merchant/payments/{transfer}", null, false),
            ["GET /v1/merchant/payments/{id}/refunds"] = new($"/v1/merchant/payments/{transfer}/refunds", null, false),
            ["GET /v1/merchant/refunds/{id}"] = new($"/v1/merchant/refunds/{transfer}", null, false),
            ["GET /v1/merchant/authorizations/{id}"] = new($"/v1/merchant/authorizations/{transfer}", null, false),
            ["GET /v1/merchant/orders/{orderId}/payment"] = new("/v1/merchant/orders/x/payment", null, false),
            ["GET /v1/merchant/orders/{orderId}/authorization"] = new("/v1/merchant/orders/x/authorization", null, false),
            ["GET /v1/merchant/qr-codes/{id}"] = new("/v1/merchant/qr-codes/qr_x", null, false),
            ["GET /v1/merchant/settlements/{id}"] = new("/v1/merchant/settlements/stl_x", null, false),
            ["GET /v1/merchant/campaigns/{id}"] = new("/v1/merchant/campaigns/cmp_x", null, false),
            ["GET /v1/merchant/campaigns/{id}/coupons/{couponId}"] = new("/v1/merchant/campaigns/cmp_x/coupons/cpn_x", null, false),
            ["GET /v1/ops/merchants"] = new("/v1/ops/merchants", null, false),
            ["GET /v1/ops/merchants/{id}"] = new("/v1/ops/merchants/mch_x", null, false),
            ["GET /v1/ops/merchants/{id}/settlements"] = new("/v1/ops/merchants/mch_x/settlements", null, false),
            ["GET /v1/ops/merchants/{id}/webhook-deliveries"] = new("/v1/ops/merchants/mch_x/webhook-deliveries", null, false),
            ["GET /v1/ops/customers"] = new($"/v1/ops/customers?phone={Uri.EscapeDataString("+8613800138000")}", null, false),
            ["GET /v1/ops/customers/{id}"] = new("/v1/ops/customers/cus_x", null, false),
            ["POST /v1/cards/{id}/verify"] = new($"/v1/cards/{card}/verify", new { code = "123456" }, true),
            ["DELETE /v1/cards/{id}"] = new($"/v1/cards/{card}", null, true),
            ["GET /v1/ops/ledger/check"] = new("/v1/ops/ledger/check", null, false),
            ["PUT /v1/ops/customers/{id}/tier"] = new("/v1/ops/customers/cus_x/tier", new { tier = 1, reason = "x" }, false),
            ["PUT /v1/ops/wallets/{id}/status"] = new($"/v1/ops/wallets/{wallet}/status", new { status = "frozen", reason = "x" }, false),
            ["GET /v1/ops/risk/alerts"] = new("/v1/ops/risk/alerts", null, false),
            ["POST /v1/ops/risk/alerts/{id}/review"] = new("/v1/ops/risk/alerts/rsk_unknown/review", new { note = "x" }, false),
            ["GET /v1/ops/risk/customers/{id}"] = new("/v1/ops/risk/customers/cus_x", null, false),
            ["POST /v1/ops/risk/customers/{id}/unfreeze"] = new("/v1/ops/risk/customers/cus_x/unfreeze", new { note = "x" }, false),
            ["POST /v1/ops/customers/{id}/lost-report"] = new("/v1/ops/customers/cus_x/lost-report", new { note = "x" }, false),
            ["POST /v1/ops/customers/{id}/recovery-approval"] = new("/v1/ops/customers/cus_x/recovery-approval", new { note = "x", codeTo = "phone" }, false),
            ["GET /v1/ops/customers/{id}/protection"] = new("/v1/ops/customers/cus_x/protection", null, false),
            ["POST /v1/ops/risk/movements/{id}/release"] = new($"/v1/ops/risk/movements/{transfer}/release", null, false),
            ["POST /v1/ops/risk/movements/{id}/reject"] = new($"/v1/ops/risk/movements/{transfer}/reject", new { note = "x" }, false),
            ["GET /v1/me/notifications"] = new("/v1/me/notifications", null, false),
            ["GET /v1/me/spending"] = new("/v1/me/spending?month=2026-11", null, false),
            ["GET /v1/me/spending/trend"] = new("/v1/me/spending/trend?to=2026-11", null, false),
            ["GET /v1/me/budgets"] = new("/v1/me/budgets", null, false),
            ["PUT /v1/me/budgets"] = new("/v1/me/budgets", new { budgets = new[] { new { category = "dining", amount = 100 } } }, false),
            ["GET /v1/ops/customers/{id}/spending/reconciliation"] = new("/v1/ops/customers/cus_x/spending/reconciliation?month=2026-11", null, false),
            ["POST /v1/merchants"] = new("/v1/merchants", new { name = "x", category = "5411", city = "x" }, false),
            ["POST /v1/merchants/{id}/credentials"] = new("/v1/merchants/mch_x/credentials", null, false),
            ["GET /v1/merchant/me"] = new("/v1/merchant/me", null, false),
            ["GET /v1/me/pending-payments"] = new("/v1/me/pending-payments", null, false),
            ["POST /v1/me/payment-codes"] = new("/v1/me/payment-codes", new { walletId = wallet }, true),
            ["POST /v1/payments/{id}/confirm"] = new($"/v1/payments/{transfer}/confirm", new { pin = TestData.Pin }, true),
            ["POST /v1/merchant/charges"] = new("/v1/merchant/charges", new { paymentCode = "280000000000000000", amount = 100, currency = "CNY", orderId = "x" }, false),
            ["POST /v1/merchant/authorizations"] = new("/v1/merchant/authorizations", new { paymentCode = "280000000000000000", amount = 100, currency = "CNY", orderId = "x" }, false),
            ["POST /v1/merchant/authorizations/{id}/capture"] = new($"/v1/merchant/authorizations/{transfer}/capture", new { amount = 100 }, false),
            ["POST /v1/merchant/authorizations/{id}/void"] = new($"/v1/merchant/authorizations/{transfer}/void", null, false),
            ["POST /v1/merchant/settlements"] = new("/v1/merchant/settlements", null, false),
            ["GET /v1/merchant/settlements"] = new("/v1/merchant/settlements", null, false),
            ["GET /v1/merchant/payments"] = new("/v1/merchant/payments", null, false),
            ["POST /v1/merchant/payments/{id}/refunds"] = new($"/v1/merchant/payments/{transfer}/refunds", new { amount = 100 }, false),
            ["POST /v1/merchant/qr-codes"] = new("/v1/merchant/qr-codes", new { amount = 100, currency = "CNY" }, false),
            ["PUT /v1/merchant/webhook"] = new("/v1/merchant/webhook", new { url = "https://shop.example/hook" }, false),
            ["GET /v1/merchant/webhook"] = new("/v1/merchant/webhook", null, false),
            ["DELETE /v1/merchant/webhook"] = new("/v1/merchant/webhook", null, false),
            ["GET /v1/merchant/webhook-deliveries"] = new("/v1/merchant/webhook-deliveries", null, false),
            ["POST /v1/merchant/campaigns"] = new("/v1/merchant/campaigns", new { name = "x", kind = "discount", percentOff = 10, budget = 100, endsAt = "2099-01-01T00:00:00Z" }, false),
            ["GET /v1/merchant/campaigns"] = new("/v1/merchant/campaigns", null, false),
            ["POST /v1/merchant/campaigns/{id}/end"] = new("/v1/merchant/campaigns/cmp_unknown/end", null, false),
            ["POST /v1/merchant/campaigns/{id}/coupons"] = new("/v1/merchant/campaigns/cmp_unknown/coupons", new { phone = "+8613800138000" }, false),
            ["GET /v1/me/coupons"] = new("/v1/me/coupons", null, false),
            ["POST /v1/payments"] = new("/v1/payments", new { qrPayload = new Wallet.Merchants.MerchantQrPayload(true, "mch_x", "qr_x", "5411", 100, "CNY", "Shop", "Shanghai", null).Encode(),
                fromWalletId = wallet, pin = TestData.Pin }, true),
        };
    }

    private List<(string Method, string Pattern, string? Policy)> ProtectedRoutes()
        => [.. api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/v1/", StringComparison.Ordinal) == true
                && e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!.TrimEnd('/'),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null))))];

    /// <summary>No token, and Alice's tokens spoiled three ways: expired, tampered with, and from a session she logged out of.</summary>
    private async Task<List<(string What, string? Token)>> BadTokens(ApiCustomer alice)
    {
        var good = alice.Http.DefaultRequestHeaders.Authorization!.Parameter!;
        var claims = new JsonWebToken(good);
        var signingKey = api.Services.GetRequiredService<SigningKey>();
        var past = DateTime.UtcNow.AddHours(-2);
        var expired = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Audience,
            Subject = new ClaimsIdentity([new Claim("sub", alice.Id), new Claim("role", Roles.Customer), new Claim("sid", claims.GetClaim("sid").Value)]),
            IssuedAt = past,
            NotBefore = past,
            Expires = past.AddMinutes(15),
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
        var tampered = good[..^2] + (good[^2] == 'A' ? 'B' : 'A') + good[^1];
        var session = await Json(await api.CreateClient().PostAsJsonAsync("/v1/auth/token", new { phone = alice.Phone, password = TestData.Password }), HttpStatusCode.OK);
        var loggedOut = session.GetProperty("accessToken").GetString()!;
        Assert.Equal(HttpStatusCode.NoContent, (await Send(api.CreateClient(), loggedOut, "POST", "/v1/me/logout", null)).StatusCode);
        return [("no token", null), ("an expired token", expired), ("a tampered token", tampered), ("a logged-out session's token", loggedOut)];
    }

    private static Task<HttpResponseMessage> Send(HttpClient http, string? token, string method, string path, object? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return http.SendAsync(request);
    }

    private static async Task AssertRefused(HttpResponseMessage response, HttpStatusCode expected, string what, ApiCustomer alice, string wallet)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        ContractCodes.AssertListed(response, expected, System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("code").GetString()!);
        foreach (var secret in new[] { alice.Id, alice.Phone, wallet, "9900", "9,900" })
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{what} revealed {secret}: {text}");
        }
    }
}
