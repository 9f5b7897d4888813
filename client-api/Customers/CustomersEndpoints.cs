using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.Customers;
using Wallet.Refusals;

namespace Wallet.ClientApi.Customers;

/// <summary>Registration, sign-in, and the signed-in customer's own profile and payment PIN.</summary>
public static class CustomersEndpoints
{
    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder routes)
    {
        var open = routes.MapGroup("/v1").WithTags("Customers and sessions").AllowAnonymous();
        open.MapPost("/customers", Register).WithName("RegisterCustomer");
        open.MapPost("/auth/token", IssueToken).WithName("IssueToken");

        var me = routes.MapGroup("/v1/me").WithTags("Customers and sessions").RequireAuthorization();
        me.MapGet("", GetMe).WithName("GetMe");
        me.MapPut("/payment-pin", SetPaymentPin).WithName("SetPaymentPin");
        me.MapPost("/verification", VerifyRealName).WithName("VerifyRealName");
        return routes;
    }

    public static async Task<Results<Created<CustomerCreatedResponse>, ValidationProblem>> Register(
        RegisterRequest body, HttpContext context, IGrainFactory grains)
    {
        var problem = new FieldErrors().Phone(body.Phone).Check(body.Password is { Length: >= 8 and <= 128 }, "password", "A password is 8 to 128 characters.").Problem;
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: false);
        if ((problem ?? keyProblem) is { } invalid)
        {
            return invalid;
        }
        var registered = await grains.GetGrain<IPhoneDirectoryGrain>(Phones.Normalize(body.Phone)!)
            .Register(new Registration(body.Password!, CustomerRole.Customer, request!));
        return TypedResults.Created("/v1/me", new CustomerCreatedResponse(registered.CustomerId, registered.Tier));
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest body, IGrainFactory grains, TokenIssuer issuer)
    {
        if (new FieldErrors().Required(body.Phone, "phone").Required(body.Password, "password").Problem is { } invalid)
        {
            return invalid;
        }
        var phone = Phones.Normalize(body.Phone);
        var customerId = phone is null ? null : await grains.GetGrain<IPhoneDirectoryGrain>(phone).FindCustomer();
        var signedIn = customerId is null ? null : await grains.GetGrain<ICustomerGrain>(customerId).SignIn(body.Password!);
        if (signedIn is null)
        {
            return Problems.For(RefusalCodes.InvalidCredentials, "The phone number or password is wrong.");
        }
        var (token, expiresIn) = issuer.Issue(signedIn);
        return TypedResults.Ok(new TokenResponse(token, "Bearer", expiresIn));
    }

    public static async Task<Ok<MeResponse>> GetMe(ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(MeResponse.From(await grains.GetGrain<ICustomerGrain>(user.CustomerId()).GetProfile()));

    public static async Task<Results<NoContent, ValidationProblem>> SetPaymentPin(PaymentPinRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new FieldErrors().Pin(body.Pin);
        if (body.CurrentPin is not null)
        {
            errors.Pin(body.CurrentPin, "currentPin");
        }
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        await grains.GetGrain<ICustomerGrain>(user.CustomerId()).SetPaymentPin(body.Pin!, body.CurrentPin);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<VerificationResponse>, ValidationProblem>> VerifyRealName(
        VerificationRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Text(body.Name?.Trim(), "name", 50).IdNumber(body.IdNumber).Problem is { } invalid)
        {
            return invalid;
        }
        var profile = await grains.GetGrain<ICustomerGrain>(user.CustomerId()).VerifyRealName(body.Name!.Trim(), body.IdNumber!);
        return TypedResults.Ok(new VerificationResponse(profile.Tier, profile.RealName!, profile.IdNumberMasked!));
    }
}
