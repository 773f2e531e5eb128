using System.Text.Json;
using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.GitHub;

/// <summary>Inside Actions every credential is masked before anything is printed, and stdout stays data.</summary>
public class ActionsMaskTests
{
    private static Dictionary<string, string?> Credentials(string passphraseFile) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["ACTIONS_RUNTIME_TOKEN"] = "runtime-token",
        ["ACTIONS_ID_TOKEN_REQUEST_TOKEN"] = "oidc-request-token",
        ["ACTIONS_ID_TOKEN_REQUEST_URL"] = "https://token.actions.example/x", // a URL, not a secret
        ["GH_TOKEN"] = "gh-token",
        ["GITHUB_TOKEN"] = "ghs_secret",
        ["AWS_SECRET_ACCESS_KEY"] = "aws/secret%x",
        ["AWS_SESSION_TOKEN"] = "session-token",
        ["PULUMI_ACCESS_TOKEN"] = "pul-token",
        ["PULUMI_CONFIG_PASSPHRASE"] = "line one\nline two",
        ["PULUMI_CONFIG_PASSPHRASE_FILE"] = passphraseFile,
    };

    [Test]
    public void Every_credential_is_masked_on_stderr_first_and_json_stdout_stays_one_document()
    {
        // Arrange
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "from-the-file\n");
        try
        {
            // Act
            var result = DeployerRun.Run(Credentials(file), "github", "event", "--event-name", "pull_request",
                "--event-path", Payloads.Path_("pull_request.opened.payload"), "--dry-run", "--json");

            // Assert
            result.ExitCode.ShouldBe(0, result.StdErr);
            var masks = result.StdErr.Split('\n').TakeWhile(l => l.StartsWith("::add-mask::", StringComparison.Ordinal)).ToList();
            masks.ShouldBe([
                "::add-mask::runtime-token", "::add-mask::oidc-request-token", "::add-mask::gh-token", "::add-mask::ghs_secret",
                "::add-mask::aws/secret%25x", "::add-mask::session-token", "::add-mask::pul-token",
                "::add-mask::line one%0Aline two", "::add-mask::line one", "::add-mask::line two",
                "::add-mask::from-the-file%0A", "::add-mask::from-the-file",
            ]);
            using var document = JsonDocument.Parse(result.StdOut); // throws on anything but one JSON document
            document.RootElement.GetProperty("action").GetString().ShouldBe("deploy");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Every_command_masks_not_only_github_event()
    {
        var result = DeployerRun.Run(Credentials("/nonexistent/passphrase"), "plan", "--branch", "feature/login", "--json");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdErr.ShouldStartWith("::add-mask::runtime-token\n");
        using var document = JsonDocument.Parse(result.StdOut);
    }
}
