using System.Net;
using System.Net.Http.Json;
using Wallet.Web.Api;

namespace Wallet.Web.Session;

/// <summary>
/// Who is signed in, as the API's web session tells it. The tokens themselves are in HttpOnly cookies this code
/// cannot read; what it holds is the session's CSRF token, in memory only, sent with every change.
/// </summary>
public sealed class WebSession(HttpClient http)
{
    public const string Path = "v1/web/session";

    public string? CustomerId { get; private set; }
    public string? Role { get; private set; }
    public string? CsrfToken { get; private set; }
    public bool IsSignedIn => CustomerId is not null;
    public bool IsOperator => Role == "operator";

    /// <summary>Raised when someone signs in or out, so the layout redraws its menu.</summary>
    public event Action? Changed;

    /// <summary>True when signed in: asks the API once per page load (renewing a lapsed access cookie).</summary>
    public async Task<bool> Ensure() => IsSignedIn || await Renew();

    public async Task<bool> Renew()
    {
        using var response = await http.GetAsync(Path);
        Take(response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<WebSessionView>(BankApi.Json) : null);
        return IsSignedIn;
    }

    /// <summary>Signs in; a refusal (wrong password, locked) is thrown as the API's problem.</summary>
    public async Task SignIn(string phone, string password)
    {
        using var response = await http.PostAsJsonAsync(Path, new SignInRequest(phone, password), BankApi.Json);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblem.From(response);
        }
        Take(await response.Content.ReadFromJsonAsync<WebSessionView>(BankApi.Json));
    }

    public async Task SignOut()
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, Path);
        if (CsrfToken is not null)
        {
            request.Headers.Add(BankApi.CsrfHeader, CsrfToken);
        }
        using var response = await http.SendAsync(request);
        Take(null);
        if (response.StatusCode is not HttpStatusCode.NoContent)
        {
            throw await ApiProblem.From(response);
        }
    }

    private void Take(WebSessionView? view)
    {
        (CustomerId, Role, CsrfToken) = (view?.CustomerId, view?.Role, view?.CsrfToken);
        Changed?.Invoke();
    }
}
