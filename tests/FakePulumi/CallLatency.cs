namespace FakePulumi;

/// <summary>
/// FAKE_PULUMI_CALL_MS=N: every invocation but <c>version</c> first waits N ms, a stand-in for a backend's round trips
/// (an S3 read, a Pulumi Cloud request), so that a test can see calls overlap however fast the fake starts.
/// </summary>
public static class CallLatency
{
    public static void Wait(CliArgs cli)
    {
        if (cli.Words is not ["version"] && int.TryParse(Environment.GetEnvironmentVariable("FAKE_PULUMI_CALL_MS"), out var ms) && ms > 0)
            Thread.Sleep(ms);
    }
}
