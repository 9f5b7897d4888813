namespace Wallet.Storage.GroupCommit;

/// <summary>Which row: one per grain and named state, within one service.</summary>
public readonly record struct StateKey(string ServiceId, string GrainId, string StateName);

/// <summary>A stored record and the version that guards it.</summary>
public sealed record StoredState(long Version, byte[] Record);
