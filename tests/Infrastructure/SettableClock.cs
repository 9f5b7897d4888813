namespace Wallet.Tests.Infrastructure;

/// <summary>
/// A clock a test sets to any moment, forwards or back (Microsoft's FakeTimeProvider refuses going
/// back, and tests sharing a cluster each start from their own date). Time stands still between sets.
/// </summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);
}
