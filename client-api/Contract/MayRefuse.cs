namespace Wallet.ClientApi.Contract;

/// <summary>
/// The refusals a route's handler and the grains it calls can answer with (a wrong PIN, a declined card, a name in
/// another's use), declared on the route so the document lists each under its status; what the route's shape brings
/// (signing in, a body, a path id) is read from the route itself (see <see cref="ProblemResponses"/>). Declared more
/// than once on a route, the lists add up.
/// </summary>
public sealed record MayRefuse(IReadOnlyList<string> Codes);

public static class MayRefuseRoutes
{
    /// <summary>Declares refusal codes (<c>RefusalCodes</c>, <c>Problems</c>, or a set of <see cref="CommonRefusals"/>) the route can answer with.</summary>
    public static TBuilder MayRefuse<TBuilder>(this TBuilder builder, params string[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MayRefuse(codes));
}
