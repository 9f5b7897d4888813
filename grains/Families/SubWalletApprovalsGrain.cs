using Wallet.Hosting;
using Wallet.Money;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Refusals;

namespace Wallet.Families;

/// <summary>
/// A sub-wallet's payments awaiting its family's approval. The payment's own record decides (it resolves its held state
/// once, whoever asks first); this lists what waits, says who may answer, and declines what waited too long.
/// </summary>
public sealed partial class SubWalletApprovalsGrain(
    [PersistentState("sub-wallet-approvals", StorageNames.Wallet)] IPersistentState<SubWalletApprovalsState> approvals,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    ILogger<SubWalletApprovalsGrain> logger)
    : Grain, ISubWalletApprovalsGrain, IRemindable
{
    private const string ExpiryReminder = "approvals-expiry";
    private static readonly TimeSpan ExpiryCheckEvery = TimeSpan.FromMinutes(1);
    private const int DecidedKept = 100;

    private SubWalletApprovalsState State => approvals.State;

    private ISubWalletGrain SubWallet => GrainFactory.GetGrain<ISubWalletGrain>(this.GetPrimaryKeyString());

    public async Task Expect(PendingApproval approval)
    {
        if (State.Pending.Exists(p => p.MovementId == approval.MovementId) || State.Decided.Contains(approval.MovementId))
        {
            return;
        }
        State.Pending.Add(approval);
        await approvals.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ExpiryReminder, ExpiryCheckEvery, ExpiryCheckEvery);
    }

    public async Task Await(PendingApproval approval)
    {
        if (State.Decided.Contains(approval.MovementId) || State.Confirmed.Contains(approval.MovementId))
        {
            return; // answered already, or told already (a replay)
        }
        await Expect(approval);
        State.Confirmed.Add(approval.MovementId);
        await approvals.WriteStateAsync();
        var terms = await SubWallet.Steward(this.GetPrimaryKeyString());
        foreach (var steward in terms.Stewards)
        {
            await GrainFactory.GetGrain<INotificationInboxGrain>(steward).Post(new Notification($"ntf_{approval.MovementId}_ask", "approval_needed",
                "A payment waits for your approval", $"{Amounts.Format(approval.Amount, approval.Currency)} to {approval.MerchantId} from the sub-wallet; it expires at {approval.ExpiresAt:u}.",
                clock.GetUtcNow(), approval.MovementId));
        }
    }

    public async Task<IReadOnlyList<PendingApproval>> List(string callerId)
    {
        await SubWallet.View(callerId); // the family and the member; anyone else is told it does not exist
        return [.. State.Pending.Where(p => State.Confirmed.Contains(p.MovementId))];
    }

    public async Task<ReviewableOutcome> Decide(string callerId, string movementId, bool approve)
    {
        await SubWallet.Steward(callerId);
        if (!State.Pending.Exists(p => p.MovementId == movementId))
        {
            throw State.Decided.Contains(movementId)
                ? new WalletRefusedException(RefusalCodes.NotPending, "This payment is not awaiting approval.")
                : WalletRefusedException.NotFound("The payment");
        }
        return await Answer(movementId, new ApprovalAnswer(callerId, approve));
    }

    public async Task<IReadOnlyList<PendingApproval>> FollowUp()
    {
        var now = clock.GetUtcNow();
        foreach (var expired in State.Pending.Where(p => p.ExpiresAt <= now).ToList())
        {
            try
            {
                await Answer(expired.MovementId, new ApprovalAnswer(null, Approve: false));
            }
            catch (WalletRefusedException gone) when (gone.Code is RefusalCodes.NotPending or RefusalCodes.NotFound)
            {
                // forgotten by Answer: it was not waiting any more
            }
        }
        if (State.Pending.Count == 0)
        {
            await this.ForgetReminder(ExpiryReminder);
        }
        return [.. State.Pending.Where(p => State.Confirmed.Contains(p.MovementId))];
    }

    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status) => FollowUp();

    /// <summary>The payment's record resolves it (once: a second answer finds it no longer awaiting); then it is no longer listed.</summary>
    private async Task<ReviewableOutcome> Answer(string movementId, ApprovalAnswer answer)
    {
        var payment = MovementIds.Reviewable(GrainFactory, movementId) ?? throw WalletRefusedException.NotFound("The payment");
        ReviewableOutcome outcome;
        try
        {
            outcome = await payment.AnswerApproval(answer);
        }
        catch (WalletRefusedException settled) when (settled.Code is RefusalCodes.NotPending or RefusalCodes.NotFound)
        {
            // Answered another way, or refused (or never committed) after it was expected: nothing waits any more.
            LogAlreadySettled(logger, movementId);
            await Forget(movementId);
            throw;
        }
        if (outcome.Status != MovementStatus.AwaitingApproval)
        {
            await Forget(movementId);
        }
        return outcome;
    }

    private async Task Forget(string movementId)
    {
        State.Pending.RemoveAll(p => p.MovementId == movementId);
        State.Confirmed.Remove(movementId);
        State.Decided.Add(movementId);
        if (State.Decided.Count > DecidedKept)
        {
            State.Decided.RemoveAt(0);
        }
        await approvals.WriteStateAsync();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment {MovementId} was answered already; it is no longer listed as awaiting approval")]
    private static partial void LogAlreadySettled(ILogger logger, string movementId);
}

[GenerateSerializer, Alias("Wallet.SubWalletApprovalsState")]
public sealed class SubWalletApprovalsState
{
    [Id(0)] public List<PendingApproval> Pending { get; set; } = [];

    /// <summary>The most recent payments answered, so a second answer is told "not pending", not "not found".</summary>
    [Id(1)] public List<string> Decided { get; set; } = [];

    /// <summary>The listed payments whose commit confirmed they wait (shown and told to the family); the others were only expected.</summary>
    [Id(2)] public HashSet<string> Confirmed { get; set; } = [];
}
