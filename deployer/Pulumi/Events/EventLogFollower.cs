using System.Text;

namespace Deployments.Deployer.Pulumi.Events;

/// <summary>
/// Follows an event log file while pulumi writes it, handing each complete line's event on as it appears.
/// Polls (the file may not exist yet; pulumi creates and appends), every <see cref="PollInterval"/>, until the
/// end-of-stream event or until told the process has exited, after which it drains what is left.
/// </summary>
public sealed class EventLogFollower(string path, Action<EngineEvent> onEvent)
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    private long _offset;
    private readonly StringBuilder _partial = new();

    public bool Ended { get; private set; }

    public async Task FollowAsync(Task processExited, CancellationToken cancellationToken)
    {
        while (!Ended && !processExited.IsCompleted)
        {
            ReadNew();
            await Task.WhenAny(processExited, Task.Delay(PollInterval, CancellationToken.None));
        }
        ReadNew();
    }

    private void ReadNew()
    {
        if (Ended || !File.Exists(path)) return;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length <= _offset) return;
        stream.Seek(_offset, SeekOrigin.Begin);
        var buffer = new byte[stream.Length - _offset];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        _offset += read;
        _partial.Append(Encoding.UTF8.GetString(buffer, 0, read));
        var text = _partial.ToString();
        var lastNewline = text.LastIndexOf('\n');
        if (lastNewline < 0) return;
        _partial.Clear().Append(text[(lastNewline + 1)..]);
        foreach (var line in text[..lastNewline].Split('\n'))
        {
            if (line.Length == 0 || EngineEventParser.Parse(line) is not { } e) continue;
            onEvent(e);
            if (e is EndOfStreamEvent) { Ended = true; return; }
        }
    }
}
