using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Tests.Infrastructure;
using static Wallet.Tests.Infrastructure.ApiCustomer;

namespace Wallet.Tests.Customers;

/// <summary>Every authenticated request asks whether its session is live: only the customer's small access grain answers it.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionCheckApiTests(ApiFixture api)
{
    [Fact]
    public async Task An_authenticated_request_checks_its_session_at_the_access_grain_and_wakes_no_profile()
    {
        var alice = await Register(api);
        var management = api.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var profiles = GrainType.Create("customer");
        var access = GrainType.Create("customeraccess");
        Assert.Contains(await management.GetActiveGrains(profiles), id => id.Key.ToString() == alice.Id); // registering woke it

        await management.ForceActivationCollection(TimeSpan.Zero);
        await Json(await alice.Http.GetAsync("/v1/me/devices"), HttpStatusCode.OK); // the session check, then the devices

        Assert.Contains(await management.GetActiveGrains(access), id => id.Key.ToString() == alice.Id);
        Assert.DoesNotContain(await management.GetActiveGrains(profiles), id => id.Key.ToString() == alice.Id);
    }
}
