using Microsoft.AspNetCore.Components;
using Wallet.Web.Api;
using Wallet.Web.Session;
using Wallet.Web.Texts;

namespace Wallet.Web.Shared;

/// <summary>
/// What every page shares: the API, the session, the language, and one way to show a refusal. A page that needs
/// a session sends a visitor without one to sign in, and back here afterwards.
/// </summary>
public abstract class PageBase : ComponentBase, IDisposable
{
    [Inject] protected BankApi Api { get; set; } = null!;
    [Inject] protected WebSession Session { get; set; } = null!;
    [Inject] protected Language Language { get; set; } = null!;
    [Inject] protected NavigationManager Nav { get; set; } = null!;

    /// <summary>The last refusal, shown by the page's <see cref="ProblemView"/>.</summary>
    protected ApiProblem? Problem { get; set; }

    /// <summary>True while a request the page started is on its way (its buttons are disabled meanwhile).</summary>
    protected bool Busy { get; private set; }

    /// <summary>Pages anyone may see (sign in, register) say false.</summary>
    protected virtual bool NeedsSession => true;

    protected string L(string chinese, string english) => Language.L(chinese, english);

    protected override async Task OnInitializedAsync()
    {
        Language.Changed += StateHasChanged;
        if (NeedsSession && !await Session.Ensure())
        {
            SendToSignIn();
            return;
        }
        await Run(Load);
    }

    /// <summary>To sign in, then back to this page.</summary>
    private void SendToSignIn() => Nav.NavigateTo($"signin?then={Uri.EscapeDataString(Nav.ToBaseRelativePath(Nav.Uri))}");

    /// <summary>What the page reads when it opens.</summary>
    protected virtual Task Load() => Task.CompletedTask;

    /// <summary>Runs one request of the page's: a refusal is shown, not thrown; a lapsed session goes to sign in.</summary>
    protected async Task<bool> Run(Func<Task> action)
    {
        Problem = null;
        Busy = true;
        try
        {
            await action();
            return true;
        }
        catch (ApiProblem problem) when (problem.Status == 401 && NeedsSession)
        {
            SendToSignIn();
            return false;
        }
        catch (ApiProblem problem)
        {
            Problem = problem;
            return false;
        }
        finally
        {
            Busy = false;
        }
    }

    /// <summary>An amount the customer typed, in minor units; a mistake is shown as the API would show it, and nothing is sent.</summary>
    protected long? ReadAmount(string text, string currency)
    {
        var amount = Money.Parse(text, currency);
        if (amount is null)
        {
            Problem = new ApiProblem(400, "validation_failed", L("请输入金额，最多两位小数", "Enter an amount, with at most two decimals"), null);
        }
        return amount;
    }

    /// <summary>The customer's wallet the pages act on: the first one still open (most customers have one).</summary>
    protected async Task<WalletView?> FirstWallet()
        => (await Api.Get<Page<WalletView>>("v1/wallets")).Items.FirstOrDefault(w => w.Status != "closed");

    /// <summary>A page that keeps something running (a timer) stops it here.</summary>
    protected virtual void OnLeave()
    {
    }

    public void Dispose()
    {
        OnLeave();
        Language.Changed -= StateHasChanged;
        GC.SuppressFinalize(this);
    }
}
