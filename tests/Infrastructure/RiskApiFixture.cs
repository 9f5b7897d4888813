namespace Wallet.Tests.Infrastructure;

/// <summary>
/// The API with the risk rules on, each restriction reachable by what a customer does over
/// HTTP: three wrong PINs require step-up and a new device then a large transfer holds payments for
/// review (their defaults); impossible travel between two sign-ins puts the customer on receive-only,
/// and a fifth payment within an hour freezes them (set here). Tests keep under five payments an hour
/// unless they mean to freeze. The night-time rule is off: it would make the outcome depend on the hour.
/// </summary>
public sealed class RiskApiFixture : IAsyncLifetime
{
    public ApiFixture Api { get; } = ApiFixture.With(new Dictionary<string, string?>(TestSettings.Values)
    {
        ["Wallet:Risk:Enabled"] = "true",
        ["Wallet:Risk:ImpossibleTravel:Action"] = "ReceiveOnly",
        ["Wallet:Risk:Velocity:CountPerHour"] = "5",
        ["Wallet:Risk:Velocity:Action"] = "Freeze",
        // These tests run on the real clock, at whatever hour CI runs them: between 00:00 and 05:00 in Shanghai the
        // night-time rule would fire on their payments and change the restriction they expect. Its own tests use a set clock.
        ["Wallet:Risk:NightTime:Enabled"] = "false",
    });

    public Task InitializeAsync() => ((IAsyncLifetime)Api).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)Api).DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class RiskApiCollection : ICollectionFixture<RiskApiFixture>
{
    public const string Name = "api with risk rules on";
}
