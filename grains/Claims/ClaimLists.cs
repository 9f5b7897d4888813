using Wallet.Hosting;

namespace Wallet.Claims;

/// <summary>A customer's claims, newest first.</summary>
public sealed class CustomerClaimsGrain([PersistentState("claims", StorageNames.Wallet)] IPersistentState<ClaimIdList> claims)
    : Grain, ICustomerClaimsGrain
{
    public async Task Note(string claimId)
    {
        if (!claims.State.Ids.Contains(claimId))
        {
            claims.State.Ids.Insert(0, claimId);
            await claims.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>([.. claims.State.Ids]);
}

[GenerateSerializer, Alias("Wallet.ClaimIdList")]
public sealed class ClaimIdList
{
    [Id(0)] public List<string> Ids { get; set; } = [];
}

/// <summary>The operators' queue of undecided claims, oldest first. Only ids and times: each claim answers for itself.</summary>
public sealed class ClaimQueueGrain([PersistentState("claim-queue", StorageNames.Wallet)] IPersistentState<ClaimQueueState> queue)
    : Grain, IClaimQueueGrain
{
    public async Task Enqueue(string claimId, DateTimeOffset waitingSince)
    {
        if (queue.State.Waiting.TryAdd(claimId, waitingSince))
        {
            await queue.WriteStateAsync();
        }
    }

    public async Task Dequeue(string claimId)
    {
        if (queue.State.Waiting.Remove(claimId))
        {
            await queue.WriteStateAsync();
        }
    }

    /// <summary><paramref name="after"/> is the position of the last claim of the page before (its waiting-since ticks and id), which stays valid when that claim is decided meanwhile.</summary>
    public Task<ClaimQueuePage> List(string? after, int limit)
    {
        var ordered = queue.State.Waiting.Select(w => (Ticks: w.Value.UtcTicks, Id: w.Key)).OrderBy(w => w.Ticks).ThenBy(w => w.Id, StringComparer.Ordinal).ToList();
        var rest = Position(after) is { } from
            ? ordered.Where(w => w.Ticks > from.Ticks || (w.Ticks == from.Ticks && string.CompareOrdinal(w.Id, from.Id) > 0)).ToList()
            : ordered;
        var page = rest.Take(limit).ToList();
        var next = page.Count > 0 && page.Count < rest.Count ? $"{page[^1].Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture)}|{page[^1].Id}" : null;
        return Task.FromResult(new ClaimQueuePage([.. page.Select(w => w.Id)], next, ordered.Count));
    }

    private static (long Ticks, string Id)? Position(string? after)
    {
        var bar = after?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        return bar > 0 && long.TryParse(after![..bar], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ticks)
            ? (ticks, after[(bar + 1)..]) : null;
    }
}

[GenerateSerializer, Alias("Wallet.ClaimQueueState")]
public sealed class ClaimQueueState
{
    [Id(0)] public Dictionary<string, DateTimeOffset> Waiting { get; set; } = [];
}
