using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Smoke;

/// <summary>
/// The release did not pass the team's smoke tests (non-zero exit, timeout, or a program that could not start): exit
/// 9. <paramref name="consequence"/> says what became of the release (rolled back, or a preview left running).
/// </summary>
public sealed class SmokeTestsFailedException(string stack, Uri url, SmokeTestResult result, string consequence)
    : DeployerException($"smoke tests of '{stack}' failed: {result.Outcome}; {consequence}{result.DescribeTail()}")
{
    public string Stack { get; } = stack;
    public Uri Url { get; } = url;
    public SmokeTestResult Result { get; } = result;

    public override int ExitCode => ExitCodes.SmokeTestsFailed;

    /// <summary>The same failure once its consequence is known (the environment was rolled back).</summary>
    public SmokeTestsFailedException With(string newConsequence) => new(Stack, Url, Result, newConsequence);
}
