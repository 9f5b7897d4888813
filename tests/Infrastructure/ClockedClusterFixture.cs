using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using Wallet.Hosting;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// A two-silo cluster whose bank clock (<see cref="WalletClock"/>) is a fake the tests move: both silos
/// share one instance, so midnight comes everywhere at once. Orleans keeps the real clock. Its limits
/// are configured with a second version that tightens tier 4 from <see cref="TightenedFrom"/>.
/// Tests in the collection run one at a time, each setting the clock before it starts.
/// </summary>
public class ClockedClusterFixture : IAsyncLifetime
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <summary>A clocked cluster whose families may hold over a thousand members: a group red packet's race needs that many claimants.</summary>
    public ClockedClusterFixture() : this(new Dictionary<string, string?> { ["Wallet:Families:MaxMembers"] = "1100" })
    {
    }

    /// <summary>A clocked cluster with settings over the shared ones.</summary>
    protected ClockedClusterFixture(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    /// <summary>From then tier 4 may send at most ¥1,000 at once (the e-CNY table says ¥2,000).</summary>
    public static readonly DateTimeOffset TightenedFrom = new(2030, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));

    public const long TightenedSingle = 100_000;

    public SettableClock Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public Scenario Scenario => new(Grains);

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(TestSettings.Values).AddInMemoryCollection(Limits())
            .AddInMemoryCollection(_settings).Build();
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddWallet(configuration).AddIncomingGrainCallFilter<AbortInjection>();
            silo.Services.AddKeyedSingleton<TimeProvider>(WalletClock.Key, Clock);
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    /// <summary>Sets the bank's clock to a wall-clock time in Shanghai.</summary>
    public void SetShanghaiTime(int year, int month, int day, int hour, int minute, int second = 0)
        => Clock.Set(new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.FromHours(8)));

    /// <summary>The e-CNY table as written in configuration, then the same with tier 4's single limit halved.</summary>
    private static Dictionary<string, string?> Limits()
    {
        var values = new Dictionary<string, string?>();
        void Version(int index, DateTimeOffset from, long tier4Single)
        {
            var prefix = $"Wallet:Limits:Versions:{index}";
            values[$"{prefix}:EffectiveFrom"] = from.ToString("O");
            values[$"{prefix}:Currency"] = "CNY";
            (int Tier, long Cap, long Single, long Daily, long? Yearly)[] rows =
            [
                (4, 1_000_000, tier4Single, 500_000, 5_000_000),
                (3, 2_000_000, 500_000, 1_000_000, null),
                (2, 50_000_000, 5_000_000, 10_000_000, null),
            ];
            foreach (var row in rows)
            {
                values[$"{prefix}:Tiers:{row.Tier}:BalanceCap"] = row.Cap.ToString(System.Globalization.CultureInfo.InvariantCulture);
                values[$"{prefix}:Tiers:{row.Tier}:Single"] = row.Single.ToString(System.Globalization.CultureInfo.InvariantCulture);
                values[$"{prefix}:Tiers:{row.Tier}:Daily"] = row.Daily.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (row.Yearly is { } yearly)
                {
                    values[$"{prefix}:Tiers:{row.Tier}:Yearly"] = yearly.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        Version(0, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(8)), 200_000);
        Version(1, TightenedFrom, TightenedSingle);
        return values;
    }
}

[CollectionDefinition(Name)]
public sealed class ClockedClusterCollection : ICollectionFixture<ClockedClusterFixture>
{
    public const string Name = "two-silo cluster on a fake bank clock";
}

/// <summary>
/// A clocked cluster with the risk rules on, at their default thresholds: on the fake clock the night comes when a test says.
/// Reference rates for USD and HKD only, so the thresholds' conversion is known and EUR is a currency the bank does not offer.
/// </summary>
public sealed class RiskClusterFixture() : ClockedClusterFixture(new Dictionary<string, string?>
{
    ["Wallet:Risk:Enabled"] = "true",
    ["Wallet:Limits:ReferenceRates:USD"] = "7.30",
    ["Wallet:Limits:ReferenceRates:HKD"] = "0.92",
});

[CollectionDefinition(Name)]
public sealed class RiskClusterCollection : ICollectionFixture<RiskClusterFixture>
{
    public const string Name = "two-silo cluster on a fake bank clock, risk rules on";
}
