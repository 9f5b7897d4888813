using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Http;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.ClientApi.Wallets;

/// <summary>A wallet's auto top-up: a bound card covers a payment the wallet lacks the money for, up to a cap a day.</summary>
public static class AutoTopUpEndpoints
{
    public static IEndpointRouteBuilder MapAutoTopUp(this IEndpointRouteBuilder routes)
    {
        var autoTopUp = routes.MapGroup("/v1/wallets/{id}/auto-top-up").WithTags("Wallets").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        autoTopUp.MapPut("", Set).WithName("SetAutoTopUp").MayRefuse(RefusalCodes.NotForSubWallet, RefusalCodes.CardNotActive);
        autoTopUp.MapGet("", Get).WithName("GetAutoTopUp");
        autoTopUp.MapDelete("", Remove).WithName("RemoveAutoTopUp");
        return routes;
    }

    /// <summary>Sets or replaces it: from then on a QR payment the wallet lacks the money for tops up from the card first, then pays.</summary>
    /// <param name="id">The wallet (<c>wal_…</c>), one of the caller's own (not a sub-wallet).</param>
    public static async Task<Results<Ok<AutoTopUpSettingResponse>, ValidationProblem>> Set(string id, AutoTopUpRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var problem = new FieldErrors().Id(body.CardId, "cardId").Amount(body.DailyCap, "dailyCap")
            .Check(body.RoundTo is null || Money.Amounts.IsValidMovement(body.RoundTo.Value), "roundTo", $"An amount is 1 to {Money.Amounts.Max} minor units.")
            .Check(body.RoundTo is null || body.DailyCap is null || body.RoundTo <= body.DailyCap, "roundTo", "Round to an amount the daily cap can hold.").Problem;
        if (problem is { } invalid)
        {
            return invalid;
        }
        var set = await grains.GetGrain<IAutoTopUpGrain>(id).Set(user.CustomerId(), new AutoTopUpSettings(body.CardId!, body.DailyCap!.Value, body.RoundTo));
        return TypedResults.Ok(AutoTopUpSettingResponse.Of(set));
    }

    /// <param name="id">The wallet (<c>wal_…</c>), one of the caller's; 404 when it has no auto top-up.</param>
    public static async Task<Ok<AutoTopUpSettingResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => await grains.GetGrain<IAutoTopUpGrain>(id).Find(user.CustomerId()) is { } set
            ? TypedResults.Ok(AutoTopUpSettingResponse.Of(set))
            : throw WalletRefusedException.NotFound("The auto top-up");

    /// <summary>Payments no longer top up; what was topped up stays in the wallet.</summary>
    /// <param name="id">The wallet (<c>wal_…</c>), one of the caller's.</param>
    public static async Task<NoContent> Remove(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IAutoTopUpGrain>(id).Remove(user.CustomerId());
        return TypedResults.NoContent();
    }
}

/// <summary>A wallet's auto top-up.</summary>
/// <param name="CardId">The bound, verified card that tops up (<c>card_…</c>), one of the caller's.</param>
/// <param name="DailyCap">The most it may top up in a bank day (Asia/Shanghai), an integer in minor units of the wallet's currency.</param>
/// <param name="RoundTo">Top up the shortfall rounded up to a multiple of this (such as 5000 for ¥50) while the cap has room, or just the shortfall when left out.</param>
public sealed record AutoTopUpRequest([property: RequiredField] string? CardId, [property: RequiredField] long? DailyCap, long? RoundTo);

/// <summary>The top-up a payment made first to cover what the wallet lacked.</summary>
/// <param name="TopUpId">The top-up (<c>tu_…</c>); its id is made from the payment's, so the payment's retries top up once.</param>
/// <param name="Amount">What the card topped up, an integer in minor units of the currency.</param>
/// <param name="Currency">ISO 4217 code of the amount: the wallet's.</param>
public sealed record AutoTopUpResponse(string TopUpId, long Amount, string Currency);

/// <summary>A wallet's auto top-up and what it topped up today.</summary>
/// <param name="WalletId">The wallet (<c>wal_…</c>).</param>
/// <param name="CardId">The card that tops up (<c>card_…</c>).</param>
/// <param name="DailyCap">The most it may top up in a bank day, in minor units.</param>
/// <param name="RoundTo">The round amount it tops up by, or null for just the shortfall.</param>
/// <param name="Day">The bank day <c>usedToday</c> counts, ISO 8601 date in Asia/Shanghai.</param>
/// <param name="UsedToday">What it has topped up that day, in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amounts: the wallet's.</param>
public sealed record AutoTopUpSettingResponse(string WalletId, string CardId, long DailyCap, long? RoundTo, DateOnly Day, long UsedToday, string Currency)
{
    public static AutoTopUpSettingResponse Of(AutoTopUpView v) => new(v.WalletId, v.Settings.CardId, v.Settings.DailyCap, v.Settings.RoundTo, v.Day, v.UsedToday, v.Currency);
}
