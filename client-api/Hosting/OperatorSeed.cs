using System.Security.Cryptography;
using Wallet.ClientApi.Http;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// Makes sure the embedded mode has one operator (<c>Wallet:Operator:Phone</c> and <c>:Password</c>),
/// inventing the credentials and printing them when they are not configured.
/// </summary>
public sealed partial class OperatorSeed(IGrainFactory grains, IConfiguration configuration, ILogger<OperatorSeed> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var phone = configuration["Wallet:Operator:Phone"];
        var password = configuration["Wallet:Operator:Password"];
        var generated = string.IsNullOrEmpty(phone) || string.IsNullOrEmpty(password);
        if (generated && ClusterSetup.IsProduction(configuration))
        {
            // Production never invents credentials; an operator is seeded only when configured.
            return;
        }
        if (generated)
        {
            phone = "+1555" + RandomNumberGenerator.GetInt32(1_000_000, 9_999_999);
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12));
        }
        // As every phone a person types: the directory is keyed by the normalised number, and signing in
        // normalises, so a bare mainland number kept as given could never sign in.
        phone = Phones.Normalize(phone)
            ?? throw new InvalidOperationException("Wallet:Operator:Phone is not a mobile number (use one such as +8613800138000).");
        try
        {
            await grains.GetGrain<IPhoneDirectoryGrain>(phone).Register(
                new Registration(password!, CustomerRole.Operator, new IdempotentRequest("operator-seed", "operator-seed")));
        }
        catch (WalletRefusedException refused)
        {
            LogNotSeeded(logger, refused.Code);
            return;
        }
        if (generated)
        {
            LogGenerated(logger, phone, password!);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Embedded mode made up an operator login (set Wallet:Operator:Phone and Wallet:Operator:Password to choose one): phone {OperatorPhone}, password {OperatorPassword}")]
    private static partial void LogGenerated(ILogger logger, string operatorPhone, string operatorPassword);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The configured operator phone is already registered otherwise ({Code}); no operator was seeded")]
    private static partial void LogNotSeeded(ILogger logger, string code);
}
