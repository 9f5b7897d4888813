namespace Wallet.Tests.Infrastructure;

/// <summary>
/// A bounded wait for something another process or thread brings about; on time-out the test fails
/// naming what it waited for and what it last saw, never a bare sleep.
/// </summary>
public static class Eventually
{
    public static async Task Until(Func<Task<bool>> condition, string what, TimeSpan? within = null, Func<string>? lastSeen = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}{(lastSeen is null ? "" : $": {lastSeen()}")}");
            await Task.Delay(100);
        }
    }

    /// <summary>Reads a value until it satisfies <paramref name="done"/>, and returns it.</summary>
    public static async Task<T> Value<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? within = null)
    {
        var last = default(T);
        await Until(async () => done(last = await read()), what, within, () => $"{last}");
        return last!;
    }

    public static Task Until(Func<bool> condition, string what, TimeSpan? within = null)
        => Until(() => Task.FromResult(condition()), what, within);
}
