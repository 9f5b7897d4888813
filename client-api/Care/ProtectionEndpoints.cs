using System.Security.Claims;
using Wallet.Care;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.Customers;
using Wallet.Refusals;

namespace Wallet.ClientApi.Care;

/// <summary>
/// A stolen phone or account: the one report that shuts everything (signed in from another device, or not signed in with the
/// password or a texted code, or by an operator), the backup phone a customer without their phone gets codes on, and recovery.
/// </summary>
public static class ProtectionEndpoints
{
    private const string Tag = "Account protection";

    public static IEndpointRouteBuilder MapAccountProtection(this IEndpointRouteBuilder routes)
    {
        var open = routes.MapGroup("/v1").WithTags(Tag).AllowAnonymous();
        open.MapPost("/lost-reports/codes", SendReportCode).WithName("SendLostReportCode").SpendsSmsBudget();
        open.MapPost("/lost-reports", Report).WithName("ReportLost").RequireRateLimiting(RateLimitSetup.SignIn)
            .MayRefuse(RefusalCodes.InvalidCredentials, RefusalCodes.LoginLocked).MayRefuse(CommonRefusals.Reset);
        open.MapPost("/recovery/codes", SendRecoveryCode).WithName("SendRecoveryCode").SpendsSmsBudget();
        open.MapPost("/recovery", Recover).WithName("RecoverAccount").RequireRateLimiting(RateLimitSetup.SignIn)
            .MayRefuse(CommonRefusals.Reset).MayRefuse(RefusalCodes.NotReportedLost, RefusalCodes.OperatorCheckRequired);

        var me = routes.MapGroup("/v1/me").WithTags(Tag).RequireAuthorization();
        me.MapPost("/lost-report", ReportSignedIn).WithName("ReportLostSignedIn").RequireRateLimiting(RateLimitSetup.SignIn)
            .MayRefuse(RefusalCodes.InvalidCredentials, RefusalCodes.LoginLocked);
        me.MapGet("/protection", GetProtection).WithName("GetAccountProtection");
        me.MapPost("/backup-phone/codes", SendBackupPhoneCode).WithName("SendBackupPhoneCode").SpendsSmsBudget().MayRefuse(RefusalCodes.IntegrationUnavailable);
        me.MapPut("/backup-phone", SetBackupPhone).WithName("SetBackupPhone").MayRefuse(CommonRefusals.TextedCode)
            .MayRefuse(RefusalCodes.InvalidCredentials, RefusalCodes.LoginLocked).RequireRateLimiting(RateLimitSetup.SignIn);

        var ops = routes.MapGroup("/v1/ops/customers/{id}").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy).AddEndpointFilter<WellFormedIdFilter>();
        ops.MapPost("/lost-report", ReportByOperator).WithName("ReportLostByOperator").MayRefuse(RefusalCodes.InvalidText);
        ops.MapPost("/recovery-approval", ApproveRecovery).WithName("ApproveRecovery").MayRefuse(RefusalCodes.InvalidText, RefusalCodes.NotReportedLost);
        ops.MapGet("/protection", GetCustomerProtection).WithName("GetCustomerProtection");
        return routes;
    }

    /// <summary>
    /// Texts a code for reporting the account lost, to its phone or its backup. Always 202: whether the number has an account, or
    /// a backup, is not said to whoever asks.
    /// </summary>
    public static Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> SendReportCode(ProtectionCodeRequest body, HttpContext context, IGrainFactory grains, SmsBudget sms)
        => SendCode(ProtectionPurpose.ReportLost, body, context, grains, sms);

    /// <summary>Texts a code for recovering a reported account, to its phone or its backup. Always 202, as for a report's code.</summary>
    public static Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> SendRecoveryCode(ProtectionCodeRequest body, HttpContext context, IGrainFactory grains, SmsBudget sms)
        => SendCode(ProtectionPurpose.Recovery, body, context, grains, sms);

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> SendCode(ProtectionPurpose purpose, ProtectionCodeRequest body, HttpContext context,
        IGrainFactory grains, SmsBudget sms)
    {
        if (new FieldErrors().Phone(body.Phone).Check(body.SendTo is null or "phone" or "backup", "sendTo", "Use phone or backup.").Problem is { } invalid)
        {
            return invalid;
        }
        if (await sms.Spend(context) is { } tooMany)
        {
            return tooMany;
        }
        if (await Phones.CustomerOf(grains, body.Phone) is { } customerId)
        {
            try
            {
                await grains.GetGrain<IAccountProtectionGrain>(customerId).SendCode(purpose, body.SendTo == "backup" ? CodeDestination.Backup : CodeDestination.Phone);
            }
            catch (WalletRefusedException refused) when (refused.Code == RefusalCodes.IntegrationUnavailable)
            {
                // No SMS gateway: no code goes to anyone. A 503 for registered phones only would tell strangers which numbers have accounts.
            }
        }
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// Reports the phone or account lost or stolen, not signed in: every wallet frozen, every session signed out (its tokens refused
    /// from now on) and signing in stopped until recovery, every device key removed, payment codes and charges waiting for
    /// confirmation voided, autopay paused. Reporting again answers the same report.
    /// </summary>
    public static async Task<Results<Ok<LostReportResponse>, ValidationProblem, ProblemHttpResult>> Report(LostReportRequest body, IGrainFactory grains)
    {
        var errors = new FieldErrors().Phone(body.Phone)
            .Check(body.Password is null != body.Code is null, "password", "Give the login password or a texted code, one of them.")
            .Check(body.CodeSentTo is null or "phone" or "backup", "codeSentTo", "Use phone or backup.")
            .Check(body.CodeSentTo != "backup" || body.Code is not null, "code", "A code sent to the backup phone is the proof here.");
        if (body.Password is not null)
        {
            errors.Check(body.Password.Length <= 128, "password", "A password is 8 to 128 characters.");
        }
        if (body.Code is not null)
        {
            errors.SmsCode(body.Code);
        }
        if (body.IdNumber is not null)
        {
            errors.IdNumber(body.IdNumber);
        }
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var proof = body.Password is not null ? new ReportProof(ReportPath.Password, Password: body.Password)
            : body.CodeSentTo == "backup" ? new ReportProof(ReportPath.BackupCode, Code: body.Code, IdNumber: body.IdNumber)
            : new ReportProof(ReportPath.PhoneCode, Code: body.Code);
        if (await Phones.CustomerOf(grains, body.Phone) is not { } customerId)
        {
            // As a wrong password or code would answer: a stranger learns nothing of which numbers have accounts.
            return body.Password is not null
                ? Problems.For(RefusalCodes.InvalidCredentials, "The phone number or password is wrong.")
                : Problems.For(RefusalCodes.InvalidVerificationCode, "The verification code is wrong or has expired.");
        }
        return TypedResults.Ok(LostReportResponse.From(await grains.GetGrain<IAccountProtectionGrain>(customerId).ReportLost(proof)));
    }

    /// <summary>Reports the phone or account lost from a signed-in session (another device), with the login password; this session ends too.</summary>
    public static async Task<Results<Ok<LostReportResponse>, ValidationProblem>> ReportSignedIn(SignedInLostReportRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Required(body.Password, "password").Problem is { } invalid)
        {
            return invalid;
        }
        var report = await grains.GetGrain<IAccountProtectionGrain>(user.CustomerId()).ReportLost(new ReportProof(ReportPath.SignedIn, Password: body.Password));
        return TypedResults.Ok(LostReportResponse.From(report));
    }

    /// <summary>
    /// Gives a reported account back: the texted recovery code, the identity number (of a verified customer; an operator's check
    /// otherwise), a new login password and PIN. The wallets the report froze are unfrozen; sessions, devices and autopay are not
    /// restored: sign in and set them up again.
    /// </summary>
    public static async Task<Results<Ok<LostReportResponse>, ValidationProblem, ProblemHttpResult>> Recover(RecoveryRequestBody body, IGrainFactory grains)
    {
        var errors = new FieldErrors().Phone(body.Phone).SmsCode(body.Code).Password(body.NewPassword, "newPassword").Pin(body.NewPin, "newPin");
        if (body.IdNumber is not null)
        {
            errors.IdNumber(body.IdNumber);
        }
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        if (await Phones.CustomerOf(grains, body.Phone) is not { } customerId)
        {
            return Problems.For(RefusalCodes.InvalidVerificationCode, "The verification code is wrong or has expired.");
        }
        var recovered = await grains.GetGrain<IAccountProtectionGrain>(customerId).Recover(new RecoveryRequest(body.Code!, body.IdNumber, body.NewPassword!, body.NewPin!));
        return TypedResults.Ok(LostReportResponse.From(recovered));
    }

    public static async Task<Ok<ProtectionResponse>> GetProtection(ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(ProtectionResponse.From(await grains.GetGrain<IAccountProtectionGrain>(user.CustomerId()).GetView()));

    /// <summary>Texts a code to the phone the customer wants as their backup (for when this phone is lost).</summary>
    public static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> SendBackupPhoneCode(BackupPhoneCodeRequest body, HttpContext context, ClaimsPrincipal user,
        IGrainFactory grains, SmsBudget sms)
    {
        if (new FieldErrors().Phone(body.Phone).Problem is { } invalid)
        {
            return invalid;
        }
        if (await sms.Spend(context) is { } tooMany)
        {
            return tooMany;
        }
        await grains.GetGrain<IAccountProtectionGrain>(user.CustomerId()).SendBackupPhoneCode(Phones.Normalize(body.Phone)!);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Registers the backup phone with the code texted to it; it replaces any earlier backup.</summary>
    public static async Task<Results<Ok<ProtectionResponse>, ValidationProblem>> SetBackupPhone(BackupPhoneRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Phone(body.Phone).SmsCode(body.Code).Required(body.Password, "password").Problem is { } invalid)
        {
            return invalid;
        }
        var view = await grains.GetGrain<IAccountProtectionGrain>(user.CustomerId()).ConfirmBackupPhone(Phones.Normalize(body.Phone)!, body.Code!, body.Password!);
        return TypedResults.Ok(ProtectionResponse.From(view));
    }

    /// <summary>An operator reports a customer's account lost after checking who called (no password or code: the customer may have neither).</summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    public static async Task<Results<Ok<LostReportResponse>, ValidationProblem>> ReportByOperator(string id, OperatorCheckRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Text(body.Note, "note", 500).Problem is { } invalid)
        {
            return invalid;
        }
        await RequireCustomer(grains, id);
        var report = await grains.GetGrain<IAccountProtectionGrain>(id).ReportLost(new ReportProof(ReportPath.Operator, OperatorId: user.CustomerId(), Note: body.Note));
        return TypedResults.Ok(LostReportResponse.From(report));
    }

    /// <summary>An operator has checked a reported customer's identity by other means: their recovery within a day needs the texted code but no identity number.</summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    public static async Task<Results<Ok<ProtectionResponse>, ValidationProblem>> ApproveRecovery(string id, RecoveryApprovalRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Text(body.Note, "note", 500).Required(body.CodeTo, "codeTo").Check(body.CodeTo is null or "phone" or "backup", "codeTo", "Use phone or backup.").Problem is { } invalid)
        {
            return invalid;
        }
        await RequireCustomer(grains, id);
        var codeTo = body.CodeTo == "backup" ? CodeDestination.Backup : CodeDestination.Phone;
        return TypedResults.Ok(ProtectionResponse.From(await grains.GetGrain<IAccountProtectionGrain>(id).ApproveRecovery(user.CustomerId(), body.Note!, codeTo)));
    }

    /// <summary>A customer's protection as operators see it: the open report and what it did, the last recovered one, the backup phone (masked).</summary>
    /// <param name="id">The customer's id (<c>cus_…</c>).</param>
    public static async Task<Ok<ProtectionResponse>> GetCustomerProtection(string id, IGrainFactory grains)
    {
        await RequireCustomer(grains, id);
        return TypedResults.Ok(ProtectionResponse.From(await grains.GetGrain<IAccountProtectionGrain>(id).GetView()));
    }

    /// <summary>A 404 for an id that is no customer's, rather than an empty protection.</summary>
    private static async Task RequireCustomer(IGrainFactory grains, string id) => await grains.GetGrain<ICustomerGrain>(id).GetProfile();
}
