namespace FakePulumi;

/// <summary>
/// With FAKE_PULUMI_SPANS=FILE, each invocation appends <c>start &lt;ticks&gt; &lt;pid&gt; &lt;words&gt;</c> when it begins and
/// <c>end &lt;ticks&gt; &lt;pid&gt;</c> when it ends (UTC ticks, one line each, appended atomically), so a test can count how many
/// ran at once. <c>version</c> is left out: it is the driver's check, not work on a stack.
/// </summary>
public sealed class Span : IDisposable
{
    private readonly string? _file;

    private Span(string? file) => _file = file;

    public static Span Start(CliArgs cli)
    {
        var file = Environment.GetEnvironmentVariable("FAKE_PULUMI_SPANS");
        if (file is not { Length: > 0 } || cli.Words is ["version"]) return new Span(null);
        Append(file, $"start {DateTime.UtcNow.Ticks} {Environment.ProcessId} {string.Join(' ', cli.Words.Take(2))}");
        return new Span(file);
    }

    public void Dispose()
    {
        if (_file is not null) Append(_file, $"end {DateTime.UtcNow.Ticks} {Environment.ProcessId}");
    }

    // One write per line with O_APPEND: lines of processes writing at once never mix.
    private static void Append(string file, string line)
    {
        using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        var bytes = System.Text.Encoding.UTF8.GetBytes(line + "\n");
        stream.Write(bytes, 0, bytes.Length);
    }
}
