using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Http;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.ClientApi.Products;

/// <summary>"Balance plus fund" (余额+余额宝): a wallet's payment short of money is covered from its owner's money-market fund first.</summary>
public static class FundCoverEndpoints
{
    public static IEndpointRouteBuilder MapFundCover(this IEndpointRouteBuilder routes)
    {
        var cover = routes.MapGroup("/v1/wallets/{id}/fund-cover").WithTags("Wealth and deposits").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        cover.MapPut("", Set).WithName("SetFundCover").MayRefuse(RefusalCodes.NotForSubWallet, RefusalCodes.CurrencyMismatch);
        cover.MapGet("", Get).WithName("GetFundCover");
        cover.MapDelete("", Remove).WithName("RemoveFundCover");
        return routes;
    }

    /// <summary>
    /// From then on a QR payment from the wallet that finds less available than it takes first redeems the shortfall from the fund
    /// into the wallet when the fund holds it, then pays; a shortfall the fund cannot cover whole is left to the auto top-up, if any.
    /// </summary>
    /// <param name="id">The wallet (<c>wal_…</c>), one of the caller's own (not a sub-wallet).</param>
    public static async Task<Results<Ok<FundCoverResponse>, ValidationProblem>> Set(string id, FundCoverRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Id(body.HoldingId, "holdingId").Problem is { } invalid)
        {
            return invalid;
        }
        var set = await grains.GetGrain<IAutoTopUpGrain>(id).SetFundCover(user.CustomerId(), body.HoldingId);
        return TypedResults.Ok(FundCoverResponse.Of(set!));
    }

    /// <param name="id">The wallet (<c>wal_…</c>), one of the caller's; 404 when no fund covers it.</param>
    public static async Task<Ok<FundCoverResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => await grains.GetGrain<IAutoTopUpGrain>(id).FindFundCover(user.CustomerId()) is { } set
            ? TypedResults.Ok(FundCoverResponse.Of(set))
            : throw WalletRefusedException.NotFound("The fund cover");

    /// <summary>Payments no longer redeem from the fund; what was redeemed stays in the wallet.</summary>
    /// <param name="id">The wallet (<c>wal_…</c>), one of the caller's.</param>
    public static async Task<NoContent> Remove(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IAutoTopUpGrain>(id).SetFundCover(user.CustomerId(), null);
        return TypedResults.NoContent();
    }
}

/// <summary>Which fund covers the wallet's payments.</summary>
/// <param name="HoldingId">The caller's holding of a money-market fund (<c>hld_…</c>), in the wallet's currency.</param>
public sealed record FundCoverRequest([property: RequiredField] string? HoldingId);

/// <summary>The fund that covers a wallet's payments short of money.</summary>
/// <param name="WalletId">The wallet (<c>wal_…</c>).</param>
/// <param name="HoldingId">The holding redeemed from first (<c>hld_…</c>).</param>
/// <param name="Currency">ISO 4217 code of the wallet and the holding.</param>
public sealed record FundCoverResponse(string WalletId, string HoldingId, string Currency)
{
    public static FundCoverResponse Of(FundCoverView v) => new(v.WalletId, v.HoldingId, v.Currency);
}

/// <summary>The redemption a payment made first from the owner's fund, to cover what the wallet lacked.</summary>
/// <param name="RedemptionId">The redemption (<c>pr_…</c>); its id is made from the payment's, so the payment's retries redeem once.</param>
/// <param name="Amount">What the fund paid into the wallet, an integer in minor units of the currency.</param>
/// <param name="Currency">ISO 4217 code of the amount: the wallet's.</param>
public sealed record FundCoverUsedResponse(string RedemptionId, long Amount, string Currency);
