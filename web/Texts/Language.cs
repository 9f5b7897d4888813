using Microsoft.JSInterop;

namespace Wallet.Web.Texts;

/// <summary>
/// Chinese or English, switchable on every page and remembered in a cookie. Each text is written in both
/// languages where it is shown (<c>L("首页", "Home")</c>), so a page and its translation are read together.
/// </summary>
public sealed class Language(IJSRuntime js)
{
    public bool English { get; private set; }

    public event Action? Changed;

    public async Task Load() => English = await js.InvokeAsync<string>("walletLang.get") == "en";

    public async Task Switch()
    {
        English = !English;
        await js.InvokeVoidAsync("walletLang.set", English ? "en" : "zh");
        Changed?.Invoke();
    }

    public string L(string chinese, string english) => English ? english : chinese;
}
