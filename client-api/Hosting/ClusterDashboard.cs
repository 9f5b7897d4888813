using Orleans.Dashboard;
using Wallet.ClientApi.Http;

namespace Wallet.ClientApi.Hosting;

/// <summary>
/// The Orleans dashboard (silos, activations, grain call rates, reminders) at <c>/dashboard/</c>, for operators
/// only: the web session's cookie opens it in a browser. Two of its views are closed: the live log stream, and a
/// grain's raw state, which would show a customer's sealed card and hashed PIN to anyone with the role. Its
/// profiler counts grain calls only while someone has looked in the last minute.
/// </summary>
public static class ClusterDashboard
{
    public const string Path = "/dashboard";

    public static void Configure(DashboardOptions options) => options.HideTrace = true;

    public static WebApplication MapClusterDashboard(this WebApplication app)
    {
        app.MapOrleansDashboard(Path)
            .RequireAuthorization(AuthSetup.OperatorPolicy)
            .ExcludeFromDescription()
            .AddEndpointFilter(async (context, next) => context.HttpContext.Request.Path.Value?.EndsWith("/GrainState", StringComparison.OrdinalIgnoreCase) == true
                ? Problems.For(Wallet.Refusals.RefusalCodes.NotFound, "A grain's raw state is not shown: it holds customers' secrets.")
                : await next(context));
        return app;
    }
}
