namespace Deployments.Deployer.Commands;

/// <summary>
/// Prints the output of steps that run at once in the steps' order, each as one block: a finished step's block is
/// written as soon as every earlier one has been, so the log reads the same at every <c>--parallel</c> and no two
/// previews' lines are interleaved. <see cref="FlushFinished"/> writes what finished after a gap (an interrupted run).
/// </summary>
public sealed class OrderedBlocks(int count)
{
    private readonly Action?[] _blocks = new Action?[count];
    private readonly bool[] _written = new bool[count];
    private int _next;

    public void Complete(int index, Action write)
    {
        lock (_blocks)
        {
            _blocks[index] = write;
            while (_next < count && _blocks[_next] is { } ready)
            {
                ready();
                _written[_next++] = true;
            }
        }
    }

    public void FlushFinished()
    {
        lock (_blocks)
            for (var i = _next; i < count; i++)
                if (_blocks[i] is { } ready && !_written[i]) { ready(); _written[i] = true; }
    }
}
