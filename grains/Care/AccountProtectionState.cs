using Wallet.Credentials;
using Wallet.Events;

namespace Wallet.Care;

/// <summary>A customer's backup phone, the code texted for a report or a recovery, and the report in hand.</summary>
[GenerateSerializer, Alias("Wallet.Care.AccountProtectionState")]
public sealed class AccountProtectionState : IHoldsEvents
{
    /// <summary>The registered backup phone, E.164; null until one is confirmed by its code.</summary>
    [Id(0)] public string? BackupPhone { get; set; }

    /// <summary>The code outstanding; its purpose names what it is for and where it went (<c>ReportLost:Backup</c>, <c>BackupPhone:+86…</c>).</summary>
    [Id(1)] public OneTimeCode? Code { get; set; }

    /// <summary>The report not yet recovered from; its counts fill in as each step is done.</summary>
    [Id(2)] public LostReport? Open { get; set; }

    /// <summary>The steps of the open report done so far, so a report again after a crash finishes it without doing any twice.</summary>
    [Id(3)] public ReportSteps Done { get; set; }

    /// <summary>The wallets the open report froze (active before it): recovery unfreezes these, not one the bank or the owner froze.</summary>
    [Id(4)] public List<string> FrozenByReport { get; set; } = [];

    [Id(5)] public LostReport? LastRecovered { get; set; }

    /// <summary>Until when an operator's identity check stands in for the identity number at recovery.</summary>
    [Id(6)] public DateTimeOffset? RecoveryApprovedUntil { get; set; }

    [Id(7)] public string? RecoveryApprovedBy { get; set; }

    [Id(8)] public List<WalletEvent> Outbox { get; set; } = [];

    /// <summary>Where the operator confirmed the customer receives texts now: only a recovery code sent there stands on the approval.</summary>
    [Id(9)] public CodeDestination RecoveryApprovedTo { get; set; }
}

/// <summary>What a report has done so far, step by step, in the order it does them (sign-in first: a stolen token stops at once).</summary>
[Flags]
public enum ReportSteps
{
    None = 0,
    SignInShut = 1,
    WalletsFrozen = 2,
    DevicesRemoved = 4,
    CodesVoided = 8,
    AutopayPaused = 16,
}
