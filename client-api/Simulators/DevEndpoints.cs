using Wallet.ClientApi.Http;
using Wallet.Simulators;

namespace Wallet.ClientApi.Simulators;

/// <summary>The simulated SMS gateway's outbox: how a tester reads the code sent to a phone. Mapped only with simulators on.</summary>
public static class DevEndpoints
{
    public static IEndpointRouteBuilder MapDevSimulators(this IEndpointRouteBuilder routes, IConfiguration configuration)
    {
        if (configuration.GetSection(SimulatorOptions.Section).Get<SimulatorOptions>()?.Enabled == true)
        {
            routes.MapGroup("/v1/dev").WithTags("Simulators").AllowAnonymous().MapGet("/sms", Sms).WithName("ListSimulatedSms");
        }
        return routes;
    }

    /// <param name="phone">The mobile number the texts went to, such as <c>+8613800138000</c>.</param>
    public static async Task<Results<Ok<IReadOnlyList<SmsMessage>>, ValidationProblem>> Sms(IGrainFactory grains, string? phone = null)
    {
        var normalized = Phones.Normalize(phone);
        if (normalized is null)
        {
            return Problems.Validation("phone", "Use a mobile number such as +8613800138000.");
        }
        var messages = await grains.GetGrain<ISmsOutboxGrain>(normalized).List();
        return TypedResults.Ok<IReadOnlyList<SmsMessage>>([.. messages.Reverse()]);
    }
}
