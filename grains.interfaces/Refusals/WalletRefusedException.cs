namespace Wallet.Refusals;

/// <summary>
/// A business refusal with a stable code. Grains throw it; it crosses silos with its real type
/// and the HTTP facade turns it into a problem response.
/// </summary>
[GenerateSerializer, Alias("Wallet.WalletRefusedException")]
public sealed class WalletRefusedException : Exception
{
    public WalletRefusedException(string code, string message) : base(message) => Code = code;

    public WalletRefusedException() : this(RefusalCodes.ValidationFailed, "Refused.") { }

    public WalletRefusedException(string message) : this(RefusalCodes.ValidationFailed, message) { }

    public WalletRefusedException(string message, Exception innerException) : base(message, innerException)
        => Code = RefusalCodes.ValidationFailed;

    [Id(0)]
    public string Code { get; }

    /// <summary>The limit the refusal met, and how much is left under it, when a limit was the reason.</summary>
    [Id(4)]
    public Limits.LimitMet? Limit { get; init; }

    /// <summary>Of a wrong PIN: the wrong PINs left before payments lock (0 once they have), for the app to show.</summary>
    [Id(2)]
    public int? RemainingAttempts { get; init; }

    /// <summary>Of a lock (payments after wrong PINs): when it ends by itself, for the app to show.</summary>
    [Id(3)]
    public DateTimeOffset? LockedUntil { get; init; }

    public static WalletRefusedException NotFound(string what) => new(RefusalCodes.NotFound, $"{what} was not found.");
}
