using Wallet.Customers;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Care;

/// <summary>
/// Recovery gives back access and nothing else: a new password and PIN, signing in allowed, and the wallets the report froze
/// unfrozen. The sessions, devices and autopay the report ended stay ended: the customer signs in and sets them up anew.
/// </summary>
public sealed partial class AccountProtectionGrain
{
    public async Task<LostReport> Recover(RecoveryRequest request)
    {
        var access = GrainFactory.GetGrain<ICustomerAccessGrain>(CustomerId);
        // The code first: whoever has no code learns nothing of the account (reported or not, verified or not).
        if (State.Code is null || !State.Code.Purpose.StartsWith($"{ProtectionPurpose.Recovery}:", StringComparison.Ordinal))
        {
            throw new WalletRefusedException(RefusalCodes.InvalidVerificationCode, "Ask for a recovery code first.");
        }
        var sentTo = State.Code.Purpose;
        await SpendCode(sentTo, request.Code);
        await protection.WriteStateAsync();
        if (State.Open is null)
        {
            throw new WalletRefusedException(RefusalCodes.NotReportedLost, "This account is not reported lost: sign in, or reset the password.");
        }
        var approved = State.RecoveryApprovedUntil > clock.GetUtcNow() && sentTo == $"{ProtectionPurpose.Recovery}:{State.RecoveryApprovedTo}";
        if (!approved)
        {
            if ((await Customer.GetProfile()).IdNumberMasked is null)
            {
                throw new WalletRefusedException(RefusalCodes.OperatorCheckRequired, "No identity number is on record to check: call the bank, whose operator checks who you are first.");
            }
            if (!await Customer.MatchesIdNumber(request.IdNumber))
            {
                throw new WalletRefusedException(RefusalCodes.IdNumberMismatch, "The identity number does not match the one on record; ask for a new code.");
            }
        }
        if (State.Open.CompletedAt is null)
        {
            await Finish(access); // a report a crash left part-way is completed before it is recovered from
        }
        await GrainFactory.GetGrain<IPaymentCredentialsGrain>(CustomerId).ReplacePinOnRecovery(request.NewPin);
        await access.Reopen(request.NewPassword);
        var unfrozen = new List<string>();
        foreach (var walletId in State.FrozenByReport)
        {
            try
            {
                var view = await GrainFactory.GetGrain<IWalletStatusGrain>(walletId).Unfreeze(CustomerId);
                if (view.Status == WalletStatus.Active)
                {
                    unfrozen.Add(walletId);
                }
            }
            catch (WalletRefusedException refused) when (refused.Code is RefusalCodes.WalletNotFrozen or RefusalCodes.WalletClosed or RefusalCodes.NotFound)
            {
                // The bank holds it receive-only, or it was closed: not the report's to lift.
            }
        }
        var recovered = State.Open with { RecoveredAt = clock.GetUtcNow(), WalletsUnfrozen = unfrozen };
        (State.Open, State.LastRecovered, State.FrozenByReport, State.Done) = (null, recovered, [], ReportSteps.None);
        (State.RecoveryApprovedUntil, State.RecoveryApprovedBy) = (null, null);
        Record((id, at) => new AccountRecovered(id, CustomerId, at, recovered.ReportId, unfrozen.Count, approved));
        await Outbox.SaveAndPublish();
        await Tell("recovered", "account_recovered", "Your account is yours again", LossReports.AfterRecovery, recovered.ReportId);
        return recovered;
    }
}
