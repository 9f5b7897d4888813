namespace Wallet.Fx;

/// <summary>What a correspondent bank says of a remittance.</summary>
public enum CorrespondentOutcome
{
    /// <summary>No answer (yet).</summary>
    Unknown,

    /// <summary>Taken, on its way to the beneficiary's bank.</summary>
    Sent,

    /// <summary>The beneficiary's bank credited the account.</summary>
    Credited,

    /// <summary>The beneficiary's bank sent it back.</summary>
    Returned,
}

public sealed record CorrespondentAnswer(CorrespondentOutcome Outcome, string? Reference = null, string? Reason = null)
{
    public static CorrespondentAnswer Silent { get; } = new(CorrespondentOutcome.Unknown);
}

/// <summary>
/// The correspondent banks abroad, as the bank reaches them (over SWIFT in a real bank). The remittance id is the
/// correspondent's idempotency key: told twice of the same remittance, it sends it once.
/// </summary>
public interface ICorrespondentBank
{
    /// <summary>Hands the remittance over; the correspondent may take it, or not answer before <paramref name="cancellation"/> ends the wait.</summary>
    Task<CorrespondentAnswer> Send(string remittanceId, Beneficiary beneficiary, long amount, string currency, DateTimeOffset now, CancellationToken cancellation);

    /// <summary>Asks what became of a remittance handed over at <paramref name="acceptedAt"/>.</summary>
    Task<CorrespondentAnswer> Status(string remittanceId, Beneficiary beneficiary, DateTimeOffset acceptedAt, DateTimeOffset now);

    /// <summary>
    /// Recalls a remittance the correspondent has not acknowledged: true when it confirms it does not hold it and will
    /// not send it (the bank may then give the money back), false when it does hold it (its status then says more).
    /// </summary>
    Task<bool> Recall(string remittanceId, Beneficiary beneficiary, DateTimeOffset now);
}

/// <summary>Where no correspondent is integrated (simulators off): a remittance is refused with 503 <c>integration_unavailable</c> before any money moves.</summary>
public sealed class UnconfiguredCorrespondentBank : ICorrespondentBank
{
    public static bool IsConfigured(ICorrespondentBank bank) => bank is not UnconfiguredCorrespondentBank;

    public Task<CorrespondentAnswer> Send(string remittanceId, Beneficiary beneficiary, long amount, string currency, DateTimeOffset now, CancellationToken cancellation)
        => Task.FromResult(CorrespondentAnswer.Silent);

    public Task<CorrespondentAnswer> Status(string remittanceId, Beneficiary beneficiary, DateTimeOffset acceptedAt, DateTimeOffset now)
        => Task.FromResult(CorrespondentAnswer.Silent);

    /// <summary>No correspondent, no recall confirmed: the remittance stays with the operators rather than being refunded on a guess.</summary>
    public Task<bool> Recall(string remittanceId, Beneficiary beneficiary, DateTimeOffset now) => Task.FromResult(false);

    public static Refusals.WalletRefusedException Unavailable()
        => new(Refusals.RefusalCodes.IntegrationUnavailable, "No correspondent bank is configured: remittances abroad cannot be sent yet.");
}
