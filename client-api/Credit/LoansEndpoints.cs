using System.Security.Claims;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Movements;
using Wallet.ClientApi.Wallets;
using Wallet.Credit;
using Wallet.Identity;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Credit;

/// <summary>Consumer loans (消费贷): apply and see the decision and offer, accept it, repay an instalment or everything early, autopay.</summary>
public static class LoansEndpoints
{
    public static IEndpointRouteBuilder MapLoans(this IEndpointRouteBuilder routes)
    {
        var loans = routes.MapGroup("/v1/loans").WithTags("Credit").RequireAuthorization();
        loans.MapPost("/applications", Apply).WithName("ApplyForLoan").MayRefuse(RefusalCodes.CurrencyNotSupported, RefusalCodes.IdempotencyKeyReused)
            .WithIdempotencyKey(required: true);
        loans.MapGet("", List).WithName("ListLoans");
        var loan = loans.MapGroup("/{id}").AddEndpointFilter<WellFormedIdFilter>();
        loan.MapGet("", Get).WithName("GetLoan");
        loan.MapPost("/accept", Accept).WithName("AcceptLoan").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyIn)
            .MayRefuse(RefusalCodes.LoanNotOpen, RefusalCodes.OfferExpired, RefusalCodes.IdempotencyKeyReused).WithIdempotencyKey(required: true)
            .RequireRateLimiting(RateLimitSetup.Money);
        loan.MapPost("/repayments", Repay).WithName("RepayLoan").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyOut)
            .MayRefuse(RefusalCodes.LoanNotOpen, RefusalCodes.InstalmentAlreadyPaid, RefusalCodes.RepaymentChanged, RefusalCodes.IdempotencyKeyReused)
            .WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        loan.MapGet("/repayments/{repaymentId}", GetRepayment).WithName("GetLoanRepayment");
        loan.MapPut("/autopay", SetAutopay).WithName("SetLoanAutopay").MayRefuse(CommonRefusals.PayerAuthorisation)
            .MayRefuse(RefusalCodes.LoanNotOpen, RefusalCodes.CurrencyMismatch);
        return routes;
    }

    /// <summary>
    /// Applies for a loan: the bank decides at once from what it knows (real-name tier, how long a wallet has been held, money into the
    /// wallets in the last 90 days, the risk monitor, other loans) and keeps its reasons. 201 with the loan: <c>offered</c>
    /// with its rate, schedule, total interest and total cost, to accept within <c>Wallet:Credit:OfferValidFor</c>; or
    /// <c>declined</c> with the reasons. Nothing moves yet.
    /// </summary>
    public static async Task<Results<Created<LoanResponse>, ValidationProblem>> Apply(LoanApplicationRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var problem = new FieldErrors().Amount(body.Amount).Currency(body.Currency)
            .Required(body.TermMonths, "termMonths")
            .Check(body.TermMonths is null || LoanSchedules.Terms.Contains(body.TermMonths.Value), "termMonths", $"A loan runs {string.Join(", ", LoanSchedules.Terms)} months.")
            .Problem;
        if ((keyProblem ?? problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var loanId = Ids.ForIdempotencyKey(IdPrefixes.Loan, customerId, request!.Key);
        var applied = await grains.GetGrain<ILoanGrain>(loanId).Apply(new LoanApplication(customerId, body.Amount!.Value, body.Currency!, body.TermMonths!.Value, request));
        IdempotencyKeys.MarkReplay(context, applied.Replayed);
        return TypedResults.Created($"/v1/loans/{loanId}", LoanResponse.Of(applied.Value));
    }

    /// <summary>The caller's loans, newest first (applications declined or expired too).</summary>
    public static async Task<Ok<Page<LoanResponse>>> List(ClaimsPrincipal user, IGrainFactory grains)
    {
        var customerId = user.CustomerId();
        var loans = await Task.WhenAll((await grains.GetGrain<ICreditFileGrain>(customerId).ListLoans()).Reverse().Select(id => grains.GetGrain<ILoanGrain>(id).Get(customerId)));
        return TypedResults.Ok(new Page<LoanResponse>([.. loans.Select(LoanResponse.Of)], null));
    }

    /// <param name="id">The loan (<c>ln_…</c>); only its borrower sees it.</param>
    public static async Task<Ok<LoanResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(LoanResponse.Of(await Loan(grains, id).Get(user.CustomerId())));

    /// <summary>
    /// Accepts the offer with the payment PIN or a device signature: in one transaction the bank's loan book pays the principal
    /// into the wallet, the schedule is dated from today (Asia/Shanghai) and autopay repays from that wallet. 200 with the
    /// loan; the same request again answers it again. A wallet that will not take the money is a problem with its code, and
    /// the offer stays open.
    /// </summary>
    /// <param name="id">The loan (<c>ln_…</c>), <c>offered</c>.</param>
    public static async Task<Results<Ok<LoanResponse>, ProblemHttpResult, ValidationProblem>> Accept(
        string id, LoanAcceptanceRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        if ((keyProblem ?? new FieldErrors().Id(body.WalletId, "walletId").Authorisation(body.Pin, body.DeviceSignature).Problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var accepted = await Loan(grains, id).Accept(new LoanAcceptance(customerId, body.WalletId!, DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request!.Key), request));
        MovementResults.MarkReplay(context, accepted.Drawdown);
        return accepted.Drawdown.Status switch
        {
            MovementStatus.Completed => TypedResults.Ok(LoanResponse.Of(accepted.Loan)),
            MovementStatus.Refused => MovementResults.Refusal(accepted.Drawdown),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.HeldForReview or MovementStatus.AwaitingApproval
                => throw MovementResults.NeverEndsIn(accepted.Drawdown),
        };
    }

    /// <summary>
    /// Repays the loan from a wallet with the payment PIN or a device signature: the next (or a named) instalment with any
    /// late interest, or (<c>payoff</c>) everything left at today's price — the principal, the interest of instalments due,
    /// and this month's interest so far (none of later months'). 201 with the repayment; an instalment paid already is 409
    /// <c>instalment_already_paid</c>, and nothing moves.
    /// </summary>
    /// <param name="id">The loan (<c>ln_…</c>), drawn.</param>
    public static async Task<Results<Created<LoanRepaymentResponse>, ProblemHttpResult, ValidationProblem>> Repay(
        string id, LoanRepaymentRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var problem = new FieldErrors().Id(body.WalletId, "walletId").Required(body.Repays, "repays")
            .Check(body.Instalment is null or >= 1, "instalment", "An instalment's number, from 1.")
            .Check(body.Instalment is null || body.Repays != RepaymentKind.Payoff, "instalment", "A payoff repays every instalment: name none.")
            .Authorisation(body.Pin, body.DeviceSignature).Problem;
        if ((keyProblem ?? problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        Loan(grains, id); // a loan's id, or not found
        var receipt = await MovementResults.GrainFor<ILoanRepaymentGrain>(grains, Workflow.LoanRepayment, customerId, request!).Repay(new LoanRepaymentOrder(
            customerId, request!.Fingerprint, id, body.WalletId!, body.Repays!.Value, DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request.Key), Instalment: body.Instalment));
        MovementResults.MarkReplay(context, receipt);
        return receipt.Status switch
        {
            MovementStatus.Completed => TypedResults.Created($"/v1/loans/{id}/repayments/{receipt.MovementId}", LoanRepaymentResponse.Of(receipt)),
            MovementStatus.Refused => MovementResults.Refusal(receipt),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.HeldForReview or MovementStatus.AwaitingApproval
                => throw MovementResults.NeverEndsIn(receipt),
        };
    }

    /// <summary>A repayment of the loan, by hand or by autopay, as recorded; only the borrower sees it.</summary>
    /// <param name="id">The loan (<c>ln_…</c>).</param>
    /// <param name="repaymentId">The repayment (<c>lnr_…</c>).</param>
    public static async Task<Ok<LoanRepaymentResponse>> GetRepayment(string id, string repaymentId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var found = MovementIds.WorkflowOf(repaymentId) == Workflow.LoanRepayment ? await grains.GetGrain<ILoanRepaymentGrain>(repaymentId).Find(user.CustomerId()) : null;
        return found is { LoanId: var loanId } && loanId == id ? TypedResults.Ok(LoanRepaymentResponse.Of(found)) : throw WalletRefusedException.NotFound("The repayment");
    }

    /// <summary>Turns autopay on from a wallet of the caller's (with the PIN or a device signature), or off. 200 with the loan.</summary>
    /// <param name="id">The loan (<c>ln_…</c>), drawn.</param>
    public static async Task<Results<Ok<LoanResponse>, ValidationProblem>> SetAutopay(string id, LoanAutopayRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new FieldErrors().Required(body.Enabled, "enabled");
        if (body.Enabled == true)
        {
            errors.Id(body.WalletId, "walletId").Authorisation(body.Pin, body.DeviceSignature);
        }
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var loan = await Loan(grains, id).SetAutopay(user.CustomerId(), body.Enabled == true ? body.WalletId : null,
            body.Enabled == true ? DeviceSignatureBody.From(body.Pin, body.DeviceSignature) : null);
        return TypedResults.Ok(LoanResponse.Of(loan));
    }

    private static ILoanGrain Loan(IGrainFactory grains, string id)
        => id.StartsWith(IdPrefixes.Loan + "_", StringComparison.Ordinal) ? grains.GetGrain<ILoanGrain>(id) : throw WalletRefusedException.NotFound("The loan");
}
