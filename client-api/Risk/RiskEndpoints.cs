using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.ClientApi.Wallets;
using Wallet.Customers;
using Wallet.Refusals;
using Wallet.Risk;

namespace Wallet.ClientApi.Risk;

/// <summary>
/// Operators' side of risk monitoring: the alerts across customers, closing one after a look, and a
/// customer's standing with the unfreeze that lifts whatever restriction they are under.
/// </summary>
public static class RiskEndpoints
{
    public static IEndpointRouteBuilder MapRisk(this IEndpointRouteBuilder routes)
    {
        var risk = routes.MapGroup("/v1/ops/risk").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy).AddEndpointFilter<WellFormedIdFilter>();
        risk.MapGet("/alerts", ListAlerts).WithName("ListRiskAlerts");
        risk.MapPost("/alerts/{id}/review", ReviewAlert).WithName("ReviewRiskAlert").MayRefuse(RefusalCodes.InvalidText);
        risk.MapGet("/customers/{id}", GetStanding).WithName("GetRiskStanding");
        risk.MapPost("/customers/{id}/unfreeze", Unfreeze).WithName("UnfreezeRiskCustomer").MayRefuse(RefusalCodes.InvalidText);
        risk.MapPost("/movements/{id}/release", Release).WithName("ReleaseHeldMovement").MayRefuse(RefusalCodes.NotPending, RefusalCodes.MovementInDoubt);
        risk.MapPost("/movements/{id}/reject", Reject).WithName("RejectHeldMovement").MayRefuse(RefusalCodes.InvalidText, RefusalCodes.NotPending, RefusalCodes.MovementInDoubt);
        return routes;
    }

    /// <summary>Newest first; <c>status=open</c> for those nobody has reviewed yet.</summary>
    /// <param name="status"><c>open</c> for alerts nobody has reviewed yet; <c>all</c> (or left out) for every alert.</param>
    public static async Task<Results<Ok<Page<RiskAlertResponse>>, ValidationProblem>> ListAlerts(IGrainFactory grains, string? status, [AsParameters] PageRequest page)
    {
        var errors = new FieldErrors()
            .Check(status is null or "open" or "all", "status", "Use open or all.")
            .TextPage(page, out var pageSize, out var after);
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var alerts = await RiskAlertLists.List(grains, status == "open", after, pageSize);
        return TypedResults.Ok(new Page<RiskAlertResponse>([.. alerts.Items.Select(RiskAlertResponse.From)], alerts.NextCursor is { } next ? Paging.TextCursor(next) : null));
    }

    /// <summary>Closes an alert after a look (with an optional note); the customer's restriction stays until an unfreeze.</summary>
    /// <param name="id">The alert's id (<c>rsk_…</c>).</param>
    public static async Task<Results<Ok<RiskAlertResponse>, ValidationProblem>> ReviewAlert(string id, RiskReviewRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Note(body) is { } invalid)
        {
            return invalid;
        }
        var alert = await RiskAlertLists.Find(grains, id) ?? throw WalletRefusedException.NotFound("The alert");
        var reviewed = await grains.GetGrain<IRiskMonitorGrain>(alert.CustomerId).Review(id, user.CustomerId(), body?.Note)
            ?? throw WalletRefusedException.NotFound("The alert");
        return TypedResults.Ok(RiskAlertResponse.From(reviewed));
    }

    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    public static async Task<Ok<RiskStandingResponse>> GetStanding(string id, IGrainFactory grains)
    {
        await RequireCustomer(grains, id);
        return TypedResults.Ok(RiskStandingResponse.From(await grains.GetGrain<IRiskMonitorGrain>(id).GetStanding()));
    }

    /// <summary>Lifts the customer's restriction, whatever it is, and closes their open alerts: money moves again from the commit.</summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    public static async Task<Results<Ok<RiskStandingResponse>, ValidationProblem>> Unfreeze(string id, RiskReviewRequest? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (Note(body) is { } invalid)
        {
            return invalid;
        }
        await RequireCustomer(grains, id);
        return TypedResults.Ok(RiskStandingResponse.From(await grains.GetGrain<IRiskMonitorGrain>(id).Lift(user.CustomerId(), body?.Note)));
    }

    /// <summary>Lets a movement held for review go: it is carried out now (and may still be refused, say for want of funds).</summary>
    /// <param name="id">The held movement's id (<c>tr_…</c>, <c>py_…</c> or <c>wd_…</c>).</param>
    public static async Task<Ok<HeldMovementResponse>> Release(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(HeldMovementResponse.Of(await Held(grains, id).Release(user.CustomerId())));

    /// <summary>Refuses a movement held for review: the money held for it is the customer's to spend again.</summary>
    /// <param name="id">The held movement's id (<c>tr_…</c>, <c>py_…</c> or <c>wd_…</c>).</param>
    public static async Task<Results<Ok<HeldMovementResponse>, ValidationProblem>> Reject(string id, RiskReviewRequest? body, ClaimsPrincipal user, IGrainFactory grains)
        => Note(body) is { } invalid ? invalid
            : TypedResults.Ok(HeldMovementResponse.Of(await Held(grains, id).Reject(user.CustomerId(), body?.Note)));

    private static Wallet.Movements.IReviewableMovementGrain Held(IGrainFactory grains, string id)
        => Wallet.Movements.MovementIds.Reviewable(grains, id) ?? throw WalletRefusedException.NotFound("The movement");

    private static ValidationProblem? Note(RiskReviewRequest? body)
        => new FieldErrors().Text(body?.Note is { Length: > 0 } note ? note : null, "note", 500, required: false).Problem;

    /// <summary>Only customers are watched: anything else (a merchant's id, an unknown one) is not found rather than a monitor made up for it.</summary>
    private static async Task RequireCustomer(IGrainFactory grains, string id)
    {
        if (!Identity.Ids.IsCustomer(id))
        {
            throw WalletRefusedException.NotFound("The customer");
        }
        await grains.GetGrain<ICustomerGrain>(id).GetProfile(); // not found for one that never was, or closed
    }
}

