using System.Net.Http.Json;

namespace Wallet.Web.Api;

/// <summary>A refusal from the API: its status, its machine-readable code, and what it said (and, for a 400, which fields).</summary>
public sealed class ApiProblem(int status, string code, string detail, IReadOnlyDictionary<string, string[]>? errors) : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Detail { get; } = detail;
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors ?? new Dictionary<string, string[]>();

    public static async Task<ApiProblem> From(HttpResponseMessage response)
    {
        ProblemBody? body = null;
        try
        {
            body = await response.Content.ReadFromJsonAsync<ProblemBody>(BankApi.Json);
        }
        catch (System.Text.Json.JsonException)
        {
            // Not a problem document (a proxy's page): the status says enough.
        }
        return new ApiProblem((int)response.StatusCode, body?.Code ?? $"http_{(int)response.StatusCode}",
            body?.Detail ?? body?.Title ?? response.ReasonPhrase ?? "", body?.Errors);
    }

    private sealed record ProblemBody(string? Title, string? Detail, string? Code, Dictionary<string, string[]>? Errors);
}
