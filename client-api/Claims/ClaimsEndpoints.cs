using System.Security.Claims;
using Wallet.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.ClientApi.Claims;

/// <summary>
/// A customer's claims that an outgoing movement was not theirs (unauthorised payments): opened from a wallet entry of the
/// last 60 days, listed and read by their customer only (anyone else is told they do not exist), and answered when the
/// bank asks a question.
/// </summary>
public static class ClaimsEndpoints
{
    public static IEndpointRouteBuilder MapClaims(this IEndpointRouteBuilder routes)
    {
        var claims = routes.MapGroup("/v1/claims").WithTags("Claims").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        claims.MapPost("", Open).WithName("OpenClaim").MayRefuse(RefusalCodes.NotFound, RefusalCodes.ClaimNotOutgoing, RefusalCodes.ClaimWindowPassed, RefusalCodes.InvalidText);
        claims.MapGet("", List).WithName("ListClaims");
        claims.MapGet("/{id}", Get).WithName("GetClaim");
        claims.MapPost("/{id}/answers", Answer).WithName("AnswerClaimQuestion").MayRefuse(RefusalCodes.ClaimAlreadyDecided, RefusalCodes.InvalidText);
        return routes;
    }

    /// <summary>
    /// Opens a claim on one outgoing entry of the caller's wallet from the last 60 days; the bank copies the evidence it holds
    /// now into the claim. 201 when opened; 200 with the claim already open on that entry (one claim per movement).
    /// </summary>
    public static async Task<Results<Created<ClaimResponse>, Ok<ClaimResponse>, ValidationProblem>> Open(
        ClaimRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var noticed = QueryValues.Time(body.NoticedAt, out var noticedOk);
        var errors = new FieldErrors()
            .Id(body.WalletId, "walletId")
            .Id(body.EntryId, "entryId")
            .Text(body.WhatHappened, "whatHappened", 1000)
            .Check(body.NoticedAt is not null && noticedOk, "noticedAt", "When you noticed the movement: an ISO 8601 time with an offset.")
            .Required(body.PinShared, "pinShared");
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        // Another customer's wallet or entry is the same 404 as one that does not exist.
        var sequence = EntryIds.SequenceIn(body.WalletId!, body.EntryId!) ?? throw WalletRefusedException.NotFound("The entry");
        var receipt = await grains.GetGrain<IWalletStatementGrain>(body.WalletId!).Receipt(customerId, sequence);
        var claimId = Identity.Ids.ForIdempotencyKey(Identity.IdPrefixes.Claim, customerId, body.EntryId!);
        var answer = await grains.GetGrain<IClaimGrain>(claimId).Open(new ClaimOpening(customerId, body.WalletId!, body.EntryId!, receipt.Entry,
            body.WhatHappened!, noticed!.Value, body.PinShared!.Value));
        IdempotencyKeys.MarkReplay(context, answer.Replayed);
        var response = ClaimResponse.Of(answer.Claim);
        return answer.Replayed ? TypedResults.Ok(response) : TypedResults.Created($"/v1/claims/{claimId}", response);
    }

    /// <summary>The caller's claims, newest first.</summary>
    public static async Task<Ok<Page<ClaimResponse>>> List(ClaimsPrincipal user, IGrainFactory grains)
    {
        var customerId = user.CustomerId();
        var ids = await grains.GetGrain<ICustomerClaimsGrain>(customerId).List();
        var views = await Task.WhenAll(ids.Select(id => grains.GetGrain<IClaimGrain>(id).Find(customerId)));
        return TypedResults.Ok(new Page<ClaimResponse>([.. views.OfType<ClaimView>().Select(ClaimResponse.Of)], null));
    }

    /// <param name="id">The claim's id (<c>clm_…</c>), one of the caller's.</param>
    public static async Task<Ok<ClaimResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(ClaimResponse.Of(await Own(grains, id, user.CustomerId())));

    /// <summary>Answers the bank's question on the claim (see the inbox); the claim goes back to the operators.</summary>
    /// <param name="id">The claim's id (<c>clm_…</c>), one of the caller's.</param>
    public static async Task<Results<Ok<ClaimResponse>, ValidationProblem>> Answer(string id, ClaimTextRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Text(body.Text, "text", 1000).Problem is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        await Own(grains, id, customerId);
        return TypedResults.Ok(ClaimResponse.Of(await grains.GetGrain<IClaimGrain>(id).Answer(customerId, body.Text!)));
    }

    private static async Task<ClaimView> Own(IGrainFactory grains, string id, string customerId)
        => (id.StartsWith(Identity.IdPrefixes.Claim + "_", StringComparison.Ordinal) ? await grains.GetGrain<IClaimGrain>(id).Find(customerId) : null)
            ?? throw WalletRefusedException.NotFound("The claim");
}