/// <summary>An operator's review of a risk alert.</summary>
/// <param name="Note">What the operator found, up to 500 characters, or left out.</param>
public sealed record RiskReviewRequest(string? Note);

/// <summary>A risk alert: which rule a customer's activity tripped, and what risk control did.</summary>
/// <param name="AlertId">The alert's id (<c>rsk_…</c>).</param>
/// <param name="CustomerId">The customer (<c>cus_…</c>).</param>
/// <param name="Rule">The rule tripped (see the RiskRule schema).</param>
/// <param name="Detail">What was seen, for the operator.</param>
/// <param name="Action">What risk control did: the restriction the alert put the customer under (see the Restriction schema).</param>
/// <param name="EventId">The event that tripped the rule (<c>evt_…</c>).</param>
/// <param name="EventAt">When that event happened, UTC, ISO 8601.</param>
/// <param name="RaisedAt">When the alert was raised, UTC, ISO 8601.</param>
/// <param name="Status"><c>open</c> until an operator reviews it, then <c>reviewed</c>.</param>
/// <param name="ReviewedAt">When it was reviewed, UTC, ISO 8601; null while open.</param>
/// <param name="ReviewedBy">The operator who reviewed it (<c>cus_…</c>); null while open.</param>
/// <param name="Note">The operator's note, or null.</param>
public sealed record RiskAlertResponse(
    string AlertId, string CustomerId, RiskRule Rule, string Detail, Restriction Action, string EventId, DateTimeOffset EventAt, DateTimeOffset RaisedAt,
    string Status, DateTimeOffset? ReviewedAt, string? ReviewedBy, string? Note)
{
    public static RiskAlertResponse From(RiskAlert a)
        => new(a.AlertId, a.CustomerId, a.Rule, a.Detail, a.Restriction, a.EventId, a.EventAt, a.RaisedAt, a.IsOpen ? "open" : "reviewed", a.ReviewedAt, a.ReviewedBy, a.Note);
}

/// <summary>Where a customer stands on the risk ladder, their latest alerts and the movements held for review.</summary>
/// <param name="CustomerId">The customer (<c>cus_…</c>).</param>
/// <param name="Restriction">The customer's restriction (see the Restriction schema); <c>none</c> when nothing is held.</param>
/// <param name="Alerts">The customer's latest alerts, newest first.</param>
/// <param name="Held">The customer's movements held for review, and what became of them.</param>
public sealed record RiskStandingResponse(string CustomerId, Restriction Restriction, IReadOnlyList<RiskAlertResponse> Alerts, IReadOnlyList<HeldMovementResponse> Held)
{
    public static RiskStandingResponse From(RiskStanding s)
        => new(s.CustomerId, s.Restriction, [.. s.Alerts.Select(RiskAlertResponse.From)], [.. s.Held.Select(HeldMovementResponse.Of)]);
}

/// <summary>A movement held for review, or what became of it: its status, and why it was refused.</summary>
/// <param name="MovementId">The movement's id (<c>tr_…</c>, <c>py_…</c> or <c>wd_…</c>).</param>
/// <param name="Kind">What kind of movement (see the MovementKind schema).</param>
/// <param name="Status"><c>held_for_review</c> while held, <c>completed</c> once released and carried out, <c>refused</c> once rejected or refused.</param>
/// <param name="From">Where the money comes from: the customer's wallet (<c>walletId</c>), or the card of a top-up (<c>cardId</c>).</param>
/// <param name="To">Where it goes: a wallet (<c>walletId</c>), a card (<c>cardId</c>) or a merchant (<c>merchantId</c>).</param>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Currency">ISO 4217 code of the amount: the sender's wallet's.</param>
/// <param name="CreatedAt">When the customer sent it, UTC, ISO 8601.</param>
/// <param name="RefusalCode">Why it was refused (a problem <c>code</c>), or null.</param>
/// <param name="ReviewedBy">The operator who released or rejected it (<c>cus_…</c>), or null.</param>
/// <param name="ReviewNote">The operator's note, or null.</param>
/// <param name="ReviewedAt">When it was released or rejected, UTC, ISO 8601; null while held.</param>
public sealed record HeldMovementResponse(string MovementId, Wallet.Wallets.MovementKind Kind, Wallet.Movements.MovementStatus Status, Party From, Party To,
    long Amount, string Currency, DateTimeOffset CreatedAt, string? RefusalCode, string? ReviewedBy, string? ReviewNote, DateTimeOffset? ReviewedAt)
{
    public static HeldMovementResponse Of(Wallet.Movements.ReviewableOutcome r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Kind, r.Status, from, to, r.SenderPays, r.SenderCurrency, r.CreatedAt, r.Refusal?.Code, r.Review?.OperatorId, r.Review?.Note, r.Review?.At);
    }
}
