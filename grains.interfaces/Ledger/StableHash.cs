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

    /// <summary>The 64-bit FNV-1a: for remembering many keys by hash where 32 bits would collide.</summary>
    public static long Of64(string text)
    {
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }
            return (long)hash;
        }
    }
}
