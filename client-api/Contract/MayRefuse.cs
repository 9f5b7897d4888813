namespace Wallet.ClientApi.Contract;

/// <summary>
/// Refusals a route can answer with beyond what its shape tells (a locked PIN, a declined card), declared on
/// the route so the document lists their statuses; the rest are read from the route itself (see <see cref="ProblemResponses"/>).
/// </summary>
public sealed record MayRefuse(IReadOnlyList<string> Codes);

public static class MayRefuseRoutes
{
    public static TBuilder MayRefuse<TBuilder>(this TBuilder builder, params string[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MayRefuse(codes));
}
