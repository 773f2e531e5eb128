namespace FakePulumi;

/// <summary>
/// With FAKE_PULUMI_SPANS=FILE, each invocation appends <c>start &lt;ticks&gt; &lt;pid&gt; &lt;words&gt;</c> when it begins and
/// <c>end &lt;ticks&gt; &lt;pid&gt;</c> when it ends (UTC ticks, one line each, each appended whole), so a test can count how many
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

    /// <summary>Appends one line, holding the file exclusively meanwhile (.NET takes an advisory lock for
    /// <see cref="FileShare.None"/>): with many fakes running at once, a plain append can lose lines.</summary>
    public static void Append(string file, string line)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(line + "\n");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.None);
                stream.Write(bytes, 0, bytes.Length);
                return;
            }
            catch (IOException) when (attempt < 2000) { Thread.Sleep(1); }
        }
    }
}
