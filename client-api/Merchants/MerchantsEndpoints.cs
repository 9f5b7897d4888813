using Wallet.ClientApi.Contract;
using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Identity;
using Wallet.Merchants;
using Wallet.Refusals;

namespace Wallet.ClientApi.Merchants;

/// <summary>Operators onboard merchants and rotate their secrets; merchants call with signed requests.</summary>
public static class MerchantsEndpoints
{
    public static IEndpointRouteBuilder MapMerchants(this IEndpointRouteBuilder routes)
    {
        var operators = routes.MapGroup("/v1/merchants").WithTags("Merchants").RequireAuthorization(AuthSetup.OperatorPolicy).AddEndpointFilter<WellFormedIdFilter>();
        operators.MapPost("", Onboard).WithName("OnboardMerchant").MayRefuse(RefusalCodes.InvalidText, RefusalCodes.CardDeclined, RefusalCodes.IntegrationUnavailable, RefusalCodes.CurrencyNotSupported).WithIdempotencyKey(required: false);
        operators.MapPost("/{id}/credentials", RotateSecret).WithName("RotateMerchantSecret");

        var merchant = routes.MapGroup("/v1/merchant").WithTags("Merchants").RequireAuthorization(AuthSetup.MerchantPolicy);
        merchant.MapGet("/me", GetMe).WithName("GetMerchant");
        merchant.MapPost("/settlements", Settle).WithName("SettleMerchant").MayRefuse(CommonRefusals.Spending)
            .MayRefuse(RefusalCodes.NoSettlementCard, RefusalCodes.PayoutPending, RefusalCodes.NothingToSettle);
        merchant.MapGet("/settlements", ListSettlements).WithName("ListSettlements");
        return routes;
    }

