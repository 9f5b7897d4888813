using System.Net;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Credit;

/// <summary>Loans and credit-card applications over HTTP: the whole walk, bad input (400 naming the fields), refusals with their codes, strangers told nothing exists.</summary>
[Collection(ApiCollection.Name)]
public sealed class CreditApiTests(ApiFixture api)
{
    /// <summary>A customer the bank lends to: real name verified, a debit card in it, ¥1,000 topped up.</summary>
    private async Task<(ApiCustomer Borrower, string Wallet)> Borrower()
    {
        var borrower = await Register(api);
        await Json(await borrower.Post("/v1/me/verification", new { name = "韩梅梅", idNumber = TestData.IdNumber() }), HttpStatusCode.OK);
        return (borrower, await borrower.FundedWallet(100_000));
    }

    private static async Task<string> Offered(ApiCustomer borrower, long amount = 300_000)
    {
        var offer = await Json(await borrower.Post("/v1/loans/applications", new { amount, currency = "CNY", termMonths = 3 }, Guid.NewGuid().ToString()), HttpStatusCode.Created);
        Assert.Equal("offered", offer.GetProperty("status").GetString());
        return offer.GetProperty("loanId").GetString()!;
    }

    [Fact]
    public async Task A_loan_is_applied_for_accepted_and_repaid_early_through_http()
    {
        var (alice, wallet) = await Borrower();

        var offer = await Json(await alice.Post("/v1/loans/applications", new { amount = 300_000, currency = "CNY", termMonths = 3 }, "loan-1"), HttpStatusCode.Created);
        var loanId = offer.GetProperty("loanId").GetString()!;
        var replayed = await alice.Post("/v1/loans/applications", new { amount = 300_000, currency = "CNY", termMonths = 3 }, "loan-1");
        Assert.Equal(loanId, (await Json(replayed, HttpStatusCode.Created)).GetProperty("loanId").GetString());
        Assert.Equal("true", Assert.Single(replayed.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(1440, offer.GetProperty("annualRateBasisPoints").GetInt32());
        Assert.Equal(3, offer.GetProperty("schedule").GetArrayLength());
        Assert.Equal(offer.GetProperty("totalCost").GetInt64(), offer.GetProperty("schedule").EnumerateArray().Sum(i => i.GetProperty("amount").GetInt64()));
        Assert.Equal(300_000 + offer.GetProperty("totalInterest").GetInt64(), offer.GetProperty("totalCost").GetInt64());
        Assert.Contains(offer.GetProperty("decision").GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "risk_clear");

        var accepted = await alice.Post($"/v1/loans/{loanId}/accept", new { walletId = wallet, pin = TestData.Pin }, "accept-1");
        var again = await alice.Post($"/v1/loans/{loanId}/accept", new { walletId = wallet, pin = TestData.Pin }, "accept-1");
        Assert.Equal("active", (await Json(accepted, HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("true", Assert.Single(again.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(400_000, await alice.Balance(wallet));
        var loans = await Json(await alice.Http.GetAsync("/v1/loans"), HttpStatusCode.OK);
        Assert.Contains(loans.GetProperty("items").EnumerateArray(), l => l.GetProperty("loanId").GetString() == loanId);

        var payoff = (await Json(await alice.Http.GetAsync($"/v1/loans/{loanId}"), HttpStatusCode.OK)).GetProperty("payoffToday").GetInt64();
        var answer = await alice.Post($"/v1/loans/{loanId}/repayments", new { walletId = wallet, repays = "payoff", pin = TestData.Pin }, "payoff-1");
        var repaid = await Json(answer, HttpStatusCode.Created);
        var seen = await Json(await alice.Http.GetAsync(answer.Headers.Location), HttpStatusCode.OK);
        Assert.Equal(repaid.ToString(), seen.ToString());
        await Problem(await alice.Http.GetAsync($"/v1/loans/{loanId}/repayments/{repaid.GetProperty("repaymentId").GetString()}x"), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(payoff, repaid.GetProperty("amount").GetInt64());
        Assert.Equal(300_000, repaid.GetProperty("principal").GetInt64());
        Assert.Equal(loanId, repaid.GetProperty("to").GetProperty("loanId").GetString());
        var closed = await Json(await alice.Http.GetAsync($"/v1/loans/{loanId}"), HttpStatusCode.OK);
        Assert.Equal("repaid", closed.GetProperty("status").GetString());
        Assert.Equal(400_000 - payoff, await alice.Balance(wallet));
        await Problem(await alice.Post($"/v1/loans/{loanId}/repayments", new { walletId = wallet, repays = "instalment", pin = TestData.Pin }, "after"),
            HttpStatusCode.Conflict, "loan_not_open");
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task Bad_input_is_answered_with_the_fields_or_the_code_and_moves_nothing()
    {
        var (alice, wallet) = await Borrower();
        var loanId = await Offered(alice);

        var invalid = await Problem(await alice.Post("/v1/loans/applications", new { currency = "CNY", termMonths = 5 }, "bad-1"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(invalid.GetProperty("errors").TryGetProperty("amount", out _), invalid.ToString());
        Assert.True(invalid.GetProperty("errors").TryGetProperty("termMonths", out _), invalid.ToString());
        await Problem(await alice.Post("/v1/loans/applications", new { amount = 100_000, currency = "CNY", termMonths = 3 }), HttpStatusCode.BadRequest, "idempotency_key_required");
        await Problem(await alice.Post("/v1/loans/applications", new { amount = 100_000, currency = "USD", termMonths = 3 }, "usd"), HttpStatusCode.UnprocessableEntity,
            "currency_not_supported");
        await Problem(await alice.Post("/v1/loans/applications", new { amount = 100, currency = "CNY", termMonths = 3 }, "tiny"), HttpStatusCode.BadRequest, "validation_failed");
        var noPin = await Problem(await alice.Post($"/v1/loans/{loanId}/accept", new { walletId = wallet }, "a-1"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(noPin.GetProperty("errors").TryGetProperty("pin", out _), noPin.ToString());
        await Problem(await alice.Post($"/v1/loans/{loanId}/accept", new { walletId = wallet, pin = "999999" }, "a-2"), HttpStatusCode.Forbidden, "invalid_pin");
        await Problem(await alice.Post($"/v1/loans/{loanId}/repayments", new { walletId = wallet, repays = "payoff", pin = TestData.Pin }, "r-1"),
            HttpStatusCode.Conflict, "loan_not_open");
        var payoffNamed = await Problem(await alice.Post($"/v1/loans/{loanId}/repayments", new { walletId = wallet, pin = TestData.Pin, repays = "payoff", instalment = 1 }, "r-2"),
            HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(payoffNamed.GetProperty("errors").TryGetProperty("instalment", out _), payoffNamed.ToString());
        var noKind = await Problem(await alice.Post($"/v1/loans/{loanId}/repayments", new { walletId = wallet, pin = TestData.Pin }, "r-3"), HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(noKind.GetProperty("errors").TryGetProperty("repays", out _), noKind.ToString());
        await Json(await alice.Post("/v1/loans/applications", new { amount = 100_000, currency = "CNY", termMonths = 3 }, "same"), HttpStatusCode.Created);
        await Problem(await alice.Post("/v1/loans/applications", new { amount = 200_000, currency = "CNY", termMonths = 3 }, "same"), HttpStatusCode.UnprocessableEntity,
            "idempotency_key_reused");
        Assert.Equal("offered", (await Json(await alice.Http.GetAsync($"/v1/loans/{loanId}"), HttpStatusCode.OK)).GetProperty("status").GetString());

        var declined = await Json(await alice.Post("/v1/loans/applications", new { amount = 9_000_000, currency = "CNY", termMonths = 12 }, "big"), HttpStatusCode.Created);
        Assert.Equal("declined", declined.GetProperty("status").GetString());
        Assert.Contains(declined.GetProperty("decision").GetProperty("reasons").EnumerateArray(), r => r.GetProperty("code").GetString() == "amount_over_limit");
        await Problem(await alice.Post($"/v1/loans/{declined.GetProperty("loanId").GetString()}/accept", new { walletId = wallet, pin = TestData.Pin }, "a-3"),
            HttpStatusCode.Conflict, "loan_not_open");

        Assert.Equal(100_000, await alice.Balance(wallet));
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task Another_customer_is_told_a_loan_does_not_exist_and_moves_nothing()
    {
        var (alice, wallet) = await Borrower();
        var (mallory, malloryWallet) = await Borrower();
        var loanId = await Offered(alice);
        await Json(await alice.Post($"/v1/loans/{loanId}/accept", new { walletId = wallet, pin = TestData.Pin }, "accept"), HttpStatusCode.OK);

        await Problem(await mallory.Http.GetAsync($"/v1/loans/{loanId}"), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Post($"/v1/loans/{loanId}/accept", new { walletId = malloryWallet, pin = TestData.Pin }, "m-1"), HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Post($"/v1/loans/{loanId}/repayments", new { walletId = malloryWallet, repays = "payoff", pin = TestData.Pin }, "m-2"),
            HttpStatusCode.NotFound, "not_found");
        await Problem(await mallory.Post($"/v1/loans/{loanId}/repayments", new { walletId = wallet, repays = "payoff", pin = TestData.Pin }, "m-3"),
            HttpStatusCode.NotFound, "not_found");
        Assert.DoesNotContain((await Json(await mallory.Http.GetAsync("/v1/loans"), HttpStatusCode.OK)).GetProperty("items").EnumerateArray(),
            l => l.GetProperty("loanId").GetString() == loanId);
        await Problem(await mallory.Http.GetAsync("/v1/ops/loans"), HttpStatusCode.Forbidden, "forbidden");

        Assert.Equal(400_000, await alice.Balance(wallet));
        Assert.Equal(100_000, await mallory.Balance(malloryWallet));
        await Books.AssertBalanced(api, wallet, malloryWallet);
    }

    [Fact]
    public async Task Operators_see_a_drawn_loan_in_the_loan_book_by_its_status()
    {
        var (alice, wallet) = await Borrower();
        var loanId = await Offered(alice);
        await Json(await alice.Post($"/v1/loans/{loanId}/accept", new { walletId = wallet, pin = TestData.Pin }, "accept"), HttpStatusCode.OK);
        using var operators = await Operator.SignIn(api);

        var active = await Json(await operators.GetAsync("/v1/ops/loans?status=active&limit=100"), HttpStatusCode.OK);
        var overdue = await Json(await operators.GetAsync("/v1/ops/loans?status=overdue&limit=100"), HttpStatusCode.OK);
        await Problem(await operators.GetAsync("/v1/ops/loans?status=late"), HttpStatusCode.BadRequest, "validation_failed");

        var entry = Assert.Single(active.GetProperty("items").EnumerateArray(), l => l.GetProperty("loanId").GetString() == loanId);
        Assert.Equal((alice.Id, 300_000L, 300_000L, 0), (entry.GetProperty("customerId").GetString(), entry.GetProperty("amount").GetInt64(),
            entry.GetProperty("outstandingPrincipal").GetInt64(), entry.GetProperty("overdueInstalments").GetInt32()));
        Assert.DoesNotContain(overdue.GetProperty("items").EnumerateArray(), l => l.GetProperty("loanId").GetString() == loanId);
        await Books.AssertBalanced(api, wallet);
    }

    [Fact]
    public async Task An_approved_credit_card_is_bound_confirmed_by_its_code_and_tops_up_through_http()
    {
        var (alice, wallet) = await Borrower();

        var applied = await Json(await alice.Post("/v1/credit-cards/applications", new { }, "card-1"), HttpStatusCode.Created);
        Assert.Equal("approved", applied.GetProperty("status").GetString());
        var cardId = applied.GetProperty("cardId").GetString()!;
        Assert.Equal("pending_verification", (await Json(await alice.Http.GetAsync($"/v1/cards/{cardId}"), HttpStatusCode.OK)).GetProperty("status").GetString());
        await Json(await alice.Post($"/v1/cards/{cardId}/verify", new { code = await alice.LatestSmsCode() }), HttpStatusCode.OK);
        var cards = await Json(await alice.Http.GetAsync("/v1/cards"), HttpStatusCode.OK);
        Assert.Contains(cards.GetProperty("items").EnumerateArray(), c => c.GetProperty("cardId").GetString() == cardId && c.GetProperty("kind").GetString() == "credit");

        await Json(await alice.Post($"/v1/wallets/{wallet}/top-ups", new { cardId, amount = 20_000, currency = "CNY" }, "top-up"), HttpStatusCode.Created);

        Assert.Equal(120_000, await alice.Balance(wallet));
        var seen = await Json(await alice.Http.GetAsync($"/v1/credit-cards/applications/{applied.GetProperty("applicationId").GetString()}"), HttpStatusCode.OK);
        Assert.Equal(cardId, seen.GetProperty("cardId").GetString());
        await Books.AssertBalanced(api, wallet);
    }
}
