namespace Wallet.Storage;

/// <summary>
/// Grain-state writes for a reentrant grain: one write at a time, and every change made while one is
/// in flight is covered by a single next write that all those callers await. Many announcements
/// arriving together then cost two writes, not one each. Used only on the grain's own scheduler.
/// </summary>
public sealed class CoalescedWrites(Func<Task> write)
{
    private long _changes;
    private long _covered;
    private Task? _writing;

    /// <summary>Completes when a write that began after this call has succeeded; fails with the write this caller began.</summary>
    public async Task Save()
    {
        var change = ++_changes;
        while (_covered < change)
        {
            if (_writing is { } inFlight)
            {
                try
                {
                    await inFlight; // began before this change: wait, then see whether a later write is needed
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // that write's own caller sees its failure; the loop writes again for this change
                }
                continue;
            }
            var upTo = _changes;
            var current = write();
            _writing = current;
            try
            {
                await current;
                _covered = Math.Max(_covered, upTo);
            }
            finally
            {
                _writing = null;
            }
        }
    }
}
