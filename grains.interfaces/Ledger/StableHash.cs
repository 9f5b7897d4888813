namespace Wallet.Ledger;

/// <summary>FNV-1a over the characters: the same shard for the same key on every silo and every run.</summary>
public static class StableHash
{
    public static uint Of(string text)
    {
        unchecked
        {
            var hash = 2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }
            return hash;
        }
    }
}
