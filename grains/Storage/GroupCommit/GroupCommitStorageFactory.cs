using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace Wallet.Storage.GroupCommit;

/// <summary>Gives each grain's <c>[TransactionalState]</c> its row in <c>wallet_transactional_state</c>.</summary>
public sealed class GroupCommitStorageFactory(GroupCommit rows, Serializer serializer, IOptions<ClusterOptions> cluster, Events.Log.EventLog log)
    : ITransactionalStateStorageFactory
{
    public ITransactionalStateStorage<TState> Create<TState>(string stateName, IGrainContext context) where TState : class, new()
        => new GroupCommitStateStorage<TState>(new StateKey(cluster.Value.ServiceId, context.GrainId.ToString(), stateName), rows, serializer, log);
}
