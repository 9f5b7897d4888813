using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// The API as a user runs it (embedded mode: a silo in the process), on its own ports, with a known
/// operator login and every log event captured.
/// </summary>
public sealed class ApiFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string OperatorPhone = "+15550000001";
    public const string OperatorPassword = "operator-Passw0rd";
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string? _environment;
    private readonly TimeProvider? _bankClock;

    public ApiFixture() : this(TestSettings.Values)
    {
    }

    private ApiFixture(IReadOnlyDictionary<string, string?> settings, string? environment = null, TimeProvider? bankClock = null)
        => (_settings, _environment, _bankClock) = (settings, environment, bankClock);

    /// <summary>An API host whose bank clock (<see cref="Wallet.Hosting.WalletClock"/>) is <paramref name="clock"/>; sign-in tokens keep the real one.</summary>
    public static ApiFixture OnBankClock(TimeProvider clock, IReadOnlyDictionary<string, string?>? settings = null) => new(settings ?? TestSettings.Values, bankClock: clock);

    /// <summary>An API host with other settings than the shared one's (its own database, say), in Development unless <paramref name="environment"/> says otherwise.</summary>
    public static ApiFixture With(IReadOnlyDictionary<string, string?> settings, string? environment = null) => new(settings, environment);

    public LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_environment is not null)
        {
            builder.UseEnvironment(_environment);
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        Default("Wallet:Silo:SiloPort", FreePorts.NextText());
        Default("Wallet:Silo:GatewayPort", FreePorts.NextText());
        Default("Wallet:Operator:Phone", OperatorPhone);
        Default("Wallet:Operator:Password", OperatorPassword);
        Default("Wallet:Auth:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        Default("Wallet:Telemetry:MetricsUrl", $"http://127.0.0.1:{FreePorts.NextText()}"); // every host serves its metrics, as deployed
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILogEventSink>(Logs);
            if (_bankClock is not null)
            {
                services.AddKeyedSingleton(Wallet.Hosting.WalletClock.Key, _bankClock);
            }
        });

        void Default(string key, string value)
        {
            if (!_settings.ContainsKey(key))
            {
                builder.UseSetting(key, value);
            }
        }
    }

    public Task InitializeAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
