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

    public async Task Await(PendingApproval approval)
    {
        if (State.Pending.Exists(p => p.MovementId == approval.MovementId) || State.Decided.Contains(approval.MovementId))
        {
            return;
        }
        State.Pending.Add(approval);
        await approvals.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ExpiryReminder, ExpiryCheckEvery, ExpiryCheckEvery);
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
        return [.. State.Pending];
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
            await Answer(expired.MovementId, new ApprovalAnswer(null, Approve: false));
        }
        if (State.Pending.Count == 0)
        {
            await this.ForgetReminder(ExpiryReminder);
        }
        return [.. State.Pending];
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
        catch (WalletRefusedException settled) when (settled.Code == RefusalCodes.NotPending)
        {
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
}
