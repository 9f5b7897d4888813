using System.Text.Json;
using Wallet.ClientApi.Http;

namespace Wallet.ClientApi.Support;

/// <summary>
/// The bank's written answers (how to reset a PIN, the limits by tier, a lost phone, claims, fees), searchable before a
/// customer writes. They are the bank's text, shipped with the API in <c>Support/help-articles.json</c> (in English and
/// Chinese), so a change to them is reviewed and released like any other: open to anyone, nothing about a customer in them.
/// </summary>
public static class HelpArticlesEndpoints
{
    public static IEndpointRouteBuilder MapHelpArticles(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/help").WithTags("Help").AllowAnonymous()
            .MapGet("/articles", Search).WithName("SearchHelpArticles");
        return routes;
    }

    /// <summary>
    /// The answers that hold every word of <c>q</c> (any case, in either language) in their title, text or tags, those
    /// with the words in the title first; all of them without <c>q</c>.
    /// </summary>
    /// <param name="q">Words to look for, up to 100 characters; left out for every answer.</param>
    /// <param name="lang"><c>en</c> (or left out) for English, <c>zh</c> for Chinese.</param>
    public static Results<Ok<HelpArticlesResponse>, ValidationProblem> Search(string? q, string? lang)
    {
        var errors = new FieldErrors()
            .Text(q, "q", 100, required: false)
            .Check(lang is null or "en" or "zh", "lang", "Use en or zh.");
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var chinese = lang == "zh";
        var words = (q ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var found = HelpArticles.All
            .Select(a => (Article: a, InTitle: words.Count(w => a.En.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || a.Zh.Title.Contains(w, StringComparison.OrdinalIgnoreCase))))
            .Where(x => words.All(w => x.Article.Holds(w)))
            .OrderByDescending(x => x.InTitle)
            .Select(x => HelpArticleResponse.From(x.Article, chinese));
        return TypedResults.Ok(new HelpArticlesResponse([.. found]));
    }
}

/// <summary>The seeded answers, read once from the file shipped in the API.</summary>
public static class HelpArticles
{
    private static readonly Lazy<IReadOnlyList<HelpArticle>> s_all = new(Load);

    public static IReadOnlyList<HelpArticle> All => s_all.Value;

    private static IReadOnlyList<HelpArticle> Load()
    {
        using var stream = typeof(HelpArticles).Assembly.GetManifestResourceStream("Wallet.ClientApi.Support.help-articles.json")
            ?? throw new InvalidOperationException("The help articles are not in the API's assembly.");
        return JsonSerializer.Deserialize<List<HelpArticle>>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("The help articles file is empty.");
    }
}

/// <summary>One of the bank's answers in both languages, with the words it is found by.</summary>
public sealed record HelpArticle(string Id, IReadOnlyList<string> Tags, HelpText En, HelpText Zh)
{
    public bool Holds(string word)
        => En.Holds(word) || Zh.Holds(word) || Tags.Any(t => t.Contains(word, StringComparison.OrdinalIgnoreCase));
}

/// <summary>An answer's title and text in one language.</summary>
public sealed record HelpText(string Title, string Body)
{
    public bool Holds(string word)
        => Title.Contains(word, StringComparison.OrdinalIgnoreCase) || Body.Contains(word, StringComparison.OrdinalIgnoreCase);
}

/// <summary>The answers found, best first.</summary>
/// <param name="Items">The answers, those with the words in their title first.</param>
public sealed record HelpArticlesResponse(IReadOnlyList<HelpArticleResponse> Items);

/// <summary>One of the bank's answers.</summary>
/// <param name="ArticleId">The answer's id (such as <c>reset-payment-pin</c>).</param>
/// <param name="Title">Its title, in the language asked for.</param>
/// <param name="Body">Its text, in the language asked for.</param>
/// <param name="Tags">The words it is found by, in both languages.</param>
public sealed record HelpArticleResponse(string ArticleId, string Title, string Body, IReadOnlyList<string> Tags)
{
    public static HelpArticleResponse From(HelpArticle a, bool chinese)
    {
        var text = chinese ? a.Zh : a.En;
        return new(a.Id, text.Title, text.Body, a.Tags);
    }
}
