using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Telemetry;

/// <summary>One sample of a scrape: a series' name, its labels and its value.</summary>
public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public bool Has(string label, string value) => Labels.TryGetValue(label, out var actual) && actual == value;
}

/// <summary>What a host's metrics endpoint serves, read as Prometheus reads it (the text exposition format).</summary>
public sealed partial class PrometheusText
{
    private PrometheusText(string text, IReadOnlyList<Sample> samples) => (Text, Samples) = (text, samples);

    public string Text { get; }

    public IReadOnlyList<Sample> Samples { get; }

    public IEnumerable<string> Names => Samples.Select(s => s.Name).Distinct();

    /// <summary>The sum of the series called <paramref name="name"/> whose labels include every one of <paramref name="labels"/>.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels)
        => Samples.Where(s => s.Name == name && labels.All(l => s.Has(l.Label, l.Value))).Sum(s => s.Value);

    /// <summary>Scrapes <paramref name="api"/>'s metrics endpoint (Wallet:Telemetry:MetricsUrl), which must answer 200 in the text format.</summary>
    public static Task<PrometheusText> Scrape(ApiFixture api)
        => Scrape(new Uri(api.Services.GetRequiredService<IConfiguration>()["Wallet:Telemetry:MetricsUrl"]!));

    /// <summary>Scrapes the metrics endpoint at <paramref name="address"/>, which must answer 200 in the text format.</summary>
    public static async Task<PrometheusText> Scrape(Uri address)
    {
        using var http = new HttpClient { BaseAddress = address };
        using var answer = await http.GetAsync("/metrics");
        var text = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET {address}/metrics answered {answer.StatusCode}: {text}");
        Assert.Equal("text/plain", answer.Content.Headers.ContentType?.MediaType);
        return Parse(text);
    }

    public static PrometheusText Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a line of the Prometheus text format: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(pair => pair.Groups["label"].Value, pair => Regex.Unescape(pair.Groups["value"].Value));
            samples.Add(new Sample(match.Groups["name"].Value, labels, double.Parse(match.Groups["value"].Value, CultureInfo.InvariantCulture)));
        }
        return new PrometheusText(text, samples);
    }

    [GeneratedRegex("""^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>[^ ]+)( [0-9]+)?$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(?<label>[a-zA-Z_][a-zA-Z0-9_]*)="(?<value>(\\.|[^"\\])*)",?""")]
    private static partial Regex LabelPair();
}
