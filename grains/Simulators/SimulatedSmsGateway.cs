using Wallet.Hosting;
using Wallet.Sms;

namespace Wallet.Simulators;

/// <summary>Delivers texts into a per-phone outbox grain, where <c>GET /v1/dev/sms</c> reads them.</summary>
public sealed class SimulatedSmsGateway(IGrainFactory grains, [FromKeyedServices(WalletClock.Key)] TimeProvider clock) : ISmsGateway
{
    public Task Send(string phone, string text)
        => grains.GetGrain<ISmsOutboxGrain>(phone).Deliver(new SmsMessage(phone, text, clock.GetUtcNow()));
}
