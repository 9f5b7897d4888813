using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Customers;
using Wallet.Families;
using Wallet.Refusals;

namespace Wallet.ClientApi.Families;

/// <summary>Family groups: who is in them, in which role, and the invitations that bring people in.</summary>
public static class FamiliesEndpoints
{
    private const int NameLength = 40;

    public static IEndpointRouteBuilder MapFamilies(this IEndpointRouteBuilder routes)
    {
        var families = routes.MapGroup("/v1/families").WithTags("Families").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        families.MapPost("", Create).WithName("CreateFamily").MayRefuse(RefusalCodes.InvalidText, RefusalCodes.IdempotencyKeyReused).WithIdempotencyKey(required: false);
        families.MapGet("", List).WithName("ListFamilies");
        families.MapGet("/{id}", Get).WithName("GetFamily");
        families.MapPost("/{id}/invitations", Invite).WithName("InviteToFamily")
            .MayRefuse(RefusalCodes.RecipientNotFound, RefusalCodes.AlreadyInFamily, RefusalCodes.FamilyFull, RefusalCodes.FamilyRoleRequired, Problems.TooManyRequests);
        families.MapDelete("/{id}/invitations/{invitationId}", Withdraw).WithName("WithdrawFamilyInvitation").MayRefuse(RefusalCodes.NotPending, RefusalCodes.InvitationExpired);
        families.MapPost("/{id}/invitations/{invitationId}/accept", Accept).WithName("AcceptFamilyInvitation").MayRefuse(RefusalCodes.NotPending, RefusalCodes.InvitationExpired);
        families.MapPost("/{id}/invitations/{invitationId}/decline", Decline).WithName("DeclineFamilyInvitation").MayRefuse(RefusalCodes.NotPending, RefusalCodes.InvitationExpired);
        families.MapPost("/{id}/leave", Leave).WithName("LeaveFamily").MayRefuse(RefusalCodes.OwnerCannotLeave);
        families.MapDelete("/{id}/members/{customerId}", Remove).WithName("RemoveFamilyMember").MayRefuse(RefusalCodes.FamilyRoleRequired);
        routes.MapGroup("/v1/family-invitations").WithTags("Families").RequireAuthorization().MapGet("", ListInvitations).WithName("ListFamilyInvitations");
        return routes;
    }

