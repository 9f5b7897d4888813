using Wallet.ClientApi.Contract;
using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Customers;
using Wallet.Devices;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.ClientApi.Customers;

/// <summary>Registration, sign-in, and the signed-in customer's own profile and payment PIN.</summary>
public static class CustomersEndpoints
{
    public static IEndpointRouteBuilder MapCustomers(this IEndpointRouteBuilder routes)
    {
        var open = routes.MapGroup("/v1").WithTags("Customers and sessions").AllowAnonymous();
        open.MapPost("/customers", Register).WithName("RegisterCustomer").MayRefuse(RefusalCodes.PhoneTaken).WithIdempotencyKey(required: false).RequireRateLimiting(RateLimitSetup.Registration);
        open.MapPost("/auth/token", IssueToken).WithName("IssueToken").MayRefuse(RefusalCodes.InvalidCredentials, RefusalCodes.LoginLocked, RefusalCodes.AccountReportedLost)
            .WithHeader(ClientLocation.Header, required: false, "Where the phone is, `latitude,longitude` in degrees (for the impossible-travel rule); a malformed value is ignored.").RequireRateLimiting(RateLimitSetup.SignIn);
        open.MapPost("/auth/refresh", Refresh).WithName("RefreshToken").MayRefuse(RefusalCodes.InvalidRefreshToken).RequireRateLimiting(RateLimitSetup.SignIn);
        open.MapPost("/auth/password-reset-codes", SendPasswordResetCode).WithName("SendPasswordResetCode").SpendsSmsBudget();
        open.MapPost("/auth/password-reset", ResetPassword).WithName("ResetPassword").MayRefuse(CommonRefusals.Reset).MayRefuse(RefusalCodes.AccountReportedLost).RequireRateLimiting(RateLimitSetup.SignIn);

        var me = routes.MapGroup("/v1/me").WithTags("Customers and sessions").RequireAuthorization();
        me.MapGet("", GetMe).WithName("GetMe");
        me.MapGet("/export", Export).WithName("ExportMyData");
        me.MapDelete("", CloseAccount).WithName("CloseMyAccount").MayRefuse(RefusalCodes.WalletNotEmpty, RefusalCodes.LoanOutstanding);
        me.MapPost("/logout", Logout).WithName("Logout");
        me.MapPost("/devices", RegisterDevice).WithName("RegisterDevice").MayRefuse(RefusalCodes.TooManyDevices);
        me.MapGet("/devices", ListDevices).WithName("ListDevices");
        me.MapDelete("/devices/{id}", RemoveDevice).WithName("RemoveDevice").AddEndpointFilter<WellFormedIdFilter>();
        me.MapPost("/challenges", IssueChallenge).WithName("IssueChallenge").MayRefuse(RefusalCodes.NoDevice);
        me.MapPut("/password", ChangePassword).WithName("ChangePassword").MayRefuse(RefusalCodes.InvalidCredentials).RequireRateLimiting(RateLimitSetup.SignIn);
        me.MapPut("/payment-pin", SetPaymentPin).WithName("SetPaymentPin").MayRefuse(RefusalCodes.InvalidPin, RefusalCodes.PinLocked);
        me.MapPost("/verification", VerifyRealName).WithName("VerifyRealName").MayRefuse(RefusalCodes.InvalidText, RefusalCodes.InvalidIdNumber, RefusalCodes.AlreadyVerified,
            RefusalCodes.CardHolderNotCustomer, RefusalCodes.IdentityNotConfirmed, RefusalCodes.IdNumberTaken, RefusalCodes.IntegrationUnavailable);
        me.MapPost("/payment-pin/reset-codes", SendPinResetCode).WithName("SendPaymentPinResetCode").MayRefuse(RefusalCodes.IntegrationUnavailable).SpendsSmsBudget();
        me.MapPost("/payment-pin/reset", ResetPaymentPin).WithName("ResetPaymentPin").MayRefuse(CommonRefusals.Reset);
        return routes;
    }

