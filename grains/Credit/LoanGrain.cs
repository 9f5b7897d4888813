using Microsoft.Extensions.Options;
using Wallet.Customers;
using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Limits;
using Wallet.Money;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Credit;

/// <summary>
/// A consumer loan from application to its last instalment. The application is decided once, by the scoring model, and
/// kept with its reasons; an approved one is offered at the score's rate with its schedule, for
/// <see cref="CreditOptions.OfferValidFor"/>. Accepting pays it out (a drawdown movement), dating the schedule from that
/// bank day, and starts the follow-up (<see cref="LoanGrain"/>'s other half). Where the money stands is the loan
/// account's: this grain keeps only what the borrower asked and chose.
/// </summary>
public sealed partial class LoanGrain(
    [PersistentState("loan", StorageNames.Wallet)] IPersistentState<LoanState> loan,
    CreditAssessor assessor,
    LimitSchedule days,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    IOptions<CreditOptions> options)
    : Grain, ILoanGrain, IRemindable
{
    private string LoanId => this.GetPrimaryKeyString();

    private LoanState State => loan.State;

    public async Task<Replayable<LoanView>> Apply(LoanApplication application)
    {
        if (loan.RecordExists)
        {
            if (State.CustomerId != application.CustomerId || State.Request != application.Request)
            {
                throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");
            }
            await GrainFactory.GetGrain<ICreditFileGrain>(State.CustomerId).NoteLoan(LoanId); // again, in case a crash came before the first time
            return Replayable<LoanView>.Again(await ViewNow());
        }
        if (Ids.ForIdempotencyKey(IdPrefixes.Loan, application.CustomerId, application.Request.Key) != LoanId)
        {
            throw WalletRefusedException.NotFound("The loan"); // a loan is made under its own id only
        }
        Check(application);
        var decision = await assessor.Assess(application.CustomerId, application.Amount);
        var now = clock.GetUtcNow();
        loan.State = new LoanState
        {
            CustomerId = application.CustomerId,
            Request = application.Request,
            Amount = application.Amount,
            Currency = application.Currency,
            TermMonths = application.TermMonths,
            Decision = decision,
            AppliedAt = now,
            OfferExpiresAt = decision.Approved ? now + options.Value.OfferValidFor : null,
        };
        await loan.WriteStateAsync();
        await GrainFactory.GetGrain<ICreditFileGrain>(application.CustomerId).NoteLoan(LoanId);
        return Replayable<LoanView>.Made(await ViewNow());
    }

    public async Task<LoanView> Get(string customerId)
    {
        Owned(customerId);
        return await ViewNow();
    }

    public async Task<LoanAccepted> Accept(LoanAcceptance acceptance)
    {
        Owned(acceptance.CustomerId);
        var drawdownId = MovementIds.For(Workflow.LoanDrawdown, acceptance.CustomerId, acceptance.Request.Key);
        if (State.Decision is not { Approved: true } decision)
        {
            throw new WalletRefusedException(RefusalCodes.LoanNotOpen, "This application was declined: there is no offer to accept.");
        }
        if (State.DrawdownId is { } drawn && drawn != drawdownId)
        {
            throw new WalletRefusedException(RefusalCodes.LoanNotOpen, "This loan is drawn already.");
        }
        var now = clock.GetUtcNow();
        if (State.DrawdownId is null && now > State.OfferExpiresAt)
        {
            throw new WalletRefusedException(RefusalCodes.OfferExpired, "This offer was not accepted in time: apply again.");
        }
        var today = days.DayOf(now);
        var terms = new LoanTerms(LoanId, State.CustomerId, State.Currency, State.Amount, decision.AnnualRateBasisPoints, today,
            LoanSchedules.Annuity(State.Amount, decision.AnnualRateBasisPoints, State.TermMonths, today), options.Value.LateBasisPointsPerDay, acceptance.WalletId);
        var drawdown = await GrainFactory.GetGrain<ILoanDrawdownGrain>(drawdownId)
            .Draw(new LoanDrawdownOrder(acceptance.CustomerId, acceptance.Request.Fingerprint, terms, acceptance.Authorisation));
        if (drawdown.Status == MovementStatus.Completed)
        {
            await Drawn(drawdown);
        }
        return new LoanAccepted(drawdown, await ViewNow());
    }

    public async Task<LoanView> SetAutopay(string customerId, string? walletId, PaymentAuthorisation? authorisation)
    {
        Owned(customerId);
        if (State.DrawdownId is null)
        {
            throw new WalletRefusedException(RefusalCodes.LoanNotOpen, "Autopay repays a drawn loan: accept the offer first.");
        }
        if (walletId is not null)
        {
            var wallet = await GrainFactory.GetGrain<IWalletGrain>(walletId).GetFacts();
            if (wallet is null || wallet.OwnerId != customerId)
            {
                throw WalletRefusedException.NotFound("The wallet");
            }
            if (wallet.Currency != State.Currency)
            {
                throw new WalletRefusedException(RefusalCodes.CurrencyMismatch, $"The loan is repaid in {State.Currency}; the wallet must hold it.");
            }
            var yes = authorisation ?? throw new WalletRefusedException(RefusalCodes.ValidationFailed, "Give the payment PIN or a device signature to turn autopay on.");
            await GrainFactory.GetGrain<IPaymentCredentialsGrain>(customerId).AuthorisePayment(yes.For($"autopay {LoanId} {walletId}"),
                new SignedPayment(SignedPayment.AutopayMandate, State.Amount, State.Currency, LoanId, LoanId));
        }
        State.AutopayWalletId = walletId;
        await loan.WriteStateAsync();
        return await ViewNow();
    }

    public Task<string?> AutopayFrom() => Task.FromResult(loan.RecordExists ? State.AutopayWalletId : null);

    /// <summary>
    /// The loan is paid out: autopay repays from the wallet it went to until the borrower says otherwise, the loan enters
    /// the bank's loan book, and the follow-up starts (each again on a replay, in case a crash came between them).
    /// </summary>
    private async Task Drawn(LoanDrawdownReceipt drawdown)
    {
        if (State.DrawdownId is null)
        {
            State.DrawdownId = drawdown.MovementId;
            State.WalletId = drawdown.WalletId;
            State.AutopayWalletId = drawdown.WalletId;
            await loan.WriteStateAsync();
        }
        await GrainFactory.GetGrain<ILoanBookGrain>(0).Enter(LoanId);
        // Nothing falls due for a month: the first look can wait a whole period.
        await this.RegisterOrUpdateReminder(FollowUpReminder, options.Value.CheckEvery, options.Value.CheckEvery);
    }

    private void Check(LoanApplication application)
    {
        if (application.Currency != days.HomeCurrency)
        {
            throw new WalletRefusedException(RefusalCodes.CurrencyNotSupported, $"The bank lends in {days.HomeCurrency} only.");
        }
        if (application.Amount < options.Value.MinimumAmount || !Amounts.IsValidMovement(application.Amount))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"A loan is {Amounts.Format(options.Value.MinimumAmount, application.Currency)} or more.");
        }
        if (!LoanSchedules.Terms.Contains(application.TermMonths))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"A loan runs {string.Join(", ", LoanSchedules.Terms)} months.");
        }
    }

    private void Owned(string customerId)
    {
        if (!loan.RecordExists || State.CustomerId != customerId)
        {
            throw WalletRefusedException.NotFound("The loan");
        }
    }

    private async Task<LoanView> ViewNow()
    {
        var now = clock.GetUtcNow();
        var today = days.DayOf(now);
        var standing = State.Decision!.Approved ? await Account.GetStanding(today) : null;
        return LoanViews.Of(LoanId, State, standing, now, today);
    }

    private ILoanAccountGrain Account => GrainFactory.GetGrain<ILoanAccountGrain>(LoanId);
}
