using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using Orleans.Storage;
using Wallet.Banking;
using Wallet.Credentials;
using Wallet.Limits;
using Wallet.Merchants;
using Wallet.RealName;
using Wallet.Simulators;
using Wallet.Sms;
using Wallet.Storage;
using Wallet.Storage.GroupCommit;
using Wallet.Telemetry;
using Wallet.Wallets;

namespace Wallet.Hosting;

/// <summary>
/// The one place a silo is wired: used by the silo process, by the embedded mode of the API and by
/// the test cluster, so the three cannot drift apart.
/// </summary>
public static class WalletSilo
{
    private const string Npgsql = "Npgsql";

    /// <summary>
    /// Grains, transactions, storage and event streams (memory or PostgreSQL, from <c>Wallet:Storage</c>)
    /// and the bank's integrations.
    /// </summary>
    public static ISiloBuilder AddWallet(this ISiloBuilder silo, IConfiguration configuration, IHostEnvironment? environment = null)
    {
        silo.UseTransactions();
        silo.Services.Configure<TransactionalStateOptions>(TransactionTuning.Tune);
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        // Orleans' own binary format: our wire types are already version-tolerant with [Id]s. (The
        // default, Newtonsoft JSON, was the largest single CPU cost of an in-memory transfer.)
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        var streams = configuration.GetSection(EventStreamOptions.Section).Get<EventStreamOptions>() ?? new EventStreamOptions();
        if (storage.IsPostgres)
        {
            // Made by the container, so the silo disposes it when it stops and its pool's connections close: an instance
            // handed over is never disposed, and a process that stops a silo and goes on (an in-process cluster, a test
            // suite restarting clusters) kept every connection open until the server had no more to give.
            silo.Services.AddSingleton(_ => WalletDatabase.Open(configuration));
            silo.Services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
            // Transactional state goes through the group commit.
            silo.Services.AddSingleton<GroupCommit>();
            silo.Services.AddKeyedSingleton<ITransactionalStateStorageFactory, GroupCommitStorageFactory>(StorageNames.Wallet);
            silo.Services.AddSingleton<SchemaMigrator>();
            if (storage.MigrateOnStart)
            {
                silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, MigrateOnStart>();
            }
            // Every grain's state too; its events in the event log, appended in the same batches.
            silo.Services.AddKeyedSingleton<IGrainStorage, GroupCommitGrainStorage>(StorageNames.Wallet);
            silo.Services.AddSingleton<Events.Log.EventLog>();
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Events.Log.EventLogReaders>();
            silo.Services.AddSingleton<Ledger.LedgerBooks>();
            silo.UseAdoNetReminderService(options => options.Invariant = Npgsql);
            silo.Services.AddOptions<AdoNetReminderTableOptions>().Configure<NpgsqlDataSource>((options, database) => options.DataSource = database);
            silo.AddIncomingGrainCallFilter<StorageFailureFilter>();
        }
        else
        {
            silo.AddMemoryGrainStorage(StorageNames.Wallet);
            silo.UseInMemoryReminderService();
            silo.AddMemoryGrainStorage(StorageNames.PubSub);
            silo.AddMemoryStreams(StorageNames.Events, stream => stream.ConfigurePartitioning(streams.Queues));
        }
        var webhooks = configuration.GetSection(Webhooks.WebhookOptions.Section).Get<Webhooks.WebhookOptions>() ?? new Webhooks.WebhookOptions();
        silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = webhooks.ReminderPeriod < options.MinimumReminderPeriod
            ? webhooks.ReminderPeriod : options.MinimumReminderPeriod);
        silo.Services.AddWalletServices(configuration, environment);
        silo.AddWalletTelemetry(configuration); // metrics for Prometheus and traces, when Wallet:Telemetry asks for them
        return silo;
    }

    /// <summary>
    /// How this silo finds the others: the membership table in PostgreSQL when storage is there,
    /// otherwise a single-machine localhost cluster. Ports and ids come from configuration.
    /// </summary>
    public static ISiloBuilder UseWalletClustering(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = ClusterSettings.From(configuration);
        var bound = cluster.Postgres && cluster.ListenOnAnyAddress ? System.Net.IPAddress.Any
            : cluster.Postgres ? cluster.AdvertisedAddress : System.Net.IPAddress.Loopback;
        SiloPorts.RequireFree(bound, cluster.SiloPort, "Wallet:Silo:SiloPort");
        SiloPorts.RequireFree(bound, cluster.GatewayPort, "Wallet:Silo:GatewayPort");
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        if (cluster.Postgres)
        {
            silo.ConfigureEndpoints(cluster.AdvertisedAddress, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: cluster.ListenOnAnyAddress);
            // The membership table shares the storage's data source (one pool per process).
            silo.UseAdoNetClustering(options => options.Invariant = Npgsql);
            silo.Services.AddOptions<AdoNetClusteringSiloOptions>().Configure<NpgsqlDataSource>((options, database) => options.DataSource = database);
        }
        else
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
        }
        silo.Configure<ClusterMembershipOptions>(FailureDetection.Tune);
        return silo;
    }

    public static IServiceCollection AddWalletServices(this IServiceCollection services, IConfiguration configuration, IHostEnvironment? environment = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton(WalletClock.Key, (provider, _) => provider.GetRequiredService<TimeProvider>());
        services.Configure<LimitOptions>(configuration.GetSection(LimitOptions.Section));
        services.Configure<Money.MoneyOptions>(configuration.GetSection(Money.MoneyOptions.Section));
        services.AddSingleton<LimitSchedule>();
        services.AddSingleton(provider => provider.GetRequiredService<LimitSchedule>().Rates);
        services.AddSingleton<Fx.DayRates>();
        services.Configure<SettlementOptions>(configuration.GetSection(SettlementOptions.Section));
        services.AddSingleton<Movements.MovementServices>();
        services.Configure<Movements.HoldOptions>(configuration.GetSection(Movements.HoldOptions.Section));
        services.Configure<SecretVaultOptions>(configuration.GetSection(SecretVaultOptions.Section));
        services.AddSingleton<SecretVault>();
        services.Configure<IdentityKeyOptions>(configuration.GetSection(IdentityKeyOptions.Section));
        services.AddSingleton<IdentityKeys>();
        if (environment?.IsProduction() == true)
        {
            DeploymentKeys.Require("The Production environment", DeploymentKeys.MissingForSilo(configuration));
        }
        services.Configure<CredentialOptions>(configuration.GetSection(CredentialOptions.Section));
        services.AddSingleton<SlowHashing>();
        services.AddSingleton<SecretHasher>();
        services.Configure<TillOptions>(configuration.GetSection(TillOptions.Section));
        services.Configure<Webhooks.WebhookOptions>(configuration.GetSection(Webhooks.WebhookOptions.Section));
        services.Configure<Events.EventOptions>(configuration.GetSection(Events.EventOptions.Section));
        services.AddOptions<Risk.RiskOptions>().Bind(configuration.GetSection(Risk.RiskOptions.Section)).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Risk.RiskOptions>, Risk.RiskOptionsValidator>();
        services.TryAddSingleton(Events.EventPublishing.Real);
        services.AddSingleton<Webhooks.WebhookSender>();
        services.Configure<Utilities.UtilityOptions>(configuration.GetSection(Utilities.UtilityOptions.Section));
        services.Configure<Fx.FxOptions>(configuration.GetSection(Fx.FxOptions.Section));
        services.Configure<RedPackets.RedPacketOptions>(configuration.GetSection(RedPackets.RedPacketOptions.Section));
        services.Configure<Families.FamilyOptions>(configuration.GetSection(Families.FamilyOptions.Section));
        services.Configure<Credit.CreditOptions>(configuration.GetSection(Credit.CreditOptions.Section));
        services.AddSingleton<Credit.CreditAssessor>();

        var simulators = configuration.GetSection(SimulatorOptions.Section).Get<SimulatorOptions>() ?? new SimulatorOptions();
        if (simulators.Enabled && environment?.IsProduction() == true)
        {
            throw new InvalidOperationException($"{SimulatorOptions.Section}:Enabled cannot be true in the Production environment.");
        }
        if (simulators.Enabled)
        {
            services.AddSingleton<ICardIssuingBank, SimulatedCardIssuingBank>();
            services.AddSingleton<ISmsGateway, SimulatedSmsGateway>();
            services.AddSingleton<IIdentityService, SimulatedIdentityService>();
            services.AddSingleton<Utilities.IBillingCompany, SimulatedBillingCompany>();
            services.AddSingleton<Fx.IFxRateSource, SimulatedFxRateSource>();
            services.AddSingleton<Fx.ICorrespondentBank, SimulatedCorrespondentBank>();
        }
        else
        {
            // No real bank, SMS, identity, billing or rate-feed integration exists yet: the cluster still runs, and what needs
            // one answers 503 integration_unavailable, saying which is missing.
            services.AddSingleton<ICardIssuingBank, UnconfiguredCardIssuingBank>();
            services.AddSingleton<ISmsGateway, UnconfiguredSmsGateway>();
            services.AddSingleton<IIdentityService, UnconfiguredIdentityService>();
            services.AddSingleton<Utilities.IBillingCompany, Utilities.UnconfiguredBillingCompany>();
            services.AddSingleton<Fx.IFxRateSource, Fx.UnconfiguredFxRateSource>();
            services.AddSingleton<Fx.ICorrespondentBank, Fx.UnconfiguredCorrespondentBank>();
        }
        return services;
    }
}
