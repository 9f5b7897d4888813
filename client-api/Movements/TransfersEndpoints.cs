using Wallet.ClientApi.Contract;
using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.Movements;
using Wallet.Refusals;

namespace Wallet.ClientApi.Movements;

/// <summary>Transfers between wallets, by wallet id or by the recipient's phone number.</summary>
public static class TransfersEndpoints
{
    public static IEndpointRouteBuilder MapTransfers(this IEndpointRouteBuilder routes)
    {
        var transfers = routes.MapGroup("/v1/transfers").WithTags("Moving money").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        transfers.MapPost("", Send).WithName("SendTransfer").MayRefuse(CommonRefusals.PayerAuthorisation).MayRefuse(CommonRefusals.MoneyOut).MayRefuse(CommonRefusals.MoneyIn)
            .MayRefuse(RefusalCodes.SameWallet, RefusalCodes.RecipientNotFound, RefusalCodes.InvalidText).WithIdempotencyKey(required: true).RequireRateLimiting(RateLimitSetup.Money);
        transfers.MapGet("/{id}", Get).WithName("GetTransfer");
        return routes;
    }

    /// <summary>201 when sent; 202 when held for the bank's review (the money is held in the wallet until an operator decides).</summary>
    public static async Task<Results<Created<TransferResponse>, Accepted<TransferResponse>, ProblemHttpResult, ValidationProblem>> Send(
        TransferRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, PhoneProbeBudget probes)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: true);
        var problem = new FieldErrors()
            .Id(body.FromWalletId, "fromWalletId")
            .Id(body.To?.WalletId, "to.walletId", required: false)
            .Check(body.To is not null && (body.To.WalletId is null) != (body.To.Phone is null), "to", "Name either to.walletId or to.phone.")
            .Check(body.To?.Phone is null || Phones.Normalize(body.To.Phone) is not null, "to.phone", "Use a mobile number such as +8613800138000.")
            .Amount(body.Amount).Currency(body.Currency).Authorisation(body.Pin, body.DeviceSignature)
            .Text(body.Memo, "memo", 140, required: false)
            .Problem;
        if ((keyProblem ?? problem) is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        // Only a transfer by phone can be told there is no such customer; only that answer spends the probe budget.
        var (sent, withheld) = await probes.Ask(context, () => MovementResults.GrainFor<ITransferGrain>(grains, Workflow.Transfer, customerId, request!).Transfer(new TransferOrder(
            customerId, request!.Fingerprint, body.FromWalletId!, body.To!.WalletId, Phones.Normalize(body.To.Phone),
            body.Amount!.Value, body.Currency!, body.Memo, DeviceSignatureBody.From(body.Pin, body.DeviceSignature, request.Key))), RefusalCodes.RecipientNotFound);
        if (withheld is not null)
        {
            return withheld;
        }
        var receipt = sent!;
        MovementResults.MarkReplay(context, receipt);
        return receipt.Status switch
        {
            MovementStatus.Completed => TypedResults.Created($"/v1/transfers/{receipt.MovementId}", TransferResponse.Of(receipt)),
            MovementStatus.HeldForReview => TypedResults.Accepted($"/v1/transfers/{receipt.MovementId}", TransferResponse.Of(receipt)),
            MovementStatus.Refused => MovementResults.Refusal(receipt),
            MovementStatus.PendingConfirmation or MovementStatus.Authorized or MovementStatus.Voided or MovementStatus.AwaitingApproval => throw MovementResults.NeverEndsIn(receipt),
        };
    }

    /// <summary>
    /// A transfer the customer sent (in any state), or one they received once completed: the recipient sees what the
    /// entry in their wallet shows (the sending wallet's id, the amount, the memo), nothing of the sender's wallet beyond it.
    /// </summary>
    /// <param name="id">The transfer's id (<c>tr_…</c>), one the caller sent or received.</param>
    public static async Task<Ok<TransferResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var receipt = MovementIds.WorkflowOf(id) == Workflow.Transfer ? await grains.GetGrain<ITransferGrain>(id).Find(user.CustomerId()) : null;
        return receipt is not null ? TypedResults.Ok(TransferResponse.Of(receipt)) : throw WalletRefusedException.NotFound("The transfer");
    }
}
