using Wallet.Claims;
using Wallet.Identity;
using Wallet.Refusals;
using Wallet.Simulators;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// Gives the embedded mode's security fund its starting endowment (<c>Wallet:Claims:FundEndowment</c>, minor units of CNY;
/// ¥1,000,000.00 when left out), moved from the bank's capital account like an operator's deposit and under one fixed id,
/// so it is made once however often the host starts. Not in production, where operators deposit what the bank decides.
/// </summary>
public sealed partial class SecurityFundSeed(IGrainFactory grains, IConfiguration configuration, ILogger<SecurityFundSeed> logger) : IHostedService
{
    public const string EndowmentKey = "Wallet:Claims:FundEndowment";
    public const long DefaultEndowment = 100_000_000;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (ClusterSetup.IsProduction(configuration) || configuration.GetSection(SimulatorOptions.Section).Get<SimulatorOptions>()?.Enabled != true)
        {
            return;
        }
        var amount = configuration.GetValue(EndowmentKey, DefaultEndowment);
        if (amount <= 0)
        {
            return;
        }
        var depositId = Ids.ForIdempotencyKey(IdPrefixes.FundDeposit, "bank", "endowment/CNY");
        try
        {
            await grains.GetGrain<ISecurityFundDepositGrain>(depositId).Deposit("bank", $"endowment {amount}", amount, "CNY");
        }
        catch (WalletRefusedException refused) when (refused.Code == RefusalCodes.IdempotencyKeyReused)
        {
            LogEndowedBefore(logger); // endowed with another amount on an earlier start: the books keep what was moved then
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The security fund was endowed on an earlier start with another amount; it is not endowed again")]
    private static partial void LogEndowedBefore(ILogger logger);
}
