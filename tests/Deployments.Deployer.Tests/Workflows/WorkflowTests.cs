using YamlDotNet.RepresentationModel;

namespace Deployments.Deployer.Tests.Workflows;

/// <summary>The workflows users copy: actionlint-clean, and the properties the product relies on.</summary>
[Category("workflows")]
public class WorkflowTests
{
    private static string Workflow(string name) => Path.Combine(RepoRoot.Dir, ".github", "workflows", name);

    [Test]
    public void Every_workflow_passes_actionlint()
    {
        var files = Directory.GetFiles(Path.Combine(RepoRoot.Dir, ".github", "workflows"), "*.yml").Order(StringComparer.Ordinal).ToArray();

        files.Select(Path.GetFileName).ShouldBe(["deploy.yml", "migrate.yml", "preview.yml", "rollback.yml", "sweep.yml"]);
        ActionLint.Lint(files).ShouldBeEmpty();
    }

    [Test]
    public void Actionlint_catches_a_broken_workflow()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yml");
        File.WriteAllText(broken, File.ReadAllText(Workflow("preview.yml")).Replace("runs-on: ubuntu-latest", "runs-onn: ubuntu-latest", StringComparison.Ordinal));
        try
        {
            var findings = ActionLint.Lint(broken);

            findings.ShouldNotBeEmpty();
            findings.Select(f => f!["message"]!.GetValue<string>()).ShouldContain(m => m.Contains("runs-onn", StringComparison.Ordinal));
        }
        finally { File.Delete(broken); }
    }

    [Test]
    public void Preview_runs_one_at_a_time_per_pull_request_and_never_cancels_a_deploy_half_way()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Workflow("preview.yml"))) yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var concurrency = (YamlMappingNode)root["concurrency"];
        var types = ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)root["on"])["pull_request"])["types"]).Select(t => t.ToString()).ToList();

        concurrency["group"].ToString().ShouldBe("preview-${{ github.event.pull_request.number }}");
        concurrency["cancel-in-progress"].ToString().ShouldBe("false");
        types.ShouldBe(["opened", "synchronize", "reopened", "ready_for_review", "closed", "labeled", "unlabeled"]);
        File.ReadAllText(Workflow("preview.yml")).ShouldContain("github.event.pull_request.head.repo.full_name == github.repository");
    }
}
