using Deployments.Deployer.Tests.TestSupport;

namespace Deployments.Deployer.Tests.Commands;

/// <summary>
/// A branch whose preview would take or shadow the environment's host is refused before anything runs (exit 2):
/// here staging serves shop.example.com and its previews live beside it, at &lt;branch&gt;.example.com.
/// </summary>
public class PreviewHostTests
{
    private string _project = "";

    [SetUp]
    public void CopyProject()
    {
        _project = Directory.CreateTempSubdirectory("deployments-host-").FullName;
        File.Copy(RepoRoot.File("Pulumi.yaml"), Path.Combine(_project, "Pulumi.yaml"));
        var staging = File.ReadAllText(RepoRoot.File("Pulumi.staging.yaml"))
            .Replace("deployments:host: staging.shop.example.com", "deployments:host: shop.example.com", StringComparison.Ordinal)
            .Replace("deployments:previewDomain: preview.shop.example.com", "deployments:previewDomain: example.com", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(_project, "Pulumi.staging.yaml"), staging);
    }

    [TearDown]
    public void Remove() => Directory.Delete(_project, recursive: true);

    private DeployerRun.Result Plan(string branch) => DeployerRun.Run("plan", "--project-dir", _project, "--branch", branch);

    [Test]
    public void The_branch_named_like_the_environments_host_is_refused()
    {
        var result = Plan("shop");

        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain("the preview of 'shop' would be served at shop.example.com, which would be the environment's own host shop.example.com");
    }

    [Test]
    public void A_reserved_label_is_refused()
    {
        var result = Plan("www");

        result.ExitCode.ShouldBe(ExitCodes.UserError, result.StdErr);
        result.StdErr.ShouldContain("takes the reserved label 'www'");
    }

    [Test]
    public void Other_branches_plan_as_before()
    {
        var result = Plan("feature-x");

        result.ExitCode.ShouldBe(0, result.StdErr);
        result.StdOut.ShouldContain("https://feature-x.example.com");
    }
}
