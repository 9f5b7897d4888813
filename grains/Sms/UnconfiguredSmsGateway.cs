using Wallet.Refusals;

namespace Wallet.Sms;

/// <summary>Stands in where no SMS gateway is integrated yet (simulators off): a text that cannot go out is a 503 <c>integration_unavailable</c>, never a code silently lost.</summary>
public sealed class UnconfiguredSmsGateway : ISmsGateway
{
    public Task Send(string phone, string text)
        => throw new WalletRefusedException(RefusalCodes.IntegrationUnavailable, "No SMS gateway is configured: verification codes cannot be sent yet.");
}
