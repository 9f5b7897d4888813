using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Wallet.Web.Session;

namespace Wallet.Web.Api;

/// <summary>
/// The app's one way to the API: same-origin requests the browser sends with the session cookie, the CSRF
/// token on each change, an Idempotency-Key where the caller gives one, and a problem thrown for each refusal.
/// </summary>
public sealed class BankApi(HttpClient http, WebSession session)
{
    public const string CsrfHeader = "X-CSRF-Token";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<T> Get<T>(string path) => Send<T>(HttpMethod.Get, path, body: null, idempotencyKey: null);

    public Task<T> Post<T>(string path, object? body, string? idempotencyKey = null) => Send<T>(HttpMethod.Post, path, body, idempotencyKey);

    public Task<T> Put<T>(string path, object? body) => Send<T>(HttpMethod.Put, path, body, idempotencyKey: null);

    public Task Post(string path, object? body) => Send<JsonElement?>(HttpMethod.Post, path, body, idempotencyKey: null);

    public Task Put(string path, object? body) => Send<JsonElement?>(HttpMethod.Put, path, body, idempotencyKey: null);

    public Task<T> Delete<T>(string path) => Send<T>(HttpMethod.Delete, path, body: null, idempotencyKey: null);

    public Task Delete(string path) => Send<JsonElement?>(HttpMethod.Delete, path, body: null, idempotencyKey: null);

    private async Task<T> Send<T>(HttpMethod method, string path, object? body, string? idempotencyKey)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, path.TrimStart('/'));
            if (body is not null)
            {
                request.Content = JsonContent.Create(body, body.GetType(), options: Json);
            }
            if (method != HttpMethod.Get && session.CsrfToken is { } csrf)
            {
                request.Headers.Add(CsrfHeader, csrf);
            }
            if (idempotencyKey is not null)
            {
                request.Headers.Add("Idempotency-Key", idempotencyKey);
            }
            using var response = await http.SendAsync(request);
            // The access cookie lapsed: renew the session once (the refresh cookie), then ask again.
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1 && await session.Renew())
            {
                continue;
            }
            if (!response.IsSuccessStatusCode)
            {
                throw await ApiProblem.From(response);
            }
            if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
            {
                return default!;
            }
            return (await response.Content.ReadFromJsonAsync<T>(Json))!;
        }
    }
}
