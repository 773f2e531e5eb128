using Deployments.Deployer.GitHub;

namespace Deployments.Deployer.Smoke;

/// <summary>
/// The environment a smoke test runs with: the deployer's, minus every credential of the tools it drives and of the
/// runner, plus the URL to test. A smoke command is trusted config, but what it runs may not be: <c>pytest tests/smoke</c>
/// runs the test files of the checkout, a pull request's in a preview job, and its dependencies. It tests the URL
/// from outside, as a user would, so it gets no AWS, Pulumi or GitHub credential, no way to ask the runner for an
/// OIDC token (ACTIONS_ID_TOKEN_REQUEST_*), and no step files (GITHUB_ENV, GITHUB_OUTPUT, …) to change later steps with.
/// </summary>
public static class SmokeTestEnvironment
{
    public const string UrlVariable = "DEPLOYMENTS_URL";
    public const string StackVariable = "DEPLOYMENTS_STACK";
    /// <summary>At a blue/green, canary or linear release's gate: the header (name, value) that reaches the new tasks on the test route.</summary>
    public const string TestHeaderNameVariable = "DEPLOYMENTS_TEST_HEADER_NAME";
    public const string TestHeaderValueVariable = "DEPLOYMENTS_TEST_HEADER_VALUE";

    /// <summary>Every variable starting with one of these is removed (AWS keys, profiles, web identity and container
    /// credentials; Pulumi's token, passphrase and backend; the runner's tokens; the deployer's own settings).</summary>
    public static readonly string[] RemovedPrefixes = ["AWS_", "PULUMI_", "ACTIONS_", "DEPLOYMENTS_"];

    /// <summary>GitHub tokens (gh reads GH_TOKEN and GH_ENTERPRISE_TOKEN) and the step files (https://docs.github.com/en/actions/reference/workflows-and-actions/workflow-commands#environment-files).</summary>
    public static readonly string[] RemovedNames =
    [
        "GITHUB_TOKEN", "GH_TOKEN", "GH_ENTERPRISE_TOKEN", "GITHUB_ENTERPRISE_TOKEN",
        "GITHUB_ENV", "GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_STATE", "GITHUB_STEP_SUMMARY",
    ];

    /// <summary>The child's variables; <paramref name="alsoRemoved"/> names further secrets, e.g. the variable holding the notification webhook's URL.</summary>
    public static Dictionary<string, string> Build(IReadOnlyDictionary<string, string> ambient, Uri url, string stack, IEnumerable<string> alsoRemoved,
        SmokeTestHeader? testHeader = null)
    {
        var removed = new HashSet<string>([.. RemovedNames, .. ActionsMasks.SecretVariables, ActionsMasks.PassphraseFileVariable, .. alsoRemoved], StringComparer.Ordinal);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in ambient)
            if (!removed.Contains(name) && !RemovedPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal))) result[name] = value;
        result[UrlVariable] = url.ToString();
        result[StackVariable] = stack;
        if (testHeader is not null)
        {
            result[TestHeaderNameVariable] = testHeader.Name;
            result[TestHeaderValueVariable] = testHeader.Value;
        }
        return result;
    }
}
