using Wallet.Credit;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Refusals;
using Wallet.Utilities;
using Wallet.Wallets;

namespace Wallet.Care;

/// <summary>
/// The report of loss: proven first, then every step in turn, each stored as done before the next, so a report again after a
/// crash part-way finishes it and does nothing twice. Signing in is shut first: a stolen token is refused from that moment.
/// </summary>
public sealed partial class AccountProtectionGrain
{
    public async Task<LostReport> ReportLost(ReportProof proof)
    {
        var access = GrainFactory.GetGrain<ICustomerAccessGrain>(CustomerId);
        // Proven first, even when reported already: a wrong password or code learns nothing of the report.
        var sessionsEnded = await Prove(proof, access);
        if (State.Open is null)
        {
            State.Open = new LostReport(Ids.New(IdPrefixes.LostReport), proof.Path, clock.GetUtcNow(), [], 0, 0, 0, 0, 0, CompletedAt: null,
                OperatorId: proof.Path == ReportPath.Operator ? proof.OperatorId : null);
            (State.Done, State.FrozenByReport, State.RecoveryApprovedUntil) = (ReportSteps.None, [], null);
            await Step(ReportSteps.SignInShut, r => r with { SessionsEnded = sessionsEnded });
        }
        else if (State.Open.CompletedAt is not null)
        {
            await protection.WriteStateAsync(); // a code that proved it is spent for good
            return State.Open; // reported already: the same report
        }
        await Finish(access);
        return State.Open!;
    }

    /// <summary>Checks the proof; a password is checked by signing in's own grain, which shuts it in the same step (answering the sessions it ended).</summary>
    private async Task<int> Prove(ReportProof proof, ICustomerAccessGrain access)
    {
        switch (proof.Path)
        {
            case ReportPath.SignedIn or ReportPath.Password:
                return await access.ShutForLoss(proof.Password ?? throw new WalletRefusedException(RefusalCodes.ValidationFailed, "The login password is required."));
            case ReportPath.PhoneCode:
                await SpendCode($"{ProtectionPurpose.ReportLost}:{CodeDestination.Phone}", proof.Code ?? "");
                break;
            case ReportPath.BackupCode:
                await SpendCode($"{ProtectionPurpose.ReportLost}:{CodeDestination.Backup}", proof.Code ?? "");
                if (!await Customer.MatchesIdNumber(proof.IdNumber))
                {
                    await protection.WriteStateAsync(); // the code is spent: a wrong number does not leave it for another guess
                    throw new WalletRefusedException(RefusalCodes.IdNumberMismatch, "The identity number does not match the one on record.");
                }
                break;
            case ReportPath.Operator when proof.OperatorId is null:
                throw new WalletRefusedException(RefusalCodes.ValidationFailed, "An operator's report names the operator.");
        }
        return await access.ShutForLoss(password: null);
    }

    /// <summary>Every step not done yet, in order; then the report is complete, said to the risk monitor (the event) and the customer (the inbox).</summary>
    private async Task Finish(ICustomerAccessGrain access)
    {
        if (!State.Done.HasFlag(ReportSteps.SignInShut))
        {
            var ended = await access.ShutForLoss(password: null);
            await Step(ReportSteps.SignInShut, r => r with { SessionsEnded = r.SessionsEnded + ended });
        }
        if (!State.Done.HasFlag(ReportSteps.WalletsFrozen))
        {
            await FreezeWallets();
            await Step(ReportSteps.WalletsFrozen, r => r with { WalletsFrozen = [.. State.FrozenByReport] });
        }
        if (!State.Done.HasFlag(ReportSteps.DevicesRemoved))
        {
            var removed = await GrainFactory.GetGrain<IPaymentCredentialsGrain>(CustomerId).RemoveAllDevices();
            await Step(ReportSteps.DevicesRemoved, r => r with { DevicesRemoved = removed });
        }
        if (!State.Done.HasFlag(ReportSteps.CodesVoided))
        {
            var (codes, waiting) = await GrainFactory.GetGrain<IPayerGrain>(CustomerId).VoidOutstanding();
            var charges = 0;
            foreach (var paymentId in waiting)
            {
                // Refused, or found confirmed or lapsed first: either way no longer waiting.
                charges += await GrainFactory.GetGrain<Movements.IChargeGrain>(paymentId).VoidPending(CustomerId) ? 1 : 0;
            }
            await Step(ReportSteps.CodesVoided, r => r with { PaymentCodesVoided = codes, ConfirmationsVoided = charges });
        }
        if (!State.Done.HasFlag(ReportSteps.AutopayPaused))
        {
            var paused = await PauseAutopay();
            await Step(ReportSteps.AutopayPaused, r => r with { MandatesPaused = paused });
        }
        var report = State.Open! with { CompletedAt = clock.GetUtcNow() };
        State.Open = report;
        Record((id, at) => new AccountReportedLost(id, CustomerId, at, report.ReportId, report.Path, report.WalletsFrozen.Count, report.SessionsEnded,
            report.DevicesRemoved, report.PaymentCodesVoided, report.ConfirmationsVoided, report.MandatesPaused));
        await Outbox.SaveAndPublish();
        await Tell("reported", "account_reported_lost", "Your account is reported lost", LossReports.HowToRecover, report.ReportId);
    }

    private async Task Step(ReportSteps done, Func<LostReport, LostReport> count)
    {
        State.Open = count(State.Open!);
        State.Done |= done;
        await protection.WriteStateAsync();
    }

    /// <summary>Every active wallet frozen; each one that was is kept, written as it goes, so recovery unfreezes exactly those.</summary>
    private async Task FreezeWallets()
    {
        foreach (var wallet in await Customer.ListWallets())
        {
            if (wallet.Status != WalletStatus.Active || State.FrozenByReport.Contains(wallet.WalletId))
            {
                continue;
            }
            State.FrozenByReport.Add(wallet.WalletId);
            await protection.WriteStateAsync(); // before the freeze: a crash after it must still know to unfreeze it
            await GrainFactory.GetGrain<IWalletStatusGrain>(wallet.WalletId).Freeze(CustomerId);
        }
    }

    /// <summary>Bill mandates paused (kept, set again with the new PIN) and loans' autopay turned off: the customer turns each back on.</summary>
    private async Task<int> PauseAutopay()
    {
        var paused = await GrainFactory.GetGrain<IBillCalendarGrain>(CustomerId).PauseMandates();
        foreach (var loanId in await GrainFactory.GetGrain<ICreditFileGrain>(CustomerId).ListLoans())
        {
            var loan = GrainFactory.GetGrain<ILoanGrain>(loanId);
            if (await loan.AutopayFrom() is not null)
            {
                await loan.SetAutopay(CustomerId, walletId: null, authorisation: null);
                paused++;
            }
        }
        return paused;
    }
}