    /// <summary>201 with the new family, kept by the caller; the same request again (same <c>Idempotency-Key</c>) answers it again.</summary>
    public static async Task<Results<Created<FamilyResponse>, ValidationProblem>> Create(CreateFamilyRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: false);
        if ((keyProblem ?? new FieldErrors().Text(body.Name, "name", NameLength).Problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var familyId = Identity.Ids.ForIdempotencyKey(Identity.IdPrefixes.Family, customerId, request!.Key);
        var created = await grains.GetGrain<IFamilyGrain>(familyId).Create(customerId, body.Name!.Trim(), request);
        IdempotencyKeys.MarkReplay(context, created.Replayed);
        return TypedResults.Created($"/v1/families/{familyId}", FamilyResponse.Of(created.Value));
    }

    /// <summary>The families the caller belongs to, in the order they joined them.</summary>
    public static async Task<Ok<Page<FamilyResponse>>> List(ClaimsPrincipal user, IGrainFactory grains)
    {
        var customerId = user.CustomerId();
        var listing = await grains.GetGrain<IFamilyMembershipsGrain>(customerId).List();
        var views = await Task.WhenAll(listing.FamilyIds.Select(id => Seen(grains.GetGrain<IFamilyGrain>(id), customerId)));
        return TypedResults.Ok(new Page<FamilyResponse>([.. views.OfType<FamilyView>().Select(FamilyResponse.Of)], null));
    }

    /// <summary>The family as the caller sees it, or null where the listing is behind (they left it, and the listing has not heard yet).</summary>
    private static async Task<FamilyView?> Seen(IFamilyGrain family, string customerId)
    {
        try
        {
            return await family.View(customerId);
        }
        catch (WalletRefusedException gone) when (gone.Code == RefusalCodes.NotFound)
        {
            return null;
        }
    }

    /// <param name="id">The family (<c>fam_…</c>), one the caller belongs to.</param>
    public static async Task<Ok<FamilyResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(FamilyResponse.Of(await grains.GetGrain<IFamilyGrain>(id).View(user.CustomerId())));

    /// <summary>201 with the invitation; the invitee sees it under <c>GET /v1/family-invitations</c> for a week.</summary>
    /// <param name="id">The family (<c>fam_…</c>); the caller is its owner, or a guardian inviting a member.</param>
    public static async Task<Results<Created<InvitationResponse>, ProblemHttpResult, ValidationProblem>> Invite(
        string id, InviteRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, PhoneProbeBudget probes)
    {
        var phone = Phones.Normalize(body.Phone);
        var problem = new FieldErrors().Required(body.Phone, "phone").Check(body.Phone is null || phone is not null, "phone", "Use a mobile number such as +8613800138000.")
            .Required(body.Role, "role").Check(body.Role is null or FamilyRole.Guardian or FamilyRole.Member, "role", "Offer guardian or member.").Problem;
        if (problem is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var family = grains.GetGrain<IFamilyGrain>(id);
        _ = await family.View(customerId); // a stranger learns nothing, not even whether the phone is registered
        // Whether a phone is registered is what a prober wants: that answer spends the caller's probe budget, as a transfer's does.
        var (invitation, withheld) = await probes.Ask(context, async () => await family.Invite(customerId,
            await grains.GetGrain<IPhoneDirectoryGrain>(phone!).FindCustomer() ?? throw new WalletRefusedException(RefusalCodes.RecipientNotFound, "No customer is registered with that phone number."),
            phone!, body.Role!.Value), RefusalCodes.RecipientNotFound);
        if (withheld is not null)
        {
            return withheld;
        }
        return TypedResults.Created($"/v1/families/{id}/invitations/{invitation!.InvitationId}", InvitationResponse.Of(invitation));
    }

    /// <summary>The inviter (or the owner) withdraws a pending invitation.</summary>
    /// <param name="id">The family (<c>fam_…</c>).</param>
    /// <param name="invitationId">The invitation (<c>fin_…</c>), pending.</param>
    public static async Task<Ok<InvitationResponse>> Withdraw(string id, string invitationId, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(InvitationResponse.Of(await grains.GetGrain<IFamilyGrain>(id).Withdraw(user.CustomerId(), invitationId)));

    /// <summary>The invitee joins the family in the role offered.</summary>
    /// <param name="id">The family (<c>fam_…</c>).</param>
    /// <param name="invitationId">The invitation (<c>fin_…</c>), sent to the caller and pending.</param>
    public static async Task<Ok<InvitationResponse>> Accept(string id, string invitationId, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(InvitationResponse.Of(await grains.GetGrain<IFamilyGrain>(id).Answer(user.CustomerId(), invitationId, accept: true)));

    /// <summary>The invitee says no; the family may invite them again.</summary>
    /// <param name="id">The family (<c>fam_…</c>).</param>
    /// <param name="invitationId">The invitation (<c>fin_…</c>), sent to the caller and pending.</param>
    public static async Task<Ok<InvitationResponse>> Decline(string id, string invitationId, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(InvitationResponse.Of(await grains.GetGrain<IFamilyGrain>(id).Answer(user.CustomerId(), invitationId, accept: false)));

    /// <summary>A guardian or member leaves; their sub-wallets end, and what is left in them goes back to who funded them.</summary>
    /// <param name="id">The family (<c>fam_…</c>), one the caller belongs to (not as its owner).</param>
    public static async Task<NoContent> Leave(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IFamilyGrain>(id).Leave(user.CustomerId());
        return TypedResults.NoContent();
    }

    /// <summary>The owner removes a guardian or member; their sub-wallets end as when they leave.</summary>
    /// <param name="id">The family (<c>fam_…</c>), kept by the caller.</param>
    /// <param name="customerId">The member to remove (<c>cus_…</c>).</param>
    public static async Task<Ok<FamilyResponse>> Remove(string id, string customerId, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(FamilyResponse.Of(await grains.GetGrain<IFamilyGrain>(id).Remove(user.CustomerId(), customerId)));

    /// <summary>The invitations sent to the caller that wait for an answer, oldest first.</summary>
    public static async Task<Ok<Page<InvitationResponse>>> ListInvitations(ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(new Page<InvitationResponse>([.. (await grains.GetGrain<IFamilyMembershipsGrain>(user.CustomerId()).List()).Invitations.Select(InvitationResponse.Of)], null));
}
