using Wallet.Fx;

namespace Wallet.Wallets;

/// <summary>
/// A wallet in another currency than the home one is held to its tier's limits and balance cap converted at the day's
/// rate (<see cref="IFxFixingGrain"/>), learned once a bank day. Without a rate feed (or while it fails) the reference
/// rate converts them, asked again a minute later: a wallet keeps working when FX does not.
/// </summary>
public sealed partial class WalletGrain
{
    private static readonly TimeSpan s_askAgainAfter = TimeSpan.FromMinutes(1);

    /// <summary>The day's rate this activation knows (null: the reference rate, until <c>AskAgainAt</c>).</summary>
    private (DateOnly Day, decimal? Rate, DateTimeOffset AskAgainAt)? _dayRate;

    [LoggerMessage(Level = LogLevel.Warning, Message = "No day's rate for {Currency} ({Error}): wallet {WalletId}'s limits are converted at the reference rate for now")]
    private static partial void LogNoDayRate(ILogger logger, string currency, string walletId, string error);

    /// <summary>Makes sure <see cref="LimitsAt"/> converts at today's rate, before the limits are read.</summary>
    private async Task LearnDayRate(DateTimeOffset now)
    {
        if (!profile.RecordExists || !limits.Converts(profile.State.Tier, profile.State.Currency, now))
        {
            return;
        }
        var day = limits.DayOf(now);
        if (_dayRate is { } known && known.Day == day && (known.Rate is not null || now < known.AskAgainAt))
        {
            return;
        }
        var currency = profile.State.Currency;
        try
        {
            _dayRate = (day, await GrainFactory.GetGrain<IFxFixingGrain>(FxFixings.KeyOf(currency, day)).PerUnit(), now);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogNoDayRate(logger, currency, this.GetPrimaryKeyString(), exception.GetType().Name);
            if (_dayRate is not { Rate: not null } learned || learned.Day != day)
            {
                _dayRate = (day, null, now + s_askAgainAfter); // an interleaved call may have learned it meanwhile: kept
            }
        }
    }

    /// <summary>The day's rate for <paramref name="at"/>'s bank day, if this activation has learned it.</summary>
    private decimal? DayRateOn(DateTimeOffset at) => _dayRate is { Rate: { } rate } known && known.Day == limits.DayOf(at) ? rate : null;
}
