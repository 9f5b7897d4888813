using Wallet.Fx;

namespace Wallet.Simulators;

/// <summary>
/// The correspondent bank for the embedded mode and the tests. Stateless, so every silo answers alike; the
/// beneficiary's account number says how its bank behaves: ending 0001 the beneficiary's bank sends the remittance
/// back (the account is closed); 0002 the correspondent never answers (after <c>Wallet:Fx:RemittanceSendWithin</c>
/// the bank recalls it, which it confirms, and gives the money back); 0003 it is credited a day after it was sent. Every other account is
/// taken at once and credited when the bank next asks.
/// </summary>
public sealed class SimulatedCorrespondentBank : ICorrespondentBank
{
    public const string Returns = "0001";
    public const string Silent = "0002";
    public const string CreditsNextDay = "0003";

    public static readonly TimeSpan NextDay = TimeSpan.FromDays(1);

    public Task<CorrespondentAnswer> Send(string remittanceId, Beneficiary beneficiary, long amount, string currency, DateTimeOffset now, CancellationToken cancellation)
        => Task.FromResult(Behaves(beneficiary, Silent) ? CorrespondentAnswer.Silent : new CorrespondentAnswer(CorrespondentOutcome.Sent, ReferenceOf(remittanceId)));

    public Task<CorrespondentAnswer> Status(string remittanceId, Beneficiary beneficiary, DateTimeOffset acceptedAt, DateTimeOffset now)
        => Task.FromResult(
            Behaves(beneficiary, Silent) ? CorrespondentAnswer.Silent
            : Behaves(beneficiary, Returns) ? new CorrespondentAnswer(CorrespondentOutcome.Returned, ReferenceOf(remittanceId), "The beneficiary's account is closed.")
            : Behaves(beneficiary, CreditsNextDay) && now < acceptedAt + NextDay ? new CorrespondentAnswer(CorrespondentOutcome.Sent, ReferenceOf(remittanceId))
            : new CorrespondentAnswer(CorrespondentOutcome.Credited, ReferenceOf(remittanceId)));

    /// <summary>Only a remittance it never took (the silent accounts') is recalled; any other it holds.</summary>
    public Task<bool> Recall(string remittanceId, Beneficiary beneficiary, DateTimeOffset now) => Task.FromResult(Behaves(beneficiary, Silent));

    private static string ReferenceOf(string remittanceId) => $"SIMSWIFT{Ledger.StableHash.Of(remittanceId):D10}";

    private static bool Behaves(Beneficiary beneficiary, string ending) => beneficiary.Account.EndsWith(ending, StringComparison.Ordinal);
}
