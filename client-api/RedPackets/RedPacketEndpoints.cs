using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.Movements;
using Wallet.RedPackets;
using Wallet.Refusals;

namespace Wallet.ClientApi.RedPackets;

/// <summary>Red packets (红包): send one to a customer or a family, see it, claim a share.</summary>
public static class RedPacketEndpoints
{
    public static IEndpointRouteBuilder MapRedPackets(this IEndpointRouteBuilder routes)
    {
        var packets = routes.MapGroup("/v1/red-packets").WithTags("Red packets").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        packets.MapPost("", Send).WithName("SendRedPacket").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyOut)
            .MayRefuse(RefusalCodes.RecipientNotFound, RefusalCodes.OwnRedPacket, RefusalCodes.InvalidText).WithIdempotencyKey(required: true)
            .RequireRateLimiting(RateLimitSetup.Money);
        packets.MapGet("/{id}", Get).WithName("GetRedPacket");
        packets.MapPost("/{id}/claims", Claim).WithName("ClaimRedPacket").MayRefuse(CommonRefusals.MoneyIn).MayRefuse(CommonRefusals.WalletStatus)
            .MayRefuse(RefusalCodes.RedPacketEmpty, RefusalCodes.RedPacketExpired, RefusalCodes.OwnRedPacket, RefusalCodes.RecipientNotFound)
            .RequireRateLimiting(RateLimitSetup.Money);
        return routes;
    }

    /// <summary>
    /// Sends a red packet with the payment PIN or a device signature: in one transaction the wallet pays the total, which the
    /// bank holds for the packet's claimants, and the shares are decided (a random split too). 201 with the packet; a refusal
    /// moves nothing. What nobody claims within 24 hours goes back to the wallet.
    /// </summary>
    public static async Task<Results<Created<RedPacketResponse>, ProblemHttpResult, ValidationProblem>> Send(
        RedPacketRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, PhoneProbeBudget probes)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var shares = body.Shares ?? 1;
        var problem = new FieldErrors()
            .Id(body.FromWalletId, "fromWalletId")
            .Check((body.Recipient is null) != (body.FamilyId is null), "recipient", "Name either recipient (a customer) or familyId (a family), not both.")
            .Check(body.Recipient is null || (body.Recipient.CustomerId is null) != (body.Recipient.Phone is null), "recipient", "Name either recipient.customerId or recipient.phone.")
            .Id(body.Recipient?.CustomerId, "recipient.customerId", required: false)
            .Check(body.Recipient?.Phone is null || Phones.Normalize(body.Recipient.Phone) is not null, "recipient.phone", "Use a mobile number such as +8613800138000.")
            .Id(body.FamilyId, "familyId", required: false)
            .Check(shares >= 1, "shares", "A red packet has one share at least.")
            .Check(body.FamilyId is not null || shares == 1, "shares", "A one-to-one red packet has one share.")
            .Amount(body.Amount).Currency(body.Currency)
            .Check(body.Split != RedPacketSplit.Random || body.Amount is not { } total || total >= shares, "amount", "A random split gives every share one minor unit at least.")
            .Text(body.Message, "message", RedPacketMessages.MaxLength, required: false)
            .Authorisation(body.Pin, body.DeviceSignature)
            .Problem;
        if ((keyProblem ?? problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var order = new RedPacketOrder(customerId, request!.Fingerprint, body.FromWalletId!, body.Recipient?.CustomerId, Phones.Normalize(body.Recipient?.Phone), body.FamilyId, shares,
            body.Split ?? RedPacketSplit.Fixed, body.Amount!.Value, body.Currency!, body.Message ?? RedPacketMessages.Default,
            DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request.Key));
        // Only a packet to a phone can be told there is no such customer; only that answer spends the probe budget.
        var (sent, withheld) = await probes.Ask(context, () => MovementResults.GrainFor<IRedPacketGrain>(grains, Workflow.RedPacket, customerId, request).Send(order),
            body.Recipient?.Phone is null ? [] : [RefusalCodes.RecipientNotFound]);
        if (withheld is not null)
        {
            return withheld;
        }
        var packet = sent!.Packet;
        MovementResults.MarkReplay(context, packet);
        return packet.Status switch
        {
            MovementStatus.Completed => TypedResults.Created($"/v1/red-packets/{packet.MovementId}", RedPacketResponse.Of(sent)),
            MovementStatus.Refused => MovementResults.Refusal(packet),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.HeldForReview or MovementStatus.AwaitingApproval => throw MovementResults.NeverEndsIn(packet),
        };
    }

    /// <summary>A red packet the caller sent (every claim) or may claim (their own share); anyone else is told it does not exist.</summary>
    /// <param name="id">The red packet (<c>rp_…</c>).</param>
    public static async Task<Ok<RedPacketResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var found = MovementIds.WorkflowOf(id) == Workflow.RedPacket ? await grains.GetGrain<IRedPacketGrain>(id).Find(user.CustomerId()) : null;
        return TypedResults.Ok(RedPacketResponse.Of(found ?? throw WalletRefusedException.NotFound("The red packet")));
    }

    /// <summary>
    /// Claims a share of a red packet into the caller's wallet in its currency. A customer claims a packet once: 201 with the
    /// share the first time, 200 with the same share after (no Idempotency-Key needed). An empty packet is 409
    /// <c>red_packet_empty</c>, an expired one 410 <c>red_packet_expired</c>; one the caller may not claim is not found.
    /// </summary>
    /// <param name="id">The red packet (<c>rp_…</c>).</param>
    public static async Task<Results<Created<RedPacketClaimResponse>, Ok<RedPacketClaimResponse>, ProblemHttpResult, ValidationProblem>> Claim(
        string id, RedPacketClaimRequest? body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Id(body?.WalletId, "walletId", required: false).Problem is { } invalid)
        {
            return invalid;
        }
        if (MovementIds.WorkflowOf(id) != Workflow.RedPacket)
        {
            throw WalletRefusedException.NotFound("The red packet");
        }
        var customerId = user.CustomerId();
        var claim = await grains.GetGrain<IRedPacketClaimGrain>(MovementIds.For(Workflow.RedPacketClaim, customerId, id)).Claim(new RedPacketClaimOrder(customerId, id, body?.WalletId));
        MovementResults.MarkReplay(context, claim);
        return claim.Status switch
        {
            MovementStatus.Completed when claim.Replayed => TypedResults.Ok(RedPacketClaimResponse.Of(claim)),
            MovementStatus.Completed => TypedResults.Created($"/v1/red-packets/{id}", RedPacketClaimResponse.Of(claim)),
            MovementStatus.Refused => MovementResults.Refusal(claim),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.HeldForReview or MovementStatus.AwaitingApproval => throw MovementResults.NeverEndsIn(claim),
        };
    }
}
