using Microsoft.Extensions.Configuration;
using Wallet.Risk;

namespace Wallet.Tests.Risk;

/// <summary>The rules' settings are checked as a silo starts: a mistake is named then, not found at a customer's first event.</summary>
public sealed class RiskOptionsTests
{
    [Fact]
    public void The_defaults_are_sound_and_bound_settings_replace_them()
    {
        Assert.Empty(new RiskOptions().Problems());
        var bound = Bind(new() { ["Wallet:Risk:Velocity:CountPerHour"] = "4", ["Wallet:Risk:Velocity:Action"] = "Freeze" });
        Assert.Equal((4, Restriction.Freeze, 30), (bound.Velocity.CountPerHour, bound.Velocity.Action, bound.Velocity.CountPerDay));
        Assert.Empty(bound.Problems());
    }

    [Fact]
    public void Each_unusable_setting_is_named()
    {
        var problems = Bind(new()
        {
            ["Wallet:Risk:NightTime:TimeZone"] = "Mars/Olympus_Mons",
            ["Wallet:Risk:NightTime:FromHour"] = "6",
            ["Wallet:Risk:MulePattern:OutShare"] = "1.5",
            ["Wallet:Risk:Velocity:CountPerHour"] = "0",
            ["Wallet:Risk:NewPayees:Action"] = "None",
        }).Problems();

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("Mars/Olympus_Mons", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("NightTime runs from FromHour", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("OutShare", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Velocity's counts", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("NewPayees:Action", StringComparison.Ordinal));
    }

    private static RiskOptions Bind(Dictionary<string, string?> values)
        => new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(RiskOptions.Section).Get<RiskOptions>()!;
}
