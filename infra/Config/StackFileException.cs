namespace Deployments.Infra.Config;

/// <summary>A stack file the loader refuses (too large, too deep, aliases that expand too far, complex keys), with where.</summary>
public sealed class StackFileException(string message, long line, long column) : Exception(message)
{
    public long Line { get; } = line;
    public long Column { get; } = column;
}
