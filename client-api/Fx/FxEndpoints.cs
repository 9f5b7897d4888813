using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.Fx;
using Wallet.Identity;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Fx;

/// <summary>Foreign exchange: the bank's rates, a quote that holds for 30 seconds, a conversion with it, and the annual quota.</summary>
public static class FxEndpoints
{
    public static IEndpointRouteBuilder MapFx(this IEndpointRouteBuilder routes)
    {
        var fx = routes.MapGroup("/v1/fx").WithTags("Currencies and FX").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        fx.MapGet("/rates", Rates).WithName("ListFxRates").MayRefuse(RefusalCodes.IntegrationUnavailable);
        fx.MapGet("/rates/{pair}", Rate).WithName("GetFxRate").MayRefuse(RefusalCodes.CurrencyNotSupported, RefusalCodes.IntegrationUnavailable);
        fx.MapPost("/quotes", Quote).WithName("CreateFxQuote")
            .MayRefuse(RefusalCodes.CurrencyNotSupported, RefusalCodes.AmountTooSmall, RefusalCodes.IntegrationUnavailable).RequireRateLimiting(RateLimitSetup.Money);
        fx.MapGet("/quotes/{id}", GetQuote).WithName("GetFxQuote");
        fx.MapPost("/conversions", Convert).WithName("Convert").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyOut).MayRefuse(CommonRefusals.MoneyIn)
            .MayRefuse(RefusalCodes.QuoteExpired, RefusalCodes.QuoteUsed, RefusalCodes.FxQuotaExceeded, RefusalCodes.HeldForReview).WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        fx.MapGet("/conversions/{id}", GetConversion).WithName("GetConversion");
        routes.MapGroup("/v1/me").WithTags("Currencies and FX").RequireAuthorization().MapGet("/fx-quota", Quota).WithName("GetFxQuota");
        return routes;
    }

    /// <summary>Every currency the bank offers, priced in its home currency (CNY): the mid, and what the bank pays and asks.</summary>
    public static async Task<Ok<FxRatesResponse>> Rates(IGrainFactory grains)
    {
        var board = await grains.GetGrain<IFxDeskGrain>(0).Rates();
        return TypedResults.Ok(new FxRatesResponse(board.HomeCurrency, [.. board.Rates.Select(FxRateResponse.Of)]));
    }

    /// <summary>One pair's rates, any two offered currencies (a cross pair is priced through the home currency).</summary>
    /// <param name="pair">Two ISO 4217 codes, <c>BASE-QUOTE</c>: <c>USD-CNY</c>, <c>JPY-HKD</c>.</param>
    public static async Task<Results<Ok<FxRateResponse>, ValidationProblem>> Rate(string pair, IGrainFactory grains)
    {
        if (CurrencyPair.Parse(pair) is not { } parsed)
        {
            return new FieldErrors().Check(false, "pair", "Name two different currencies the wallet holds as BASE-QUOTE, such as USD-CNY.").Problem!;
        }
        return TypedResults.Ok(FxRateResponse.Of(await grains.GetGrain<IFxDeskGrain>(0).Rate(parsed)));
    }

    /// <summary>
    /// A price for converting, held for 30 seconds: for what the caller pays (<c>amount</c>; what they receive is
    /// rounded down) or what they want to receive (<c>toAmount</c>; what they pay is rounded up) — in the bank's favour by
    /// less than one minor unit. A conversion with it moves exactly these amounts.
    /// </summary>
    public static async Task<Results<Created<QuoteResponse>, ValidationProblem>> Quote(QuoteRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var problem = new FieldErrors().Currency(body.Currency).Currency(body.ToCurrency, "toCurrency")
            .Check(body.Currency is null || body.Currency != body.ToCurrency, "toCurrency", "Convert between two different currencies.")
            .Check((body.Amount is null) != (body.ToAmount is null), "amount", "Give amount or toAmount, not both.")
            .Amount(body.Amount ?? body.ToAmount, body.Amount is null ? "toAmount" : "amount").Problem;
        if (problem is { } invalid)
        {
            return invalid;
        }
        var quote = await grains.GetGrain<IFxQuoteGrain>(Ids.New(IdPrefixes.FxQuote))
            .Make(new FxQuoteRequest(user.CustomerId(), new CurrencyPair(body.Currency!, body.ToCurrency!), body.Amount, body.ToAmount));
        return TypedResults.Created($"/v1/fx/quotes/{quote.QuoteId}", QuoteResponse.Of(quote));
    }

    /// <summary>A quote the caller asked for, and whether it was used.</summary>
    /// <param name="id">The quote (<c>fxq_…</c>).</param>
    public static async Task<Ok<QuoteResponse>> GetQuote(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var quote = id.StartsWith(IdPrefixes.FxQuote + "_", StringComparison.Ordinal) ? await grains.GetGrain<IFxQuoteGrain>(id).Find(user.CustomerId()) : null;
        return TypedResults.Ok(QuoteResponse.Of(quote ?? throw WalletRefusedException.NotFound("The quote")));
    }

    /// <summary>
    /// Converts between two of the caller's wallets with a quote, with the payment PIN or a device signature: the paying
    /// wallet debited and the receiving one credited in one transaction, with the quote used and a purchase of foreign
    /// currency drawn on the annual quota. 201 when done; a refusal moves nothing and leaves the quote unused.
    /// </summary>
    public static async Task<Results<Created<ConversionResponse>, ProblemHttpResult, ValidationProblem>> Convert(
        ConversionRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var problem = new FieldErrors().Id(body.QuoteId, "quoteId").Id(body.FromWalletId, "fromWalletId").Id(body.ToWalletId, "toWalletId")
            .Authorisation(body.Pin, body.DeviceSignature).Problem;
        if ((keyProblem ?? problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var receipt = await MovementResults.GrainFor<IConversionGrain>(grains, Workflow.Conversion, customerId, request!).Convert(new ConversionOrder(
            customerId, request!.Fingerprint, body.QuoteId!, body.FromWalletId!, body.ToWalletId!, DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request.Key)));
        MovementResults.MarkReplay(context, receipt);
        return receipt.Status switch
        {
            MovementStatus.Completed => TypedResults.Created($"/v1/fx/conversions/{receipt.MovementId}", ConversionResponse.Of(receipt)),
            MovementStatus.Refused => MovementResults.Refusal(receipt),
            MovementStatus.HeldForReview or MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.AwaitingApproval => throw MovementResults.NeverEndsIn(receipt),
        };
    }

    /// <summary>A conversion the caller made.</summary>
    /// <param name="id">The conversion (<c>cv_…</c>).</param>
    public static async Task<Ok<ConversionResponse>> GetConversion(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var receipt = MovementIds.WorkflowOf(id) == Workflow.Conversion ? await grains.GetGrain<IConversionGrain>(id).Find(user.CustomerId()) : null;
        return TypedResults.Ok(ConversionResponse.Of(receipt ?? throw WalletRefusedException.NotFound("The conversion")));
    }

    /// <summary>The caller's annual quota for buying foreign currency with CNY, this bank year: all of it, used, left.</summary>
    public static async Task<Ok<FxQuotaResponse>> Quota(ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(FxQuotaResponse.Of(await grains.GetGrain<IFxDeskGrain>(0).Quota(user.CustomerId())));
}