    /// <summary>Onboards a merchant: a settlement wallet and an API secret, shown in this answer only (and its replays).</summary>
    public static async Task<Results<Created<MerchantCreatedResponse>, ValidationProblem>> Onboard(
        MerchantRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: false);
        var errors = new FieldErrors()
            .Text(body.Name?.Trim(), "name", MerchantNames.NameLength)
            .Check(MerchantCategories.IsValid(body.Category), "category", "A merchant category code (MCC) is 4 digits.")
            .Text(body.City?.Trim(), "city", MerchantNames.CityLength)
            .Text(body.NameLatin?.Trim(), "nameLatin", MerchantNames.NameLength, required: MerchantNames.NeedsLatin(body.Name?.Trim()))
            .Text(body.CityLatin?.Trim(), "cityLatin", MerchantNames.CityLength, required: MerchantNames.NeedsLatin(body.City?.Trim()))
            .Check(body.NameLatin is null || MerchantNames.IsLatin(body.NameLatin.Trim(), MerchantNames.NameLength), "nameLatin",
                "The name in printable ASCII (the QR code's tag 59 allows nothing else).")
            .Check(body.CityLatin is null || MerchantNames.IsLatin(body.CityLatin.Trim(), MerchantNames.CityLength), "cityLatin",
                "The city in printable ASCII (the QR code's tag 60 allows nothing else).")
            .Check(body.SettlementCard is null || Wallet.Cards.CardNumbers.IsValid(body.SettlementCard.CardNumber), "settlementCard.cardNumber", "A card number passes the Luhn check.")
            .Text(body.SettlementCard?.HolderName, "settlementCard.holderName", 50, required: body.SettlementCard is not null);
        if (body.Currency is not null)
        {
            errors.Currency(body.Currency);
        }
        if ((errors.Problem ?? keyProblem) is { } invalid)
        {
            return invalid;
        }
        var merchantId = Ids.ForIdempotencyKey(IdPrefixes.Merchant, user.CustomerId(), request!.Key);
        var (onboarded, replayed) = await grains.GetGrain<IMerchantGrain>(merchantId)
            .Onboard(new MerchantApplication(body.Name!.Trim(), body.Category!, body.City!.Trim(), body.SettlementCard?.CardNumber, body.SettlementCard?.HolderName,
                body.NameLatin?.Trim(), body.CityLatin?.Trim(), body.Currency), request);
        IdempotencyKeys.MarkReplay(context, replayed);
        return TypedResults.Created($"/v1/ops/merchants/{merchantId}", MerchantCreatedResponse.From(onboarded));
    }

    /// <param name="id">The merchant's id (<c>mch_…</c>).</param>
    public static async Task<Ok<MerchantCreatedResponse>> RotateSecret(string id, IGrainFactory grains)
        => TypedResults.Ok(MerchantCreatedResponse.From(await grains.GetGrain<IMerchantGrain>(id).RotateSecret()));

    /// <summary>Sweeps the settlement wallet to the merchant's bank card now, less the fee, and reports it.</summary>
    public static async Task<Created<SettlementReport>> Settle(ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var report = await grains.GetGrain<IMerchantSettlementGrain>(merchant.CustomerId()).Settle();
        return TypedResults.Created($"/v1/merchant/settlements/{report.SettlementId}", report);
    }

    public static async Task<Ok<Page<SettlementReport>>> ListSettlements(ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(new Page<SettlementReport>(await grains.GetGrain<IMerchantSettlementGrain>(merchant.CustomerId()).ListSettlements(), null));

    public static async Task<Ok<MerchantResponse>> GetMe(ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(MerchantResponse.From(await grains.GetGrain<IMerchantGrain>(merchant.CustomerId()).GetView()));
}

/// <summary>
/// <see cref="NameLatin"/> and <see cref="CityLatin"/>: the name and city in printable ASCII, required where
/// those given are not (the QR code carries them in tags 59 and 60, the others in its language template).
/// </summary>
/// <param name="Name">The merchant's name as customers see it, 1 to 25 characters.</param>
/// <param name="Category">The merchant category code (MCC), 4 digits.</param>
/// <param name="City">The merchant's city, 1 to 15 characters.</param>
/// <param name="SettlementCard">The bank card settlements are paid to; without one, settling is refused and the balance stays in the settlement wallet.</param>
/// <param name="NameLatin">The name in printable ASCII; required when <c>name</c> is not.</param>
/// <param name="CityLatin">The city in printable ASCII; required when <c>city</c> is not.</param>
/// <param name="Currency">ISO 4217 code the merchant is paid and settled in (its settlement wallet, QR codes, charges, campaigns, refunds and settlements); left out, the bank's home currency (CNY); one without a reference rate is refused <c>currency_not_supported</c>.</param>
public sealed record MerchantRequest([property: RequiredField] string? Name, [property: RequiredField] string? Category, [property: RequiredField] string? City, SettlementCardRequest? SettlementCard,
    string? NameLatin = null, string? CityLatin = null, string? Currency = null);

/// <summary>The bank card settlements are paid to.</summary>
/// <param name="CardNumber">The card number, digits only (it must pass the Luhn check).</param>
/// <param name="HolderName">The name on the card, 1 to 50 characters.</param>
public sealed record SettlementCardRequest([property: RequiredField] string? CardNumber, [property: RequiredField] string? HolderName);

/// <summary>The merchant's credentials: the secret appears here and nowhere else.</summary>
/// <param name="MerchantId">The merchant's id (<c>mch_…</c>), sent as <c>X-Merchant-Id</c>.</param>
/// <param name="Secret">The key for signing requests (HMAC-SHA256); shown only here and on rotation.</param>
/// <param name="SettlementWalletId">The wallet payments to the merchant go into (<c>wal_…</c>).</param>
public sealed record MerchantCreatedResponse(string MerchantId, string Secret, string SettlementWalletId)
{
    public static MerchantCreatedResponse From(MerchantOnboarded onboarded) => new(onboarded.MerchantId, onboarded.Secret, onboarded.SettlementWalletId);
}

/// <summary>A merchant's profile and settlement balance.</summary>
/// <param name="MerchantId">The merchant's id (<c>mch_…</c>).</param>
/// <param name="Name">The name customers see.</param>
/// <param name="Category">The merchant category code (MCC), 4 digits.</param>
/// <param name="City">The merchant's city.</param>
/// <param name="SettlementWalletId">The wallet payments go into (<c>wal_…</c>).</param>
/// <param name="Balance">What the settlement wallet holds, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Currency">ISO 4217 code of the balance: the merchant's currency, chosen at onboarding (the bank's home currency, CNY, unless another was asked for).</param>
/// <param name="OnboardedAt">When the bank onboarded the merchant, UTC, ISO 8601.</param>
public sealed record MerchantResponse(string MerchantId, string Name, string Category, string City, string SettlementWalletId, long Balance, string Currency, DateTimeOffset OnboardedAt)
{
    public static MerchantResponse From(MerchantView view)
        => new(view.MerchantId, view.Name, view.Category, view.City, view.SettlementWalletId, view.Balance, view.Currency, view.OnboardedAt);
}
