using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;

namespace Wallet.Storage.GroupCommit;

/// <summary>
/// Every grain's <c>[PersistentState]</c> in <c>wallet_grain_state</c>, stored through the silo's
/// group commit: the writes of many grains at once (risk monitors counting a batch of events, the
/// customers a burst of requests touches) share one round trip and one commit. The ETag is the row's
/// version, so a stale writer is refused as with any Orleans storage.
/// </summary>
public sealed class GroupCommitGrainStorage(GroupCommit rows, IGrainStorageSerializer serializer, IOptions<ClusterOptions> cluster) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var stored = await rows.Read(StateTable.Grain, Key(stateName, grainId));
        grainState.State = stored is null ? Activator.CreateInstance<T>() : serializer.Deserialize<T>(new BinaryData(stored.Record));
        grainState.ETag = ETag(stored?.Version);
        grainState.RecordExists = stored is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var written = await rows.Write(StateTable.Grain, Key(stateName, grainId), serializer.Serialize(grainState.State).ToArray(), Version(grainState.ETag))
            ?? throw new InconsistentStateException($"Another writer stored {grainId}/{stateName} first.", null, grainState.ETag);
        grainState.ETag = ETag(written);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Version(grainState.ETag) is { } version && !await rows.Delete(StateTable.Grain, Key(stateName, grainId), version))
        {
            throw new InconsistentStateException($"Another writer stored {grainId}/{stateName} first.", null, grainState.ETag);
        }
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    private StateKey Key(string stateName, GrainId grainId) => new(cluster.Value.ServiceId, grainId.ToString(), stateName);

    private static string? ETag(long? version) => version?.ToString(CultureInfo.InvariantCulture);

    private static long? Version(string? etag) => etag is null ? null : long.Parse(etag, CultureInfo.InvariantCulture);
}
