namespace Deployments.Infra.Config;

/// <summary>
/// The team's smoke tests of a release (<c>smokeTest</c>, and <c>previewDefaults.smokeTest</c> for previews): a program and
/// its arguments, run by the deployer after the health check with the URL to test in <c>DEPLOYMENTS_URL</c>, and
/// how long it may take. An argv array, never a shell line: nothing in it is interpreted.
/// </summary>
public sealed record SmokeTestSettings(IReadOnlyList<string> Command, int TimeoutSeconds)
{
    public const string Key = "smokeTest";
    public const int DefaultTimeoutSeconds = 300;
    /// <summary>An hour: smoke tests prove a release quickly; a longer suite belongs in its own job.</summary>
    public const int MaxTimeoutSeconds = 3600;
    public const int MaxArguments = 64;
    public const int MaxArgumentLength = 4096;
}
