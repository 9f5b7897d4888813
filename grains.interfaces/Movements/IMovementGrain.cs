namespace Wallet.Movements;

/// <summary>
/// What every movement grain does, whatever its workflow. Each movement is keyed by an id derived from
/// its caller and idempotency key (or merchant order id: see <see cref="MovementIds"/>) and is the single
/// writer for it: it runs the grain transaction that moves the money and records its own outcome together,
/// so a replay returns the recorded outcome and never moves twice.
/// </summary>
[Alias("Wallet.IMovementGrain")]
public interface IMovementGrain : IGrainWithStringKey
{
    /// <summary>
    /// Publishes the events of the recorded outcome again (after a crash or a failed publish); false
    /// when nothing is recorded (not committed yet, or never).
    /// </summary>
    [Alias("Republish")]
    Task<bool> Republish();
}
