using Wallet.ClientApi.Contract;
using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Identity;
using Wallet.Merchants;

namespace Wallet.ClientApi.Merchants;

/// <summary>Operators onboard merchants and rotate their secrets; merchants call with signed requests.</summary>
public static class MerchantsEndpoints
{
    public static IEndpointRouteBuilder MapMerchants(this IEndpointRouteBuilder routes)
    {
        var operators = routes.MapGroup("/v1/merchants").WithTags("Merchants").RequireAuthorization(AuthSetup.OperatorPolicy).AddEndpointFilter<WellFormedIdFilter>();
        operators.MapPost("", Onboard).WithName("OnboardMerchant").WithIdempotencyKey(required: false);
        operators.MapPost("/{id}/credentials", RotateSecret).WithName("RotateMerchantSecret");

        var merchant = routes.MapGroup("/v1/merchant").WithTags("Merchants").RequireAuthorization(AuthSetup.MerchantPolicy);
        merchant.MapGet("/me", GetMe).WithName("GetMerchant");
        merchant.MapPost("/settlements", Settle).WithName("SettleMerchant");
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
        if ((errors.Problem ?? keyProblem) is { } invalid)
        {
            return invalid;
        }
        var merchantId = Ids.ForIdempotencyKey("mch", user.CustomerId(), request!.Key);
        var onboarded = await grains.GetGrain<IMerchantGrain>(merchantId)
            .Onboard(new MerchantApplication(body.Name!.Trim(), body.Category!, body.City!.Trim(), body.SettlementCard?.CardNumber, body.SettlementCard?.HolderName,
                body.NameLatin?.Trim(), body.CityLatin?.Trim()), request);
        return TypedResults.Created($"/v1/ops/merchants/{merchantId}", MerchantCreatedResponse.From(onboarded));
    }

    public static async Task<Ok<MerchantCreatedResponse>> RotateSecret(string id, IGrainFactory grains)
        => TypedResults.Ok(MerchantCreatedResponse.From(await grains.GetGrain<IMerchantGrain>(id).RotateSecret()));

    /// <summary>Sweeps the settlement wallet to the merchant's bank card now, less the fee, and reports it.</summary>
    public static async Task<Created<SettlementReport>> Settle(ClaimsPrincipal merchant, IGrainFactory grains)
    {
        var report = await grains.GetGrain<IMerchantGrain>(merchant.CustomerId()).Settle();
        return TypedResults.Created($"/v1/merchant/settlements/{report.SettlementId}", report);
    }

    public static async Task<Ok<Page<SettlementReport>>> ListSettlements(ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(new Page<SettlementReport>(await grains.GetGrain<IMerchantGrain>(merchant.CustomerId()).ListSettlements(), null));

    public static async Task<Ok<MerchantResponse>> GetMe(ClaimsPrincipal merchant, IGrainFactory grains)
        => TypedResults.Ok(MerchantResponse.From(await grains.GetGrain<IMerchantGrain>(merchant.CustomerId()).GetView()));
}

/// <summary>
/// <see cref="NameLatin"/> and <see cref="CityLatin"/>: the name and city in printable ASCII, required where
/// those given are not (the QR code carries them in tags 59 and 60, the others in its language template).
/// </summary>
public sealed record MerchantRequest(string? Name, string? Category, string? City, SettlementCardRequest? SettlementCard,
    string? NameLatin = null, string? CityLatin = null);

/// <summary>The bank card settlements are paid to.</summary>
public sealed record SettlementCardRequest(string? CardNumber, string? HolderName);

/// <summary>The merchant's credentials: the secret appears here and nowhere else.</summary>
public sealed record MerchantCreatedResponse(string MerchantId, string Secret, string SettlementWalletId)
{
    public static MerchantCreatedResponse From(MerchantOnboarded onboarded) => new(onboarded.MerchantId, onboarded.Secret, onboarded.SettlementWalletId);
}

public sealed record MerchantResponse(string MerchantId, string Name, string Category, string City, string SettlementWalletId, long Balance, DateTimeOffset OnboardedAt)
{
    public static MerchantResponse From(MerchantView view)
        => new(view.MerchantId, view.Name, view.Category, view.City, view.SettlementWalletId, view.Balance, view.OnboardedAt);
}
