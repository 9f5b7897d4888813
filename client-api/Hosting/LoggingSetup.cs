using Serilog;
using Serilog.Context;
using Wallet.Hosting;

namespace Wallet.ClientApi.Hosting;

public static class LoggingSetup
{
    public const string CorrelationHeader = "X-Correlation-Id";

    /// <summary>
    /// Serilog from configuration, plus any sink registered in DI (the tests capture logs that way).
    /// The host's own logger, never the static one: with several hosts in one process (the tests),
    /// the static logger belongs to whichever started last.
    /// </summary>
    public static WebApplicationBuilder AddWalletLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Filter.DropWatchdogStartRace()
            .Filter.With(new Wallet.Storage.StorageFailureLogThrottle()) // an outage: one line per kind of failure per 10 s, not thousands of stack traces
            // The console is written on a background thread: a request does not wait for its log line to reach the
            // terminal (or the pipe a supervisor reads). When the buffer is full the request waits rather than a line being lost.
            .WriteTo.Async(sink => sink.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{Suppressed:l} {CorrelationId}{NewLine}{Exception}"),
                blockWhenFull: true),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// A correlation id on every request (the caller's, if it is sane), in every log line and in the
    /// response; then one line per request with method, path (never the body) and status.
    /// </summary>
    public static WebApplication UseWalletRequestLogging(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var offered = context.Request.Headers[CorrelationHeader].ToString();
            var id = offered.Length is > 0 and <= 64 && offered.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
                ? offered
                : Guid.NewGuid().ToString("N");
            context.TraceIdentifier = id;
            TelemetrySetup.Correlate(id);
            // Set as the response starts: the exception handler clears the headers of a response it replaces.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[CorrelationHeader] = id;
                return Task.CompletedTask;
            });
            using (LogContext.PushProperty("CorrelationId", id))
            {
                await next(context);
            }
        });
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms";
        });
        return app;
    }
}
