using System.Runtime.ExceptionServices;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Previews;

/// <summary>
/// Runs a step over many previews with at most <c>degree</c> running at once, results in the items' order whatever
/// order they finish in (so output stays the same at every degree). A failure stops new items from starting, lets the
/// running ones finish (a pulumi operation is never abandoned half-way), then is rethrown: an interruption first
/// (exit 4), else the failure of the earliest item. Ctrl-C reaches each running step through <c>ct</c>, and this waits
/// for all of them to stop.
/// </summary>
public static class BoundedParallel
{
    public static async Task<IReadOnlyList<TResult>> MapAsync<T, TResult>(IReadOnlyList<T> items, int degree,
        Func<T, int, CancellationToken, Task<TResult>> step, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1);
        var results = new TResult[items.Count];
        var failures = new Exception?[items.Count];
        var next = -1;
        var stop = false;
        async Task WorkerAsync()
        {
            await Task.Yield();
            while (!Volatile.Read(ref stop) && !ct.IsCancellationRequested)
            {
                var index = Interlocked.Increment(ref next);
                if (index >= items.Count) return;
                try { results[index] = await step(items[index], index, ct); }
                catch (Exception e)
                {
                    failures[index] = e;
                    Volatile.Write(ref stop, true);
                }
            }
        }
        await Task.WhenAll(Enumerable.Range(0, Math.Min(degree, Math.Max(items.Count, 1))).Select(_ => WorkerAsync()));
        var failure = failures.FirstOrDefault(e => e is CancelledException) ?? failures.FirstOrDefault(e => e is not null);
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        if (ct.IsCancellationRequested) throw new CancelledException("interrupted: not every preview was handled; run the command again");
        return results;
    }
}
