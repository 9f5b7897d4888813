namespace Wallet.Simulators;

/// <summary>
/// Whether the simulated bank and SMS gateway stand in for real ones (<c>Wallet:Simulators</c>). Beside the contracts
/// because both sides read it: the silo hosts the simulators, the API maps their outbox.
/// </summary>
public sealed class SimulatorOptions
{
    public const string Section = "Wallet:Simulators";

    public bool Enabled { get; set; }
}
