using Wallet.Refusals;

namespace Wallet.RealName;

/// <summary>Stands in where no identity service is integrated yet (simulators off): real-name verification answers 503 <c>integration_unavailable</c>.</summary>
public sealed class UnconfiguredIdentityService : IIdentityService
{
    public Task<bool> Confirms(string name, string idNumber)
        => throw new WalletRefusedException(RefusalCodes.IntegrationUnavailable, "No identity service is configured: real names cannot be verified yet.");
}
