using Wallet.Events;
using Wallet.Identity;
using Wallet.Risk;
using Wallet.Wallets;

namespace Wallet.Tests.Infrastructure;

/// <summary>Publishes an event on its customer's stream from inside the cluster, as the wallet's own grains do.</summary>
[Alias("Wallet.Tests.IWalletEventSender")]
public interface IWalletEventSender : IGrainWithStringKey
{
    [Alias("Send")]
    Task Send(WalletEvent walletEvent);
}

public sealed class WalletEventSender(IWalletEventPublisher publisher) : Grain, IWalletEventSender
{
    public Task Send(WalletEvent walletEvent) => publisher.Publish(walletEvent);
}

/// <summary>
/// A customer's event stream written by a test: each event stamped with the fake clock, which moves
/// to it first, so what the monitor computes from event times and what it stamps alerts with agree.
/// <see cref="Alerts"/> waits until the monitor has counted every event sent.
/// </summary>
public sealed class RiskFeed(IGrainFactory grains, SettableClock clock, string customerId, DateTimeOffset start)
{
    private int _sent;

    public DateTimeOffset Now { get; private set; } = start;

    public string CustomerId => customerId;

    public RiskFeed After(TimeSpan wait)
    {
        Now += wait;
        return this;
    }

    public Task Pay(long amount, MovementKind kind = MovementKind.Payment, string? payee = null, string currency = "CNY")
        => Send(id => new MoneyMoved(id, customerId, Now, Ids.New("mv"), kind, EntryDirection.Out, amount, currency, "wal_payer",
            payee is null ? "wal_merchant" : "wal_" + payee, payee, kind == MovementKind.Payment ? "mer_shop" : null));

    public Task Transfer(long amount, string payee) => Pay(amount, MovementKind.Transfer, payee);

    public Task Receive(long amount, string payer)
        => Send(id => new MoneyMoved(id, customerId, Now, Ids.New("mv"), MovementKind.Transfer, EntryDirection.In, amount, "CNY", "wal_payer", "wal_" + payer, payer, null));

    public Task SignIn(GeoPoint where) => Send(id => new LoginSucceeded(id, customerId, Now, where));

    public Task WrongPin() => Send(id => new PinFailed(id, customerId, Now, Locked: false));

    public Task NewDevice() => Send(id => new DeviceRegistered(id, customerId, Now, Ids.New("dev")));

    public async Task Send(Func<string, WalletEvent> create)
    {
        clock.Set(Now);
        _sent++;
        await grains.GetGrain<IWalletEventSender>(customerId).Send(create(Ids.New("evt")));
    }

    /// <summary>Where the customer stands once the monitor has counted <paramref name="counted"/> events (by default, every one sent).</summary>
    public async Task<RiskStanding> Standing(int? counted = null)
    {
        var monitor = grains.GetGrain<IRiskMonitorGrain>(customerId);
        var expected = counted ?? _sent;
        await Eventually.Value(monitor.GetSnapshot, s => s.EventsCounted >= expected, $"{expected} events counted for {customerId}");
        return await monitor.GetStanding();
    }

    public async Task<IReadOnlyList<RiskRule>> Alerts() => [.. (await Standing()).Alerts.Select(a => a.Rule)];
}
