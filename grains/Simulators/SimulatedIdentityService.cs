using Wallet.RealName;

namespace Wallet.Simulators;

/// <summary>
/// An identity service for the embedded mode and the tests. It keeps no records: it confirms any
/// well-formed number except those whose sequence code is 999, which it treats as not on record.
/// </summary>
public sealed class SimulatedIdentityService : IIdentityService
{
    public const string UnknownSequence = "999";

    public Task<bool> Confirms(string name, string idNumber)
        => Task.FromResult(!string.IsNullOrWhiteSpace(name) && idNumber[14..17] != UnknownSequence);
}
