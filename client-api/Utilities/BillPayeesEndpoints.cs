using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Refusals;
using Wallet.Utilities;

namespace Wallet.ClientApi.Utilities;

/// <summary>A customer's saved payees: a biller and an account there, its current bill, and the payments made to it.</summary>
public static class BillPayeesEndpoints
{
    private const int NicknameLength = 30;

    public static IEndpointRouteBuilder MapBillPayees(this IEndpointRouteBuilder routes)
    {
        var payees = routes.MapGroup("/v1/bill-payees").WithTags("Utility bills").RequireAuthorization();
        payees.MapPost("", Save).WithName("SaveBillPayee").MayRefuse(RefusalCodes.InvalidText, RefusalCodes.InvalidAccountNumber, RefusalCodes.BillerPaused, RefusalCodes.NotFound);
        payees.MapGet("", List).WithName("ListBillPayees");
        var payee = payees.MapGroup("/{id}").AddEndpointFilter<WellFormedIdFilter>();
        payee.MapPatch("", Change).WithName("ChangeBillPayee").MayRefuse(RefusalCodes.InvalidText);
        payee.MapDelete("", Remove).WithName("RemoveBillPayee");
        payee.MapGet("/bill", CurrentBill).WithName("GetCurrentBill").MayRefuse(RefusalCodes.IntegrationUnavailable);
        payee.MapGet("/payments", ListPayments).WithName("ListBillPayeePayments");
        return routes;
    }

    /// <summary>201 with the saved payee; the same biller and account saved again answer 200 with the payee already saved.</summary>
    public static async Task<Results<Created<PayeeResponse>, Ok<PayeeResponse>, ValidationProblem>> Save(SavePayeeRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var problem = new FieldErrors().Id(body.BillerId, "billerId").Required(body.AccountNumber, "accountNumber")
            .Check(body.AccountNumber is null || body.AccountNumber.Length <= 32, "accountNumber", "An account number is at most 32 characters.")
            .Text(body.Nickname, "nickname", NicknameLength, required: false).Check(body.RemindDaysBefore is null or (>= 0 and <= 15), "remindDaysBefore", "0 to 15 days.").Problem;
        if (problem is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var payees = grains.GetGrain<IBillPayeesGrain>(customerId);
        var account = body.AccountNumber!.Trim();
        // Saved before: the same biller and account (the grain answers the saved payee again), whatever else is saved meanwhile.
        var known = (await payees.List()).Any(p => p.BillerId == body.BillerId && p.AccountNumber == account);
        var saved = await payees.Save(body.BillerId!, account, body.Nickname?.Trim(), body.RemindDaysBefore);
        var response = await Describe(grains, customerId, saved);
        return known ? TypedResults.Ok(response) : TypedResults.Created($"/v1/bill-payees/{saved.PayeeId}", response);
    }

    /// <summary>The customer's payees, in the order they were saved, each with its autopay mandate if it has one.</summary>
    public static async Task<Ok<Page<PayeeResponse>>> List(ClaimsPrincipal user, IGrainFactory grains)
    {
        var customerId = user.CustomerId();
        var mandates = await grains.GetGrain<IBillCalendarGrain>(customerId).ListMandates();
        var payees = await grains.GetGrain<IBillPayeesGrain>(customerId).List();
        var described = await Task.WhenAll(payees.Select(async p =>
            PayeeResponse.Of(p, await grains.GetGrain<IBillerGrain>(p.BillerId).GetProfile(), mandates.FirstOrDefault(m => m.PayeeId == p.PayeeId))));
        return TypedResults.Ok(new Page<PayeeResponse>(described, null));
    }

    /// <param name="id">The payee (<c>pye_…</c>), one of the caller's.</param>
    public static async Task<Results<Ok<PayeeResponse>, ValidationProblem>> Change(string id, ChangePayeeRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var problem = new FieldErrors().Text(body.Nickname, "nickname", NicknameLength, required: false)
            .Check(body.RemindDaysBefore is null or (>= 0 and <= 15), "remindDaysBefore", "0 to 15 days.").Problem;
        if (problem is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var changed = await grains.GetGrain<IBillPayeesGrain>(customerId).Change(id, body.Nickname?.Trim(), body.RemindDaysBefore);
        return TypedResults.Ok(await Describe(grains, customerId, changed));
    }

    /// <summary>Removes the payee and ends its autopay mandate at once; its payments stay on record.</summary>
    /// <param name="id">The payee (<c>pye_…</c>), one of the caller's.</param>
    public static async Task<NoContent> Remove(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        await grains.GetGrain<IBillPayeesGrain>(user.CustomerId()).Remove(id);
        return TypedResults.NoContent();
    }

    /// <summary>What the account owes now, as the biller says, and whether a payment settles it.</summary>
    /// <param name="id">The payee (<c>pye_…</c>), one of the caller's.</param>
    public static async Task<Ok<CurrentBillResponse>> CurrentBill(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(CurrentBillResponse.Of(id, await grains.GetGrain<IBillPayeesGrain>(user.CustomerId()).CurrentBill(id)));

    /// <summary>The payments to this payee, newest first, with where each stands with the biller.</summary>
    /// <param name="id">The payee (<c>pye_…</c>), one of the caller's.</param>
    public static async Task<Ok<Page<PayeePaymentResponse>>> ListPayments(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var payees = grains.GetGrain<IBillPayeesGrain>(user.CustomerId());
        _ = await payees.Find(id) ?? throw WalletRefusedException.NotFound("The payee");
        return TypedResults.Ok(new Page<PayeePaymentResponse>([.. (await payees.ListPayments(id)).Select(PayeePaymentResponse.Of)], null));
    }

    private static async Task<PayeeResponse> Describe(IGrainFactory grains, string customerId, SavedPayee payee)
        => PayeeResponse.Of(payee, await grains.GetGrain<IBillerGrain>(payee.BillerId).GetProfile(),
            (await grains.GetGrain<IBillCalendarGrain>(customerId).ListMandates()).FirstOrDefault(m => m.PayeeId == payee.PayeeId));
}
