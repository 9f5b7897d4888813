namespace Wallet.Risk.Rules;

/// <summary>Transfers to many people never paid before, in a short time.</summary>
public sealed class NewPayeesCheck : IRiskRuleCheck
{
    public RiskRule Rule => RiskRule.NewPayees;

    public string? Check(RiskState state, Observation seen, RiskOptions options)
    {
        var settings = options.NewPayees;
        if (!seen.NewPayee)
        {
            return null;
        }
        var since = seen.Event.OccurredAt - settings.Within;
        var count = state.NewPayeesAt.Count(at => at >= since);
        return count >= settings.Count ? $"Transfers to {count} new payees within {settings.Within.TotalHours:0} hours (threshold {settings.Count})." : null;
    }
}
