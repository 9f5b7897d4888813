using Wallet.Refusals;
using Wallet.ClientApi.Contract;
using System.Security.Claims;
using Wallet.Cards;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Customers;

namespace Wallet.ClientApi.Cards;

/// <summary>Binding a bank card: apply, verify the SMS code, unbind.</summary>
public static class CardsEndpoints
{
    public static IEndpointRouteBuilder MapCards(this IEndpointRouteBuilder routes)
    {
        var cards = routes.MapGroup("/v1/cards").WithTags("Cards").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        cards.MapPost("", Bind).WithName("BindCard").MayRefuse(RefusalCodes.InvalidText, RefusalCodes.CardHolderNotCustomer, RefusalCodes.CardDeclined,
            RefusalCodes.CardPhoneMismatch, RefusalCodes.CardHolderMismatch, RefusalCodes.CardAlreadyBound, RefusalCodes.CardBoundElsewhere, RefusalCodes.IntegrationUnavailable).WithIdempotencyKey(required: false).SpendsSmsBudget();
        cards.MapGet("", List).WithName("ListCards");
        cards.MapGet("/{id}", Get).WithName("GetCard");
        cards.MapPost("/{id}/verify", Verify).WithName("VerifyCard").MayRefuse(CommonRefusals.TextedCode).MayRefuse(RefusalCodes.CardNotActive);
        cards.MapDelete("/{id}", Unbind).WithName("UnbindCard");
        return routes;
    }

    public static async Task<Results<Created<CardResponse>, ValidationProblem, ProblemHttpResult>> Bind(
        BindCardRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, SmsBudget sms)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: false);
        var problem = new FieldErrors()
            .Required(body.CardNumber, "cardNumber")
            .Check(body.CardNumber is null || CardNumbers.IsValid(body.CardNumber), "cardNumber", "This is not a valid card number.")
            .Text(body.HolderName, "holderName", 64)
            .Phone(body.Phone)
            .Problem;
        if ((problem ?? keyProblem) is { } invalid)
        {
            return invalid;
        }
        if (await sms.Spend(context) is { } tooMany)
        {
            return tooMany;
        }
        var (view, replayed) = await grains.GetGrain<ICustomerGrain>(user.CustomerId())
            .BindCard(new CardApplication(body.CardNumber!, body.HolderName!, Phones.Normalize(body.Phone)!), request!);
        IdempotencyKeys.MarkReplay(context, replayed);
        return TypedResults.Created($"/v1/cards/{view.CardId}", CardResponse.From(view));
    }

    /// <summary>The customer's bound cards (and those waiting for the bank's code), masked; all of them, as a customer has few.</summary>
    public static async Task<Ok<Page<CardResponse>>> List(ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(new Page<CardResponse>([.. (await grains.GetGrain<ICustomerGrain>(user.CustomerId()).GetProfile()).Cards.Select(CardResponse.From)], null));

    /// <param name="id">The card's id (<c>card_…</c>), one of the caller's.</param>
    public static async Task<Ok<CardResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(CardResponse.From(await grains.GetGrain<ICardBindingGrain>(id).GetView(user.CustomerId())));

    /// <param name="id">The card's id (<c>card_…</c>) from the binding.</param>
    public static async Task<Results<Ok<CardResponse>, ValidationProblem>> Verify(
        string id, VerifyCardRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var problem = new FieldErrors().SmsCode(body.Code).Problem;
        if (problem is { } invalid)
        {
            return invalid;
        }
        return TypedResults.Ok(CardResponse.From(await grains.GetGrain<ICardBindingGrain>(id).Verify(user.CustomerId(), body.Code!)));
    }

    /// <param name="id">The card's id (<c>card_…</c>), one of the caller's.</param>
    public static async Task<NoContent> Unbind(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ICustomerGrain>(user.CustomerId()).UnbindCard(id);
        return TypedResults.NoContent();
    }
}
