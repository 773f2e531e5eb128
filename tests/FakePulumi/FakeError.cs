namespace FakePulumi;

/// <summary>An error the fake reports like the CLI: <c>error: message</c> on stderr and a non-zero exit (255, old-CLI style).</summary>
public sealed class FakeError(string message, int exitCode = 255) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
