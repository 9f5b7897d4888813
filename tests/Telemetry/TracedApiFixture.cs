using System.Collections;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Telemetry;

/// <summary>
/// The API on PostgreSQL with tracing on (as an OTLP endpoint would turn it on) and, in place of the OTLP exporter,
/// an in-memory one added to the host's own tracer provider: the spans collected are exactly those the host's
/// sampler and sources let through. Its metrics endpoint serves Npgsql's metrics too, which the in-memory API has not.
/// </summary>
public sealed class TracedApiFixture : IAsyncLifetime
{
    private ApiFixture? _api;

    public ApiFixture Api => _api ?? throw new InvalidOperationException("The traced API has not started.");

    public SpanLog Spans { get; } = new();

    public async Task InitializeAsync()
    {
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        settings["Wallet:Telemetry:Tracing"] = "true";
        _api = ApiFixture.With(settings);
        await _api.InitializeAsync();
        _api.Services.GetRequiredService<TracerProvider>().AddProcessor(new SimpleActivityExportProcessor(new InMemoryExporter<Activity>(Spans)));
    }

    public async Task DisposeAsync()
    {
        if (_api is not null)
        {
            await _api.DisposeAsync();
        }
    }
}

/// <summary>The spans exported so far; the exporter adds from the threads that end them while a test reads.</summary>
public sealed class SpanLog : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_spans)
        {
            return [.. _spans];
        }
    }

    public void Add(Activity item)
    {
        lock (_spans)
        {
            _spans.Add(item);
        }
    }

    public void Clear()
    {
        lock (_spans)
        {
            _spans.Clear();
        }
    }

    public int Count => Snapshot().Count;

    public bool IsReadOnly => false;

    public bool Contains(Activity item) => Snapshot().Contains(item);

    public void CopyTo(Activity[] array, int arrayIndex) => Snapshot().ToList().CopyTo(array, arrayIndex);

    public bool Remove(Activity item)
    {
        lock (_spans)
        {
            return _spans.Remove(item);
        }
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

[CollectionDefinition(Name)]
public sealed class TracedApiCollection : ICollectionFixture<TracedApiFixture>
{
    public const string Name = "traced api on postgresql";
}
