using System.Diagnostics;
using System.Net;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Readme;

/// <summary>
/// The wallet as a user starts it: the built API (client-api/bin/&lt;configuration&gt;/net10.0) as a process of its
/// own in the embedded mode and the Development environment, on a free loopback port, with an operator login
/// chosen by the test. Nothing of the test host's configuration reaches it.
/// </summary>
public sealed class EmbeddedApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _log;
    private readonly StreamWriter _writer;

    private EmbeddedApiProcess(Process process, string log, StreamWriter writer, Uri address, Uri metrics) =>
        (_process, _log, _writer, Address, Metrics) = (process, log, writer, address, metrics);

    public Uri Address { get; }

    /// <summary>Its metrics endpoint (<c>Wallet:Telemetry:MetricsUrl</c>), which the README tells a user to turn on the same way.</summary>
    public Uri Metrics { get; }

    public string Log
    {
        get
        {
            lock (_writer)
            {
                _writer.Flush();
                using var reader = new StreamReader(new FileStream(_log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                return reader.ReadToEnd();
            }
        }
    }

    /// <summary>
    /// Starts the API and waits (bounded) until <c>/health/ready</c> answers 200. The port was free when chosen, but
    /// the embedded silo binds ephemeral ports of its own and may take it first: then another port is tried.
    /// </summary>
    public static async Task<EmbeddedApiProcess> StartReady(string operatorPhone, string operatorPassword, IReadOnlyDictionary<string, string>? settings = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var api = Start(operatorPhone, operatorPassword, settings);
            if (await api.Ready() || attempt == 3 || !api.Log.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                Assert.False(api._process.HasExited, $"the API exited while starting: {api.Log}");
                return api;
            }
            await api.DisposeAsync();
        }
    }

    private static EmbeddedApiProcess Start(string operatorPhone, string operatorPassword, IReadOnlyDictionary<string, string>? settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var start = new ProcessStartInfo("dotnet", [Repository.Built("client-api", "Wallet.ClientApi.dll"), "--urls", address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // A newcomer's machine: no Wallet settings but the operator login, the environment `dotnet run` gives.
        foreach (var inherited in start.Environment.Keys.Where(key => key.StartsWith("Wallet__", StringComparison.OrdinalIgnoreCase)
            || key is "ASPNETCORE_URLS" or "DOTNET_ENVIRONMENT").ToList())
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Wallet__Operator__Phone"] = operatorPhone;
        start.Environment["Wallet__Operator__Password"] = operatorPassword;
        var metrics = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        start.Environment["Wallet__Telemetry__MetricsUrl"] = metrics.ToString().TrimEnd('/');
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var log = Path.GetTempFileName();
        var writer = new StreamWriter(new FileStream(log, FileMode.Create, FileAccess.Write, FileShare.ReadWrite));
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => { lock (writer) { writer.WriteLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (writer) { writer.WriteLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new EmbeddedApiProcess(process, log, writer, address, metrics);
    }

    /// <summary>True once <c>/health/ready</c> answers 200, false if the process exits first; fails after 60 s.</summary>
    private async Task<bool> Ready()
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var ready = false;
        await Eventually.Until(async () =>
        {
            if (_process.HasExited)
            {
                return true;
            }
            try
            {
                return ready = (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }, "the API's /health/ready", lastSeen: () => Log);
        return ready;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
        _process.Dispose();
        lock (_writer)
        {
            _writer.Dispose();
        }
        File.Delete(_log);
    }
}