    public static async Task<Results<Created<CustomerCreatedResponse>, ValidationProblem, ProblemHttpResult>> Register(
        RegisterRequest body, HttpContext context, IGrainFactory grains, PhoneProbeBudget probes)
    {
        var problem = new FieldErrors().Phone(body.Phone).Password(body.Password).Problem;
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: false);
        if ((problem ?? keyProblem) is { } invalid)
        {
            return invalid;
        }
        var (registered, withheld) = await probes.Ask(context, () => grains.GetGrain<IPhoneDirectoryGrain>(Phones.Normalize(body.Phone)!)
            .Register(new Registration(body.Password!, CustomerRole.Customer, request!)), RefusalCodes.PhoneTaken);
        if (withheld is not null)
        {
            return withheld;
        }
        IdempotencyKeys.MarkReplay(context, registered!.Replayed);
        return TypedResults.Created("/v1/me", new CustomerCreatedResponse(registered.Value.CustomerId, registered.Value.Tier));
    }

    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> IssueToken(
        TokenRequest body, HttpContext context, IGrainFactory grains, TokenIssuer issuer, TimeProvider clock)
    {
        var (session, invalid, refused) = await SignIn(body, context, grains, clock);
        return session is not null ? TypedResults.Ok(issuer.Respond(session)) : invalid is not null ? invalid : refused!;
    }

    /// <summary>Checks a phone and password: the new session, or the problem to answer. The web app's sign-in shares it.</summary>
    internal static async Task<(SignedIn? Session, ValidationProblem? Invalid, ProblemHttpResult? Refused)> SignIn(TokenRequest body, HttpContext context, IGrainFactory grains, TimeProvider clock)
    {
        if (new FieldErrors().Required(body.Phone, "phone").Required(body.Password, "password").Problem is { } invalid)
        {
            return (null, invalid, null);
        }
        var customer = await CustomerByPhone(grains, body.Phone);
        var outcome = customer is null ? SignInOutcome.Refused : await customer.SignIn(body.Password!, ClientLocation.Of(context));
        if (outcome.LockedUntil is { } until)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalSeconds));
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (null, null, Problems.For(RefusalCodes.LoginLocked, $"Too many wrong passwords: signing in is locked for {seconds} seconds, or reset the password.",
                new Dictionary<string, object?> { ["lockedUntil"] = until }));
        }
        if (outcome.ReportedLost)
        {
            return (null, null, Problems.For(RefusalCodes.AccountReportedLost, "This account is reported lost or stolen: recover it first (POST /v1/recovery/codes, then POST /v1/recovery)."));
        }
        return outcome.Session is { } session
            ? (session, null, null)
            : (null, null, Problems.For(RefusalCodes.InvalidCredentials, "The phone number or password is wrong."));
    }

    /// <summary>Rotates the refresh token: the one presented stops working; presenting it again ends the session.</summary>
    public static async Task<Results<Ok<TokenResponse>, ValidationProblem, ProblemHttpResult>> Refresh(RefreshRequest body, IGrainFactory grains, TokenIssuer issuer)
    {
        if (new FieldErrors().Required(body.RefreshToken, "refreshToken").Problem is { } invalid)
        {
            return invalid;
        }
        var session = RefreshTokens.TryParse(body.RefreshToken, out var customerId, out var sessionId, out var secret) && Ids.IsWellFormed(customerId)
            ? await grains.GetGrain<ICustomerAccessGrain>(customerId).Refresh(sessionId, secret)
            : null;
        return session is null
            ? Problems.For(RefusalCodes.InvalidRefreshToken, "The refresh token is not valid; sign in again.")
            : TypedResults.Ok(issuer.Respond(session));
    }

    /// <summary>Everything held about the caller, as JSON: profile, tier history, every wallet with its whole history, sessions.</summary>
    public static async Task<Ok<ExportResponse>> Export(ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(ExportResponse.From(await grains.GetGrain<ICustomerGrain>(user.CustomerId()).Export()));

    /// <summary>Closes the account: wallets (each must be empty) and cards go, personal data is erased, the phone number is freed.</summary>
    public static async Task<NoContent> CloseAccount(ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ICustomerGrain>(user.CustomerId()).Close();
        return TypedResults.NoContent();
    }

    /// <summary>Registers a device's public key (SPKI, base64, ECDSA P-256) for biometric payment.</summary>
    public static async Task<Results<Created<DeviceResponse>, ValidationProblem>> RegisterDevice(DeviceRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Check(DeviceKeys.IsValid(body.PublicKey), "publicKey", "Use an ECDSA P-256 public key as SubjectPublicKeyInfo in base64.").Problem is { } invalid)
        {
            return invalid;
        }
        var device = await grains.GetGrain<IPaymentCredentialsGrain>(user.CustomerId()).RegisterDevice(body.PublicKey!);
        return TypedResults.Created($"/v1/me/devices/{device.DeviceId}", new DeviceResponse(device.DeviceId, device.RegisteredAt));
    }

    public static async Task<Ok<Page<DeviceResponse>>> ListDevices(ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(new Page<DeviceResponse>([.. (await grains.GetGrain<IPaymentCredentialsGrain>(user.CustomerId()).ListDevices()).Reverse().Select(d => new DeviceResponse(d.DeviceId, d.RegisteredAt))], null));

    /// <param name="id">The device key's id (<c>dev_…</c>).</param>
    public static async Task<NoContent> RemoveDevice(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IPaymentCredentialsGrain>(user.CustomerId()).RemoveDevice(id);
        return TypedResults.NoContent();
    }

    /// <summary>A nonce for the device to sign with its key: single use, valid two minutes.</summary>
    public static async Task<Created<ChallengeResponse>> IssueChallenge(ClaimsPrincipal user, IGrainFactory grains)
    {
        var challenge = await grains.GetGrain<IPaymentCredentialsGrain>(user.CustomerId()).IssueChallenge();
        return TypedResults.Created((string?)null, new ChallengeResponse(challenge.ChallengeId, challenge.Nonce, challenge.ExpiresAt));
    }

    public static async Task<NoContent> Logout(ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<ICustomerAccessGrain>(user.CustomerId()).EndSession(user.FindFirstValue(TokenIssuer.SessionClaim)!);
        return TypedResults.NoContent();
    }

    /// <summary>A new password ends every session, this one included.</summary>
    public static async Task<Results<NoContent, ValidationProblem>> ChangePassword(PasswordChangeRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Required(body.CurrentPassword, "currentPassword").Password(body.NewPassword, "newPassword").Problem is { } invalid)
        {
            return invalid;
        }
        await grains.GetGrain<ICustomerAccessGrain>(user.CustomerId()).ChangePassword(body.CurrentPassword!, body.NewPassword!);
        return TypedResults.NoContent();
    }

    /// <summary>Always 202, whether or not the phone is registered: the answer must not tell who banks here.</summary>
    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> SendPasswordResetCode(
        PasswordResetCodeRequest body, HttpContext context, IGrainFactory grains, SmsBudget sms)
    {
        if (new FieldErrors().Phone(body.Phone).Problem is { } invalid)
        {
            return invalid;
        }
        if (await sms.Spend(context) is { } tooMany)
        {
            return tooMany;
        }
        if (await CustomerByPhone(grains, body.Phone) is { } customer)
        {
            try
            {
                await customer.SendCode(CodePurpose.Password);
            }
            catch (WalletRefusedException refused) when (refused.Code == RefusalCodes.IntegrationUnavailable)
            {
                // No SMS gateway: no code goes to anyone. A 503 for registered phones only would tell strangers which numbers have accounts.
            }
        }
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPassword(PasswordResetRequest body, IGrainFactory grains)
    {
        var errors = new FieldErrors().Phone(body.Phone).SmsCode(body.Code).Password(body.NewPassword, "newPassword");
        if (body.IdNumber is not null)
        {
            errors.IdNumber(body.IdNumber);
        }
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        if (await CustomerByPhone(grains, body.Phone) is not { } customer)
        {
            return Problems.For(RefusalCodes.InvalidVerificationCode, "The verification code is wrong or has expired.");
        }
        await customer.ResetPassword(body.Code!, body.IdNumber, body.NewPassword!);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> SendPinResetCode(HttpContext context, ClaimsPrincipal user, IGrainFactory grains, SmsBudget sms)
    {
        if (await sms.Spend(context) is { } tooMany)
        {
            return tooMany;
        }
        await grains.GetGrain<ICustomerAccessGrain>(user.CustomerId()).SendCode(CodePurpose.PaymentPin);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ValidationProblem>> ResetPaymentPin(PinResetRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new FieldErrors().SmsCode(body.Code).Pin(body.Pin);
        if (body.IdNumber is not null)
        {
            errors.IdNumber(body.IdNumber);
        }
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        await grains.GetGrain<IPaymentCredentialsGrain>(user.CustomerId()).ResetPaymentPin(body.Code!, body.IdNumber, body.Pin!);
        return TypedResults.NoContent();
    }

    private static async Task<ICustomerAccessGrain?> CustomerByPhone(IGrainFactory grains, string? phoneNumber)
        => await Phones.CustomerOf(grains, phoneNumber) is { } customerId ? grains.GetGrain<ICustomerAccessGrain>(customerId) : null;

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
        await grains.GetGrain<IPaymentCredentialsGrain>(user.CustomerId()).SetPaymentPin(body.Pin!, body.CurrentPin);
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
