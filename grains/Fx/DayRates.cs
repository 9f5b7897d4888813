using System.Collections.Concurrent;
using Wallet.Limits;

namespace Wallet.Fx;

/// <summary>
/// The day's rates this silo has learned (<see cref="IFxFixingGrain"/>), one ask per currency and bank day for all its
/// wallets, not one per wallet: the foreign wallets' limits are converted at them. Without a rate feed (or while it
/// fails) there is none, and the limits use the reference rate; the feed is asked again a minute later.
/// </summary>
public sealed partial class DayRates(IGrainFactory grains, LimitSchedule calendar, ILogger<DayRates> logger)
{
    private static readonly TimeSpan s_askAgainAfter = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<(string Currency, DateOnly Day), Task<decimal>> _fixed = new();
    private readonly ConcurrentDictionary<(string Currency, DateOnly Day), DateTimeOffset> _unanswered = new();

    /// <summary>Learns <paramref name="currency"/>'s rate for <paramref name="now"/>'s bank day, once; afterwards <see cref="Known"/> has it.</summary>
    public async Task Learn(string currency, DateTimeOffset now)
    {
        var key = (currency, calendar.DayOf(now));
        if (_unanswered.TryGetValue(key, out var askAgainAt) && now < askAgainAt)
        {
            return;
        }
        var asking = _fixed.GetOrAdd(key, k => Ask(k.Currency, k.Day));
        try
        {
            await asking;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            _fixed.TryRemove(KeyValuePair.Create(key, asking));
            _unanswered[key] = now + s_askAgainAfter;
            LogNoDayRate(logger, currency, exception.GetType().Name);
        }
    }

    /// <summary>The day's rate of <paramref name="currency"/> for <paramref name="at"/>'s bank day, if learned; otherwise null (the reference rate).</summary>
    public decimal? Known(string currency, DateTimeOffset at)
        => _fixed.TryGetValue((currency, calendar.DayOf(at)), out var rate) && rate.IsCompletedSuccessfully ? rate.Result : null;

    private Task<decimal> Ask(string currency, DateOnly day)
    {
        // Earlier days' rates are no longer asked for: forgotten as a new day's is first asked.
        foreach (var old in _fixed.Keys.Where(k => k.Day < day))
        {
            _fixed.TryRemove(old, out _);
            _unanswered.TryRemove(old, out _);
        }
        return grains.GetGrain<IFxFixingGrain>(FxFixings.KeyOf(currency, day)).PerUnit();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No day's rate for {Currency} ({Error}): foreign wallets' limits are converted at the reference rate for now")]
    private static partial void LogNoDayRate(ILogger logger, string currency, string error);
}
