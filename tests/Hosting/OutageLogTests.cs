using System.Net;
using System.Net.Http.Json;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Hosting;

/// <summary>A database outage is a few log lines per kind of failure, not a stack trace per failed call.</summary>
[Collection(TopologyCollection.Name)]
public sealed class OutageLogTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task An_outage_with_hundreds_of_failed_calls_logs_a_bounded_number_of_storage_failure_lines()
    {
        await using var database = await PrivatePostgres.Start();
        await using var api = ApiFixture.With(PostgresServer.Settings(database.ConnectionString));
        await api.InitializeAsync();
        var http = api.CreateClient();
        var before = StorageFailureLines(api).Count;

        await database.StopServer();
        var registrations = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            http.PostAsJsonAsync("/v1/customers", new { phone = TestData.Phone(), password = TestData.Password })));
        await database.StartServer();

        Assert.Equal(200, registrations.Count(r => r.StatusCode == HttpStatusCode.ServiceUnavailable));
        var lines = StorageFailureLines(api).Skip(before).ToList();
        Assert.NotEmpty(lines); // the outage is in the log...
        Assert.True(lines.Count <= 40, $"{lines.Count} storage failure lines for 200 failed calls:\n{string.Join("\n", lines.Take(20).Select(l => l[..Math.Min(l.Length, 300)]))}");
    }

    private static List<string> StorageFailureLines(ApiFixture api)
        => [.. api.Logs.Lines.Where(line => line.Contains("Npgsql", StringComparison.Ordinal) || line.Contains("Storage failure", StringComparison.Ordinal))];
}
